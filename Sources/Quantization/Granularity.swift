/// Which elements share one scale (and zero point).
///
/// For a 2 × 5 matrix:
/// - `tensor`: one group of all 10 elements.
/// - `row`: 2 groups (channel axis 0, torch's `quantize_per_channel(axis=0)`).
/// - `column`: 5 groups.
/// - `group(2)`: consecutive pairs along each row; the last partial group gets its own
///   scale, so each row has groups of 2, 2 and 1 elements: 6 groups in all, row after row.
public enum Granularity: Sendable, Hashable, CustomStringConvertible {
    case tensor
    case row
    case column
    case group(Int)

    /// Parses `tensor`, `row`, `column` or `group:N`.
    ///
    ///     Granularity(parsing: "group:64")   // .group(64)
    ///     Granularity(parsing: "group:0")    // nil
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "tensor": self = .tensor
        case "row": self = .row
        case "column": self = .column
        default:
            let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "group", let size = Int(parts[1]), size > 0 else { return nil }
            self = .group(size)
        }
    }

    public var description: String {
        switch self {
        case .tensor: return "tensor"
        case .row: return "row"
        case .column: return "column"
        case .group(let size): return "group:\(size)"
        }
    }
}
