@testable import ExperimentRunner
import Testing

@Suite("TOML key locator")
struct TOMLKeyLocatorTests {
    static let text = """
        # comment with = sign and [brackets]
        kind = "x"   # trailing
        title = '''
        multi-line [not a table]
        key = "not a key"
        '''
        [parameters]
        values = [
          "1/3",  # a comment ]
          "0.1",
        ]
        "quoted key" = 1
        dotted.inner = 2
        [checks.nearest_even."1/3"]
        float16 = "0.333251953125"
        [[cases]]
        a = 1
        [[cases]]
        a = 2
        """

    /// An array closed by `}` made the scan loop forever (Scripts/fuzz spec, 3 December 2026;
    /// the fuzzer's input is Fuzz/Corpus/spec/regression-array-closed-by-brace.toml). The stray
    /// byte is skipped and the scan ends (the rest of the file is read as array elements).
    @Test(.timeLimit(.minutes(1)), arguments: ["a = [1}\nb = 2\n", "a = [1, }]\nb = 2\n"])
    func arrayClosedByBraceEnds(text: String) {
        let locator = TOMLKeyLocator(text: text)
        #expect(locator.line(for: ["a"]) == 1)
        #expect(locator.line(for: ["a[0]"]) != nil)
    }

    /// An array-of-tables header with no key the scanner can read (`[[[x]]]`, `[[ ]]`) is
    /// skipped; it used to index an empty key path (found by Scripts/fuzz spec).
    @Test(arguments: ["[[[x]]]\nb = 2\n", "[[ ]]\nb = 2\n", "[]\nb = 2\n"])
    func headerWithoutAKeyIsSkipped(text: String) {
        let locator = TOMLKeyLocator(text: text)
        #expect(locator.line(for: ["b"]) == 2)
    }

    @Test func findsEveryKey() {
        let locator = TOMLKeyLocator(text: Self.text)
        #expect(locator.line(for: ["kind"]) == 2)
        #expect(locator.line(for: ["title"]) == 3)
        #expect(locator.line(for: ["key"]) == nil)
        #expect(locator.line(for: ["parameters"]) == 7)
        #expect(locator.line(for: ["parameters", "values"]) == 8)
        #expect(locator.line(for: ["parameters", "values[1]"]) == 10)
        #expect(locator.line(for: ["parameters", "quoted key"]) == 12)
        #expect(locator.line(for: ["parameters", "dotted", "inner"]) == 13)
        #expect(locator.line(for: ["checks", "nearest_even", "1/3", "float16"]) == 15)
        #expect(locator.line(for: ["cases[0]", "a"]) == 17)
        #expect(locator.line(for: ["cases[1]", "a"]) == 19)
        #expect(locator.line(for: ["parameters", "absent"]) == 7)
    }
}
