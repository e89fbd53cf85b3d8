/// Why a quantization or matmul could not run. Every case names the element, group, shape or
/// option at fault; the CLI prints ``description`` and exits with status 1.
public enum QuantizationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A matrix with no elements.
    case emptyMatrix
    /// Codes that do not fill the stated shape.
    case shapeMismatch(String)
    /// Text that is not a number (the engine's parse message).
    case invalidNumber(String)
    /// A NaN or infinite element, or one that overflows the compute format (0-based indices).
    case nonFiniteInput(row: Int, column: Int, value: String, reason: String)
    /// An option that does not apply, or is out of range, for the chosen scheme.
    case invalidConfiguration(String)
    /// `group:N` with N larger than a row.
    case groupLargerThanRow(groupSize: Int, columns: Int)
    /// A scale that is not a positive finite number in the compute format (0-based group).
    case invalidScale(group: Int, detail: String)
    /// An integer dot product beyond the int32 accumulator (0-based output element).
    case accumulatorOverflow(row: Int, column: Int, value: Int64)
    /// A × B with A's columns ≠ B's rows.
    case matmulShapeMismatch(aRows: Int, aColumns: Int, bRows: Int, bColumns: Int)

    public var description: String {
        switch self {
        case .emptyMatrix:
            return "the matrix is empty: at least one row and one column are needed"
        case .shapeMismatch(let detail):
            return "shape mismatch: \(detail)"
        case .invalidNumber(let detail):
            return detail
        case .nonFiniteInput(let row, let column, let value, let reason):
            return "element [\(row), \(column)] (0-based row, column) = \(value) \(reason)"
        case .invalidConfiguration(let detail):
            return detail
        case .groupLargerThanRow(let groupSize, let columns):
            return "group size \(groupSize) is larger than a row (\(columns) columns); use group:N with N ≤ \(columns), or --granularity row"
        case .invalidScale(let group, let detail):
            return "group \(group) (0-based): \(detail)"
        case .accumulatorOverflow(let row, let column, let value):
            return "the int32 accumulator overflows at C[\(row), \(column)] (0-based): the exact integer dot product is \(value)"
        case .matmulShapeMismatch(let aRows, let aColumns, let bRows, let bColumns):
            return "cannot multiply A (\(aRows)×\(aColumns)) by B (\(bRows)×\(bColumns)): A has \(aColumns) column\(aColumns == 1 ? "" : "s") but B has \(bRows) row\(bRows == 1 ? "" : "s")"
        }
    }
}
