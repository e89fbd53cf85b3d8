/// A TOML value as plain Sendable data (``TOMLReader`` makes them), so specs can cross tasks.
///
///     SpecValue.array([.string("1/3"), .string("0.1")]).display   // ["1/3", "0.1"]
public indirect enum SpecValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case array([SpecValue])
    case table(SpecTable)

    /// The TOML type name, for error messages: "a string", "an integer", …
    public var typeDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .bool: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }

    /// TOML-like text for the "what was run" table: strings quoted, floats as the shortest
    /// round-trip decimal, arrays in brackets, tables in braces.
    public var display: String {
        switch self {
        case .string(let text): return "\"" + text + "\""
        case .integer(let value): return String(value)
        case .float(let value): return NumberText.shortest(value)
        case .bool(let value): return value ? "true" : "false"
        case .array(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .table(let table):
            return "{ " + table.entries.map { "\($0.key) = \($0.value.display)" }.joined(separator: ", ") + " }"
        }
    }
}
