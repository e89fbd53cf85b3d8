/// Reads a TOML 1.0 document into a ``SpecTable`` whose keys carry their source lines, in
/// source order: the lab's own reader, so no input can stop the process (TOMLKit's toml++,
/// compiled with assertions, aborted on malformed text that `Scripts/fuzz spec` found).
///
///     let root = try TOMLReader.read("kind = \"formats\"\n[parameters]\ncounts = [1, 2]\n", file: "x.toml")
///     root.keys                                            // ["kind", "parameters"]
///     try root.table("parameters")?.entry("counts")?.line  // 3
///     try TOMLReader.read("a = ]\n", file: "x.toml")
///     // throws x.toml:1: TOML syntax error: expected a value (a string, number, boolean, array or inline table), found ']'
///
/// Everything in TOML 1.0 is read — bare, quoted and dotted keys, the four string kinds with
/// every escape, integers (decimal, `0x`, `0o`, `0b`), floats (`inf`, `nan`), booleans, arrays,
/// inline tables, `[tables]`, `[[arrays of tables]]` and the rules against redefining any of
/// them — except dates and times, which no experiment uses (refused with a message saying
/// so). Integers must fit in 64 bits. Tables and arrays nest at most ``maximumDepth`` deep, so
/// the reader's recursion is bounded; it reads in one pass, in time linear in the text. CRLF
/// is read as LF, also inside multi-line strings (TOML allows either).
struct TOMLReader {
    /// The deepest nesting of tables and arrays read (`a.b.c = [[1]]` is 5 deep).
    static let maximumDepth = 128

    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20

    let file: String
    /// The text as UTF-8, every CRLF turned into LF (line numbers do not change).
    let bytes: [UInt8]
    var index = 0
    var line = 1
    /// Every table of the document; the root is 0.
    var tables = [TOMLDraftTable(origin: .header, line: 1, depth: 0)]
    /// The key path of the value being read (`parameters`, `counts[2]`), for the message on dates.
    var valuePath: [String] = []

    /// Reads `text`; `file` names it in errors.
    static func read(_ text: String, file: String) throws(SpecError) -> SpecTable {
        var reader = TOMLReader(text: text, file: file)
        try reader.readDocument()
        return reader.specTable(0, path: [], line: nil)
    }

    private init(text: String, file: String) {
        self.file = file
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var carriageReturn = false
        for byte in text.utf8 {
            if carriageReturn && byte != Self.lineFeed { bytes.append(Self.carriageReturn) }
            carriageReturn = byte == Self.carriageReturn
            if !carriageReturn { bytes.append(byte) }
        }
        if carriageReturn { bytes.append(Self.carriageReturn) }
        self.bytes = bytes
    }

    // MARK: Statements

    /// Lines of `key = value`, `[table]`, `[[array]]`, comments and blanks.
    private mutating func readDocument() throws(SpecError) {
        var section = 0
        var sectionPath: [String] = []
        while true {
            skipSpaces()
            guard let byte = peek() else { return }
            if byte == Self.lineFeed {
                advanceLine()
                continue
            }
            if byte == UInt8(ascii: "[") {
                (section, sectionPath) = try readHeader()
            } else if Self.isBareKeyByte(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                try readKeyValue(into: section, path: sectionPath)
            } else if byte != UInt8(ascii: "#") {
                throw failure("expected a key, a [table] header or a comment, found \(found)")
            }
            skipSpaces()
            try skipComment()
            guard let end = peek() else { return }
            guard end == Self.lineFeed else { throw failure("expected the end of the line, found \(found)") }
            advanceLine()
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table that the following keys go in, and its path.
    private mutating func readHeader() throws(SpecError) -> (Int, [String]) {
        let headerLine = line
        index += 1
        let isArray = peek() == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipSpaces()
        let key = try readKey()
        if isArray {
            guard peek() == UInt8(ascii: "]"), peek(1) == UInt8(ascii: "]") else {
                throw failure("expected ']]' to close the [[array of tables]] header, found \(found)")
            }
            index += 2
            return try appendTableArrayElement(key, line: headerLine)
        }
        guard peek() == UInt8(ascii: "]") else { throw failure("expected ']' to close the [table] header, found \(found)") }
        index += 1
        return try defineTable(key, line: headerLine)
    }

    /// `key = value` in `table` (whose key path is `path`).
    mutating func readKeyValue(into table: Int, path: [String]) throws(SpecError) {
        let keyLine = line
        let key = try readKey()
        guard peek() == UInt8(ascii: "=") else {
            throw failure("expected '=' after the key '\(Self.dotted(key.map(Self.name)))', found \(found)")
        }
        index += 1
        skipSpaces()
        let outerPath = valuePath
        valuePath = path + key.map(Self.name)
        let value = try readValue(depth: tables[table].depth + key.count)
        valuePath = outerPath
        try insert(key, value, into: table, path: path, line: keyLine)
    }

    /// `a."b c".'d'`: the parts as UTF-8 (escapes resolved), spaces around dots skipped, and
    /// the spaces after the key.
    mutating func readKey() throws(SpecError) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        while true {
            guard parts.count < Self.maximumDepth else { throw failure("a dotted key has more than \(Self.maximumDepth) parts") }
            parts.append(try readKeyPart())
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return parts }
            index += 1
            skipSpaces()
        }
    }

