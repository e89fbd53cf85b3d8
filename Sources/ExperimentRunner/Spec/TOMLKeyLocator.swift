/// Finds the source line of every key in a TOML document.
///
/// TOMLKit (toml++) reports positions only for syntax errors, not for the nodes of a parsed
/// table, so spec errors locate keys with this small scanner instead. It understands
/// `[table]` and `[[array.of.tables]]` headers, dotted and quoted keys, inline tables, and
/// skips over strings (all four kinds), arrays and comments; it does not validate — TOMLKit
/// has already done that.
///
///     let locator = TOMLKeyLocator(text: "kind = \"x\"\n[parameters]\ncounts = [1,\n  2]\n")
///     locator.line(for: ["parameters", "counts"])   // 3
///     locator.line(for: ["parameters", "missing"])  // 2 (falls back to the table header)
struct TOMLKeyLocator {
    private var lines: [[String]: Int] = [:]
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var arrayTableCounts: [[String]: Int] = [:]

    init(text: String) {
        bytes = Array(text.utf8)
        scanDocument()
    }

    /// The line of `path`, or of its nearest located ancestor; array-of-tables elements are
    /// path components like `cases[0]`.
    func line(for path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    // MARK: Scanner

    private var atEnd: Bool { index >= bytes.count }
    private var current: UInt8 { bytes[index] }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") { line += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while !atEnd, current == UInt8(ascii: " ") || current == UInt8(ascii: "\t") { advance() }
    }

    /// Skips spaces, newlines and comments.
    private mutating func skipBlank() {
        while !atEnd {
            switch current {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"): advance()
            case UInt8(ascii: "#"): while !atEnd && current != UInt8(ascii: "\n") { advance() }
            default: return
            }
        }
    }

    private mutating func skipToLineEnd() {
        while !atEnd && current != UInt8(ascii: "\n") { advance() }
    }

    private mutating func scanDocument() {
        var table: [String] = []
        while true {
            skipBlank()
            guard !atEnd else { return }
            let startLine = line
            if current == UInt8(ascii: "[") {
                advance()
                let isArray = !atEnd && current == UInt8(ascii: "[")
                if isArray { advance() }
                let key = scanKeyPath()
                while !atEnd && current != UInt8(ascii: "\n") && current != UInt8(ascii: "]") { advance() }
                skipToLineEnd()
                // A header with no key this scanner can read (TOMLKit may accept text it does
                // not follow): nothing to record (found by Scripts/fuzz spec: `[[` then `[`…).
                guard !key.isEmpty else { continue }
                if isArray {
                    let count = arrayTableCounts[key, default: 0]
                    arrayTableCounts[key] = count + 1
                    var element = key
                    element[element.count - 1] += "[\(count)]"
                    lines[key] = lines[key] ?? startLine
                    lines[element] = startLine
                    table = element
                } else {
                    lines[key] = startLine
                    table = key
                }
                continue
            }
            scanKeyValue(prefix: table)
            skipToLineEnd()
        }
    }

    /// `key.path = value`, recording the key (and keys of inline tables in the value).
    private mutating func scanKeyValue(prefix: [String]) {
        let startLine = line
        let key = scanKeyPath()
        guard !key.isEmpty else { advance(); return }
        let path = prefix + key
        lines[path] = startLine
        skipSpaces()
        guard !atEnd, current == UInt8(ascii: "=") else { return }
        advance()
        skipSpaces()
        scanValue(path: path)
    }

    /// Reads `a."b c".'d'` into components; stops before `=`, `]` or end of line.
    private mutating func scanKeyPath() -> [String] {
        var parts: [String] = []
        while !atEnd {
            skipSpaces()
            guard !atEnd else { break }
            switch current {
            case UInt8(ascii: "\""):
                parts.append(scanString(quote: UInt8(ascii: "\""), hasEscapes: true))
            case UInt8(ascii: "'"):
                parts.append(scanString(quote: UInt8(ascii: "'"), hasEscapes: false))
            default:
                var raw: [UInt8] = []
                while !atEnd, Self.isBareKeyByte(current) {
                    raw.append(current)
                    advance()
                }
                guard !raw.isEmpty else { return parts }
                parts.append(String(decoding: raw, as: UTF8.self))
            }
            skipSpaces()
            if !atEnd && current == UInt8(ascii: ".") { advance() } else { break }
        }
        return parts
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private mutating func scanValue(path: [String]) {
        guard !atEnd else { return }
        switch current {
        case UInt8(ascii: "\""): _ = scanString(quote: UInt8(ascii: "\""), hasEscapes: true)
        case UInt8(ascii: "'"): _ = scanString(quote: UInt8(ascii: "'"), hasEscapes: false)
        case UInt8(ascii: "["):
            advance()
            var element = 0
            while true {
                skipBlank()
                guard !atEnd else { return }
                if current == UInt8(ascii: "]") { advance(); return }
                if current == UInt8(ascii: ",") { advance(); element += 1; continue }
                var elementPath = path
                elementPath[elementPath.count - 1] += "[\(element)]"
                lines[elementPath] = line
                // A byte no value starts with (`[1}`, which TOMLKit may still accept inside
                // odd text) is skipped, so the scan always moves on (found by Scripts/fuzz spec).
                let before = index
                scanValue(path: elementPath)
                if index == before { advance() }
            }
        case UInt8(ascii: "{"):
            advance()
            while true {
                skipSpaces()
                guard !atEnd else { return }
                if current == UInt8(ascii: "}") { advance(); return }
                if current == UInt8(ascii: ",") { advance(); continue }
                if current == UInt8(ascii: "\n") { advance(); continue }
                let before = index
                scanKeyValue(prefix: path)
                if index == before { advance() }
            }
        default:
            while !atEnd {
                let byte = current
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
                    || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "#") { return }
                advance()
            }
        }
    }

    /// A string opened by one or three `quote`s: basic `"…"`/`"""…"""` (`hasEscapes`: a
    /// backslash keeps the next byte from closing it) or literal `'…'`/`'''…'''`. Returns the raw
    /// contents, escapes left as written (enough for the plain keys specs use); single-line
    /// strings also end at a newline.
    private mutating func scanString(quote: UInt8, hasEscapes: Bool) -> String {
        let multiline = peek(1) == quote && peek(2) == quote
        var raw: [UInt8] = []
        if multiline {
            advance(); advance(); advance()
            while !atEnd {
                if hasEscapes && current == UInt8(ascii: "\\") { raw.append(current); advance(); if !atEnd { raw.append(current); advance() }; continue }
                if current == quote, peek(1) == quote, peek(2) == quote {
                    advance(); advance(); advance()
                    while !atEnd && current == quote { advance() }
                    break
                }
                raw.append(current)
                advance()
            }
            return String(decoding: raw, as: UTF8.self)
        }
        advance()
        while !atEnd && current != quote && current != UInt8(ascii: "\n") {
            if hasEscapes && current == UInt8(ascii: "\\") { advance(); guard !atEnd else { break } }
            raw.append(current)
            advance()
        }
        if !atEnd && current == quote { advance() }
        return String(decoding: raw, as: UTF8.self)
    }
}
