extension JSONValue {
    /// Why a text is not JSON: the byte offset and what was expected there.
    package struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        package let offset: Int
        package let message: String

        package var description: String { "byte \(offset): \(message)" }
    }

    /// Reads a JSON document (RFC 8259), keeping every number as its text, so that
    /// `"0.042510986328125"` can be rounded once, exactly, into the format it belongs to (the
    /// counterpart of the writer, which prints each number as its format's printed decimal).
    ///
    ///     try JSONValue(parsing: Array(#"{"q": [28, -12], "scale": [0.25]}"#.utf8))
    ///     // .object([("q", .array([.number("28"), .number("-12")])), ("scale", .array([.number("0.25")]))])
    ///
    /// - Throws: ``SyntaxError`` with the byte offset of the first problem.
    package init(parsing bytes: [UInt8]) throws(SyntaxError) {
        var reader = Reader(bytes: bytes)
        self = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.offset == bytes.count else { throw reader.failure("unexpected text after the document") }
    }

    /// The members of an object, by key (the first of repeated keys), or nil for another value.
    package var members: [String: JSONValue]? {
        guard case .object(let pairs) = self else { return nil }
        var result: [String: JSONValue] = [:]
        for (key, value) in pairs where result[key] == nil { result[key] = value }
        return result
    }

    /// A recursive-descent reader over UTF-8 bytes.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        func failure(_ message: String) -> SyntaxError { SyntaxError(offset: offset, message: message) }

        mutating func skipWhitespace() {
            while offset < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[offset]) { offset += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == byte else { throw failure("expected \(what)") }
            offset += 1
        }

        mutating func value(depth: Int) throws(SyntaxError) -> JSONValue {
            guard depth < 64 else { throw failure("nested more than 64 levels deep") }
            skipWhitespace()
            guard offset < bytes.count else { throw failure("unexpected end of the document") }
            switch bytes[offset] {
            case UInt8(ascii: "{"):
                offset += 1
                var members: [(String, JSONValue)] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object([]) }
                while true {
                    skipWhitespace()
                    guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
                    let key = try string()
                    try expect(UInt8(ascii: ":"), "':' after a key")
                    members.append((key, try value(depth: depth + 1)))
                    skipWhitespace()
                    guard offset < bytes.count else { throw failure("unterminated object") }
                    if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                    if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                    throw failure("expected ',' or '}' in an object")
                }
            case UInt8(ascii: "["):
                offset += 1
                var elements: [JSONValue] = []
                skipWhitespace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array([]) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipWhitespace()
                    guard offset < bytes.count else { throw failure("unterminated array") }
                    if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                    if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
                    throw failure("expected ',' or ']' in an array")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws(SyntaxError) -> JSONValue {
            let utf8 = Array(word.utf8)
            guard offset + utf8.count <= bytes.count, Array(bytes[offset..<(offset + utf8.count)]) == utf8 else {
                throw failure("expected \(word)")
            }
            offset += utf8.count
            return value
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as text.
        mutating func number() throws(SyntaxError) -> JSONValue {
            let start = offset
            func digits() -> Int {
                let first = offset
                while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
                return offset - first
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { offset = start; throw failure("expected a value") }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard digits() > 0 else { throw failure("expected digits after '.'") }
            }
            if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw failure("expected digits in the exponent") }
            }
            return .number(String(decoding: bytes[start..<offset], as: UTF8.self))
        }

        /// A string after its opening quote: escapes decoded (`\uXXXX` pairs included).
        mutating func string() throws(SyntaxError) -> String {
            offset += 1
            var run = offset
            var text = ""
            while true {
                guard offset < bytes.count else { throw failure("unterminated string") }
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    text += String(decoding: bytes[run..<offset], as: UTF8.self)
                    offset += 1
                    return text
                }
                guard byte >= 0x20 else { throw failure("a control character in a string") }
                guard byte == UInt8(ascii: "\\") else { offset += 1; continue }
                text += String(decoding: bytes[run..<offset], as: UTF8.self)
                offset += 1
                guard offset < bytes.count else { throw failure("unterminated escape") }
                let escaped = bytes[offset]
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.unicodeScalars.append(Unicode.Scalar(escaped))
                case UInt8(ascii: "b"): text += "\u{08}"
                case UInt8(ascii: "f"): text += "\u{0C}"
                case UInt8(ascii: "n"): text += "\n"
                case UInt8(ascii: "r"): text += "\r"
                case UInt8(ascii: "t"): text += "\t"
                case UInt8(ascii: "u"):
                    var unit = try hexUnit()
                    if (0xD800..<0xDC00).contains(unit), offset + 1 < bytes.count,
                       bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") {
                        offset += 2
                        let low = try hexUnit()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("an unpaired surrogate") }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { throw failure("an unpaired surrogate") }
                    text.unicodeScalars.append(scalar)
                default:
                    throw failure("unknown escape '\\\(Character(Unicode.Scalar(escaped)))'")
                }
                run = offset
            }
        }

        mutating func hexUnit() throws(SyntaxError) -> UInt32 {
            guard offset + 4 <= bytes.count, let unit = UInt32(String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self), radix: 16) else {
                throw failure("expected four hex digits after \\u")
            }
            offset += 4
            return unit
        }
    }
}
