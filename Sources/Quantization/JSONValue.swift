import SoftFloat

/// A minimal JSON tree whose numbers are kept as text, so that each can be written as its
/// format's printed decimal (Foundation's writer would reformat them): exact, or readable
/// back as the same float64, for formats of 16 bits or fewer; the shortest round-trip decimal
/// of float32 and float64.
///
///     JSONValue.object([("q", .array([.integer(28), .integer(-12)]))]).rendered()
///     // {
///     //   "q": [28, -12]
///     // }
///
/// Non-finite numbers, which JSON cannot spell, are written as the strings "inf", "-inf" and
/// "nan".
indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case number(String)
    case string(String)
    case bool(Bool)
    case null

    static func integer(_ value: Int64) -> JSONValue { .number(String(value)) }
    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A code as its format's printed decimal (mxfp6's scale 0.25 → 0.25, not the shortest
    /// 0.2); NaN and ±∞ as strings.
    static func code(_ bits: UInt64, _ format: FloatFormat) -> JSONValue {
        let text = format.printedDecimal(bits)
        switch text {
        case "nan", "inf", "-inf": return .string(text)
        default: return .number(text)
        }
    }

    /// A float64 value (the metrics) as its shortest decimal.
    static func double(_ value: Double) -> JSONValue { code(value.bitPattern, .float64) }

    /// Objects one member per line; arrays of scalars on one line; arrays of arrays one
    /// inner array per line.
    func rendered(indent: Int = 0) -> String {
        let padding = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .object(let members):
            if members.isEmpty { return "{}" }
            let lines = members.map { inner + Self.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + padding + "}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.contains(where: \.isContainer) {
                let lines = elements.map { inner + $0.rendered(indent: indent + 1) }
                return "[\n" + lines.joined(separator: ",\n") + "\n" + padding + "]"
            }
            return "[" + elements.map { $0.rendered() }.joined(separator: ", ") + "]"
        case .number(let text): return text
        case .string(let text): return Self.quoted(text)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    var isContainer: Bool {
        switch self {
        case .object, .array: return true
        default: return false
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
