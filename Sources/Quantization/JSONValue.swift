import ReportKit
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
package indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case number(String)
    case string(String)
    case bool(Bool)
    case null
    /// An array of `count` arrays made one at a time as they are written, so that a large
    /// matrix is never held as JSON values whole (a 1024 × 4096 `q` and `dequantized` would
    /// take hundreds of megabytes).
    case rows(count: Int, make: @Sendable (Int) -> JSONValue)

    package static func integer(_ value: Int64) -> JSONValue { .number(String(value)) }
    package static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

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
    package static func double(_ value: Double) -> JSONValue { code(value.bitPattern, .float64) }

    /// Objects one member per line; arrays of scalars on one line; arrays of arrays one
    /// inner array per line.
    package func rendered(indent: Int = 0) -> String {
        var text = ""
        write(to: &text, indent: indent)
        return text
    }

    /// Writes the document piece by piece (``rendered(indent:)``'s layout) to `sink`.
    package func write<Sink: TextOutputStream>(to sink: inout Sink, indent: Int = 0) {
        let padding = String(repeating: "  ", count: indent)
        let inner = String(repeating: "  ", count: indent + 1)
        func writeLines(_ count: Int, open: String, close: String, _ element: (Int, inout Sink) -> Void) {
            if count == 0 { return sink.write(open + close) }
            sink.write(open + "\n")
            for index in 0..<count {
                sink.write(inner)
                element(index, &sink)
                sink.write(index + 1 < count ? ",\n" : "\n")
            }
            sink.write(padding + close)
        }
        switch self {
        case .object(let members):
            writeLines(members.count, open: "{", close: "}") { index, sink in
                sink.write(JSONText.string(members[index].0) + ": ")
                members[index].1.write(to: &sink, indent: indent + 1)
            }
        case .array(let elements):
            if elements.contains(where: \.isContainer) {
                writeLines(elements.count, open: "[", close: "]") { index, sink in elements[index].write(to: &sink, indent: indent + 1) }
            } else {
                sink.write("[")
                for (index, element) in elements.enumerated() {
                    if index > 0 { sink.write(", ") }
                    element.write(to: &sink)
                }
                sink.write("]")
            }
        case .rows(let count, let make):
            writeLines(count, open: "[", close: "]") { index, sink in make(index).write(to: &sink, indent: indent + 1) }
        case .number(let text): sink.write(text)
        case .string(let text): sink.write(JSONText.string(text))
        case .bool(let value): sink.write(value ? "true" : "false")
        case .null: sink.write("null")
        }
    }

    var isContainer: Bool {
        switch self {
        case .object, .array, .rows: return true
        default: return false
        }
    }

}
