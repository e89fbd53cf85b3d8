@testable import ExperimentRunner
import Foundation
import ReportKit

/// toml-test's tagged JSON for a read TOML document, the form in which Python's `tomllib`
/// (Scripts/oracles/toml_oracle.py) and ``TOMLReader`` are compared: tables are objects,
/// arrays are arrays, and every scalar is `{"type": …, "value": text}`.
///
///     a = 1.5
///     b = ["x", true]      →  {"a": {"type": "float", "value": "1.5"},
///                               "b": [{"type": "string", "value": "x"}, {"type": "bool", "value": "true"}]}
///
/// Integers are decimal text, floats their shortest round-trip text (`inf`, `-inf`, `nan`).
enum TaggedTOML {
    /// `table` as tagged JSON text.
    static func json(_ table: SpecTable) -> String {
        "{" + table.entries.map { JSONText.string($0.key) + ": " + json($0.value) }.joined(separator: ", ") + "}"
    }

    static func json(_ value: SpecValue) -> String {
        func scalar(_ type: String, _ text: String) -> String {
            "{\"type\": \"\(type)\", \"value\": \(JSONText.string(text))}"
        }
        switch value {
        case .string(let text): return scalar("string", text)
        case .integer(let number): return scalar("integer", String(number))
        case .float(let number): return scalar("float", "\(number)")
        case .bool(let flag): return scalar("bool", flag ? "true" : "false")
        case .array(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
        case .table(let table): return json(table)
        }
    }

    /// The first difference between `value` and tagged JSON parsed by `JSONSerialization`,
    /// nil if they are equal (strings scalar by scalar, floats bit for bit, any NaN equal).
    static func difference(_ value: SpecValue, _ expected: Any, at path: String = "") -> String? {
        switch value {
        case .table(let table):
            guard let object = expected as? [String: Any] else { return "\(path): a table, expected \(expected)" }
            guard table.entries.count == object.count else { return "\(path): keys \(table.keys), expected \(object.keys.sorted())" }
            for entry in table.entries {
                let scalars = Array(entry.key.unicodeScalars)
                guard let match = object.first(where: { Array($0.key.unicodeScalars) == scalars }) else {
                    return "\(path): key \(entry.key) not expected"
                }
                if let difference = difference(entry.value, match.value, at: path + "." + entry.key) { return difference }
            }
            return nil
        case .array(let items):
            guard let array = expected as? [Any], array.count == items.count else { return "\(path): \(items.count) elements, expected \(expected)" }
            for (index, item) in items.enumerated() {
                if let difference = difference(item, array[index], at: path + "[\(index)]") { return difference }
            }
            return nil
        default:
            guard let tagged = expected as? [String: Any], let type = tagged["type"] as? String, let text = tagged["value"] as? String else {
                return "\(path): \(value.display), expected \(expected)"
            }
            let equal: Bool
            switch value {
            case .string(let string): equal = type == "string" && Array(string.unicodeScalars) == Array(text.unicodeScalars)
            case .integer(let number): equal = type == "integer" && String(number) == text
            case .bool(let flag): equal = type == "bool" && (flag ? "true" : "false") == text
            case .float(let number):
                let reference = Double(text)
                equal = type == "float" && (reference.map { $0.bitPattern == number.bitPattern || ($0.isNaN && number.isNaN) } ?? false)
            default: equal = false
            }
            return equal ? nil : "\(path): \(value.display), expected \(type) \(text)"
        }
    }
}
