@testable import ExperimentRunner
import Foundation
import Testing

/// The lab's TOML reader: lines and source order of keys, paths, values, errors with their
/// lines, and inputs that used to stop TOMLKit's toml++ on an assertion. Values against an
/// independent parser (Python's tomllib) are in ``TOMLFixtureTests``.
@Suite struct TOMLReaderTests {
    static func read(_ text: String) throws(SpecError) -> SpecTable {
        try TOMLReader.read(text, file: "t.toml")
    }

    static let document = """
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
        b = {c = [{d = 3}]}
        """

    @Test func everyKeyHasItsLineInSourceOrder() throws {
        let root = try Self.read(Self.document)
        #expect(root.keys == ["kind", "title", "parameters", "checks", "cases"])
        #expect(root.entries.map(\.line) == [2, 3, 7, 14, 16])
        let parameters = try #require(try root.table("parameters"))
        #expect(parameters.line == 7)
        #expect(parameters.keys == ["values", "quoted key", "dotted"])
        #expect(parameters.entries.map(\.line) == [8, 12, 13])
        #expect(parameters["values"] == .array([.string("1/3"), .string("0.1")]))
        let dotted = try #require(try parameters.table("dotted"))
        #expect(dotted.path == "parameters.dotted" && dotted.entry("inner")?.line == 13)
        let third = try #require(try root.table("checks")?.table("nearest_even")?.table("1/3"))
        #expect(third.path == "checks.nearest_even.\"1/3\"" && third.line == 14 && third.entry("float16")?.line == 15)
        #expect(root["title"] == .string("multi-line [not a table]\nkey = \"not a key\"\n"))
    }

    /// Elements of arrays of tables and of arrays are named `key[i]`, as spec errors show them.
    @Test func arrayElementsArePathsWithAnIndex() throws {
        let root = try Self.read(Self.document)
        guard case .array(let cases)? = root["cases"], cases.count == 2,
              case .table(let first) = cases[0], case .table(let second) = cases[1] else {
            Issue.record("cases: \(String(describing: root["cases"]))")
            return
        }
        #expect(first.path == "cases[0]" && first.line == 16 && first.entry("a")?.line == 17)
        #expect(second.path == "cases[1]" && second.line == 18 && second.keys == ["a", "b"])
        guard case .array(let inner)? = try second.table("b")?["c"], case .table(let element)? = inner.first else {
            Issue.record("b.c")
            return
        }
        #expect(element.path == "cases[1].b.c[0]" && element.line == 20 && element["d"] == .integer(3))
    }

    @Test(arguments: [
        ("a = 0x7FFF_FFFF_FFFF_FFFF", SpecValue.integer(Int.max)),
        ("a = -9_223_372_036_854_775_808", .integer(Int.min)),
        ("a = 0o755", .integer(493)),
        ("a = 0b1101", .integer(13)),
        ("a = +0", .integer(0)),
        ("a = 6.626e-34", .float(6.626e-34)),
        ("a = 1E06", .float(1e6)),
        ("a = -inf", .float(-.infinity)),
        ("a = 1e400", .float(.infinity)),
        ("a = \"\\u00D7 \\U0001F600 \\t\"", .string("× 😀 \t")),
        ("a = \"\"\"\n  one \\\n     two\"\"\"\"\"", .string("  one two\"\"")),
        ("a = '''C:\\x'''''", .string("C:\\x''")),
        ("a = [ ]", .array([])),
        ("a = [1, [2, 'x'], {}, ] # mixed types are fine", .array([.integer(1), .array([.integer(2), .string("x")]),
                                                                    .table(SpecTable(file: "t.toml", path: "a[2]", line: 1, entries: []))])),
        ("\"\" = true", .bool(true)),
    ])
    func readsTheValue(_ text: String, _ value: SpecValue) throws {
        let root = try Self.read(text + "\r\n")
        #expect(root.entries.first?.value == value)
    }

