/// Which elements share one scale (and zero point).
///
/// For a 2 × 5 matrix:
/// - `tensor`: one group of all 10 elements.
/// - `row`: 2 groups (channel axis 0, torch's `quantize_per_channel(axis=0)`).
/// - `column`: 5 groups.
/// - `group(2)`: consecutive pairs along each row; the last partial group gets its own
///   scale, so each row has groups of 2, 2 and 1 elements: 6 groups in all, row after row.
/// - `block(rows: 2, columns: 2)`: 2 × 2 tiles, numbered row-major over the tile grid; the edge
///   tiles are partial: tiles [0,0] [0,1] (2 × 2), [0,2] (2 × 1): 3 groups.
public enum Granularity: Sendable, Hashable, CustomStringConvertible {
    case tensor
    case row
    case column
    case group(Int)
    /// R × C tiles (`block:RxC`): 1 × 128 is DeepSeek's activation block, 128 × 128 its
    /// weight block, 16 × 16 NVFP4's 2-D tile.
    case block(rows: Int, columns: Int)

    /// Parses `tensor`, `row`, `column`, `group:N` or `block:RxC`.
    ///
    ///     Granularity(parsing: "group:64")    // .group(64)
    ///     Granularity(parsing: "block:1x128") // .block(rows: 1, columns: 128)
    ///     Granularity(parsing: "group:0")     // nil
    ///     Granularity(parsing: "block:0x128") // nil
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "tensor": self = .tensor
        case "row": self = .row
        case "column": self = .column
        default:
            let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            if parts[0] == "block" {
                let sides = parts[1].split(separator: "x", omittingEmptySubsequences: false)
                guard sides.count == 2, let rows = Int(sides[0]), let columns = Int(sides[1]), rows > 0, columns > 0 else { return nil }
                self = .block(rows: rows, columns: columns)
                return
            }
            guard parts[0] == "group", let size = Int(parts[1]), size > 0 else { return nil }
            self = .group(size)
        }
    }

    public var description: String {
        switch self {
        case .tensor: return "tensor"
        case .row: return "row"
        case .column: return "column"
        case .group(let size): return "group:\(size)"
        case .block(let rows, let columns): return "block:\(rows)x\(columns)"
        }
    }
}