    private mutating func readKeyPart() throws(SpecError) -> [UInt8] {
        let start = index
        while let byte = peek(), Self.isBareKeyByte(byte) { index += 1 }
        if index > start { return Array(bytes[start..<index]) }
        switch peek() {
        case UInt8(ascii: "\"")?:
            index += 1
            return try readBasicString(multiline: false, startLine: line)
        case UInt8(ascii: "'")?:
            index += 1
            return try readLiteralString(multiline: false, startLine: line)
        default:
            throw failure("expected a key (letters, digits, '_', '-', or a quoted key), found \(found)")
        }
    }

    // MARK: Scanning

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    /// Whether the text at the current position starts with `word` (ASCII).
    func looksAt(_ word: StaticString) -> Bool {
        guard index + word.utf8CodeUnitCount <= bytes.count else { return false }
        let word = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return word.indices.allSatisfy { bytes[index + $0] == word[$0] }
    }

    /// Steps over a line feed.
    mutating func advanceLine() {
        index += 1
        line += 1
    }

    /// Spaces and tabs.
    mutating func skipSpaces() {
        while let byte = peek(), byte == Self.space || byte == Self.tab { index += 1 }
    }

    /// A `#` comment up to (not including) the line feed; control characters other than tab
    /// are not allowed in it.
    mutating func skipComment() throws(SpecError) {
        guard peek() == UInt8(ascii: "#") else { return }
        while let byte = peek(), byte != Self.lineFeed {
            if Self.isControl(byte) { throw failure("\(found) in a comment (control characters other than tab are not allowed)") }
            index += 1
        }
    }

    /// Spaces, line feeds and comments, as allowed between the elements of an array.
    mutating func skipBlankLines() throws(SpecError) {
        while true {
            skipSpaces()
            if peek() == Self.lineFeed {
                advanceLine()
            } else if peek() == UInt8(ascii: "#") {
                try skipComment()
            } else {
                return
            }
        }
    }

    /// A syntax error at the current line (or `line`).
    func failure(_ message: String, line: Int? = nil) -> SpecError {
        SpecError(file: file, line: line ?? self.line, message: "TOML syntax error: " + message)
    }

    /// The character at the current position, for messages: `']'`, `U+00D7`, `the end of the line`.
    var found: String {
        guard let byte = peek() else { return "the end of the file" }
        if byte == Self.lineFeed { return "the end of the line" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let scalar = String(decoding: bytes[index..<min(index + 4, bytes.count)], as: UTF8.self).unicodeScalars.first
        let code = String(scalar?.value ?? UInt32(byte), radix: 16, uppercase: true)
        return "character U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code
    }

    // MARK: Characters

    /// A–Z, a–z, 0–9, '_' and '-'.
    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// U+0000–U+001F but tab, and U+007F: not allowed in strings and comments.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != Self.tab) || byte == 0x7F
    }

    static func name(_ key: [UInt8]) -> String { String(decoding: key, as: UTF8.self) }

    /// A key path as errors show it: `checks.nearest_even."1/3"`, `cases[0].a`.
    static func dotted(_ path: [String]) -> String {
        path.map { part in
            part.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "[" || $0 == "]" } ? part : "\"\(part)\""
        }.joined(separator: ".")
    }
}