    /// What TOML 1.0 refuses, with the line the error is on.
    @Test(arguments: [
        ("kind = \"formats\"\ntitle = \"x\n", 2, "no closing quote"),
        ("a = 1\na = 2\n", 2, "'a' already has a value"),
        ("[t]\n[t]\n", 2, "table 't' is already defined"),
        ("[t.u]\n[t]\n[t]\n", 3, "table 't' is already defined"),
        ("a = {b = 1}\n[a.c]\n", 2, "inline table"),
        ("a = {b = 1}\na.c = 2\n", 2, "inline table"),
        ("a = [1]\n[[a]]\n", 2, "already has a value"),
        ("[[a]]\n[a]\n", 2, "array of tables"),
        ("[a]\nb.c = 1\n[a.b]\n", 3, "made by dotted keys"),
        ("[a.b.c]\n[a]\nb.c.d = 1\n", 3, "table 'a.b.c' is already defined"),
        ("a = 9223372036854775808\n", 1, "does not fit in 64 bits"),
        ("a = 0x1_0000_0000_0000_0000\n", 1, "does not fit in 64 bits"),
        ("a = 1979-05-27\n", 1, "dates and times"),
        ("a = 07:32:00\n", 1, "dates and times"),
        ("a = 01\n", 1, "expected the end of the line, found '1'"),
        ("a = 1__0\n", 1, "found '_'"),
        ("a = 1.\n", 1, "found '.'"),
        ("a = .5\n", 1, "expected a value"),
        ("a = +0x1\n", 1, "found 'x'"),
        ("a = \"\\e\"\n", 1, "unknown escape"),
        // A line-ending backslash belongs to multi-line strings only (tomllib refuses it too).
        ("a = \"x\\ \ny\"\n", 1, "unknown escape"),
        ("a = \"x\\\ny\"\n", 1, "unknown escape"),
        ("a = \"\\uD800\"\n", 1, "not a Unicode scalar value"),
        ("a = {b = 1,}\n", 1, "expected a key"),
        ("a = {b = 1\n}\n", 1, "expected ',' or '}'"),
        ("a = [1 2]\n", 1, "expected ',' or ']'"),
        ("a = 1 b = 2\n", 1, "expected the end of the line"),
        ("[ [a]]\n", 1, "expected a key"),
        ("a = 1\r\nb = 2\rc = 3\n", 2, "U+000D"),
        ("# bell \u{7}\n", 1, "U+0007 in a comment"),
        ("a = \"\"\"\n\n\n", 1, "no closing quote"),
    ] as [(String, Int, String)])
    func refuses(_ text: String, line: Int, fragment: String) {
        do {
            _ = try Self.read(text)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.file == "t.toml")
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    /// Dates name the key they are written under, as before.
    @Test func dateNamesItsKey() {
        #expect(throws: SpecError(file: "t.toml", key: "parameters.when[1]", line: 3,
                                  message: "dates and times are not used by any experiment; write a string or a number")) {
            try Self.read("[parameters]\nwhen = [\"now\",\n   1979-05-27T07:32:00Z]\n")
        }
    }

    /// Characters TOML allows only in strings and comments (and toml++ asserted on in table
    /// headers, found by Scripts/fuzz spec: `[�parameters]`, `[\u{19}parameters]`, `[# `).
    @Test(arguments: [
        ("[\u{FFFD}parameters]\n", 1, "U+FFFD"),
        ("kind = \"x\"\nπ = 3\n", 2, "U+03C0"),
        ("a = \"\"\"x\"\"\"\"\"\nb = 1 ×\n", 2, "U+00D7"),
        ("kind = \"x\"\n\n[\u{19}parameters]\n", 3, "U+0019"),
        ("a = 1\u{7F}\n", 1, "U+007F"),
        ("[# \n", 1, "'#'"),
        ("[a.#b]\n", 1, "'#'"),
        ("[[\n", 1, "the end of the line"),
        ("[]\nb = 2\n", 1, "']'"),
        ("[[ ]]\nb = 2\n", 1, "']'"),
        ("a = [1}\nb = 2\n", 1, "'}'"),
    ] as [(String, Int, String)])
    func refusesCharactersOutsideStrings(_ text: String, line: Int, fragment: String) {
        do {
            _ = try Self.read(text)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    @Test(arguments: [
        "title = \"1.75 × 2^8 = 448\"\n",
        "title = 'σ² — literal'\n",
        "summary = \"\"\"\nfirst line ≈\nsecond \\\" ≠\n\"\"\"\nkind = \"formats\"\n",
        "# comment ≈ anything\nkind = \"x\"  # ≠\n",
        "[\"ключ\"]\nv = 1\n",
        "[ parameters . inner ]\n[[ \"cases\" ]]\nx = [\n  [+1, {a = 1}],\n  [1.5],\n]\n",
        "\"é\" = 1\n\"e\u{301}\" = 2\n",   // two keys: compared byte for byte, not by canonical equivalence
    ])
    func acceptsNonASCIIInStringsAndComments(_ text: String) throws {
        _ = try Self.read(text)
    }

    /// Nesting is bounded (the reader recurses once per level), with a message, not a stack
    /// overflow; 128 levels are fine.
    @Test(arguments: [
        (String(repeating: "[", count: 128) + String(repeating: "]", count: 128), true),
        (String(repeating: "[", count: 129) + String(repeating: "]", count: 129), false),
        (String(repeating: "[", count: 100_000), false),
        (String(repeating: "{a=", count: 100_000), false),
    ])
    func nestingIsBounded(_ value: String, fine: Bool) {
        #expect(((try? Self.read("a = " + value)) != nil) == fine)
    }

    @Test func longDottedKeysAndHeadersAreBounded() {
        let long = Array(repeating: "a", count: 10_000).joined(separator: ".")
        #expect(throws: SpecError.self) { try Self.read(long + " = 1") }
        #expect(throws: SpecError.self) { try Self.read("[" + long + "]") }
        #expect(throws: SpecError.self) { try Self.read("[[" + long + "]]") }
    }

    /// One pass: 20,000 array-of-tables headers, a 50,000-element array and a 1 MB string
    /// read in well under the time limit (about 5 s in a debug build on a busy machine).
    @Test(.timeLimit(.minutes(1))) func readsLargeDocumentsInLinearTime() throws {
        let headers = String(repeating: "[[a.b]]\nx = 1\n", count: 20_000)
        let array = "c = [" + String(repeating: "1,", count: 50_000) + "]\n"
        let string = "d = \"" + String(repeating: "x", count: 1_000_000) + "\"\n"
        let root = try Self.read(array + string + headers)
        guard case .array(let elements)? = try root.table("a")?["b"] else { Issue.record("a.b"); return }
        #expect(elements.count == 20_000)
    }

    /// The inputs with which Scripts/fuzz spec stopped TOMLKit (Fuzz/Corpus/spec/regression-*):
    /// each is malformed, and is now an error on the line of its first problem (for the first
    /// two, a NUL in the comment on line 1, before the array closed by `}` and the `[[[[…`).
    @Test(arguments: [
        ("regression-array-closed-by-brace.toml", 1),
        ("regression-array-header-without-key", 1),
        ("regression-control-character-table-header", 5),
        ("regression-header-comment", 1),
        ("regression-nonascii-table-header", 3),
        ("regression-value-terminator", 3),   // `counts = ]`: toml++'s parse_value assertion
    ])
    func fuzzFindingsAreErrors(_ seed: String, line: Int) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../Fuzz/Corpus/spec/" + seed).standardized
        let data = try #require(FileManager.default.contents(atPath: url.path))
        do {
            _ = try SpecLoader.parse(text: String(decoding: data, as: UTF8.self), name: "fuzz", file: "fuzz.toml")
            Issue.record("no error")
        } catch {
            #expect(error.line == line, "\(error)")
            #expect(error.message.hasPrefix("TOML syntax error: "), "\(error)")
        }
    }
}
