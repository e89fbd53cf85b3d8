import Testing
@testable import ExperimentRunner

/// Non-ASCII characters outside strings and comments are refused before TOMLKit sees them
/// (its parser asserts on some, e.g. the fuzzer's `[�parameters]`); inside any of the four
/// string kinds and in comments they are fine.
@Suite struct TOMLCharacterCheckTests {
    @Test(arguments: [
        "title = \"1.75 × 2^8 = 448\"\n",
        "title = 'σ² — literal'\n",
        "summary = \"\"\"\nfirst line ≈\nsecond \\\" ≠\n\"\"\"\nkind = \"formats\"\n",
        "summary = '''\nμ'''\nkind = \"x\"\n",
        "a = \"\"\"quoted \"\"\"\"\nb = \"é\"\n",          // one quote of content before the delimiter
        "a = \"escaped \\\" still é\"\n",
        "# comment ≈ anything\nkind = \"x\"  # ≠\n",
        "[\"ключ\"]\nv = 1\n",
        "a = 1\t# tab\r\nb = 2\r\n",
        "[ parameters . inner ]\n[[ \"cases\" ]]\nx = [\n  [+1, {a = 1}],\n  [1.5],\n]\n",
    ])
    func acceptsNonASCIIInStringsAndComments(_ text: String) {
        #expect(TOMLCharacterCheck.firstMisplaced(in: text) == nil)
    }

    @Test(arguments: [
        ("[\u{FFFD}parameters]\n", 1, 0xFFFD),
        ("kind = \"x\"\nπ = 3\n", 2, 0x03C0),
        ("a = \"\"\"x\"\"\"\"\"\nb = 1 ×\n", 2, 0x00D7),
        ("a = \"unterminated\nb = é\n", 2, 0x00E9),
        ("kind = \"x\"\n\n[\u{19}parameters]\n", 3, 0x19),   // the fuzzer's second finding
        ("a = 1\u{7F}\n", 1, 0x7F),
        ("[# \n", 1, 0x23),                                   // the fuzzer's third finding
        ("[a.#b]\n", 1, 0x23),
        ("[[\n", 1, 0x0A),
    ] as [(String, Int, UInt32)])
    func findsTheFirstMisplacedCharacter(_ text: String, line: Int, value: UInt32) throws {
        let found = try #require(TOMLCharacterCheck.firstMisplaced(in: text))
        #expect(found.line == line)
        #expect(found.scalar.value == value)
    }

    @Test func namesTheProblem() throws {
        #expect(try #require(TOMLCharacterCheck.firstMisplaced(in: "[# \n")).problem == .headerKey)
        #expect(try #require(TOMLCharacterCheck.firstMisplaced(in: "a = 1 ×\n")).problem == .notPrintableASCII)
    }

    /// The fuzzer's finding (Fuzz/Corpus/spec keeps it as a seed): a clear error, no trap.
    @Test func specLoaderNamesTheLine() {
        let text = "# Summation\n\n[\u{FFFD}parameters]\nacods = [\"runniform\"]\n"
        do {
            _ = try SpecLoader.parse(text: text, name: "fuzz", file: "fuzz.toml")
            Issue.record("no error")
        } catch {
            #expect(error.line == 3)
            #expect(error.description.contains("a table header needs a key") && error.description.contains("U+FFFD"))
        }
    }
}
