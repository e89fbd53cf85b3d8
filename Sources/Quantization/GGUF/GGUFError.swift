/// Why a GGUF quantization or dequantization was refused. Each description names the numbers
/// involved, for the CLI to print.
public enum GGUFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The row length is not a whole number of blocks.
    case columnsNotMultipleOfBlock(type: GGUFType, columns: Int)
    /// The block file does not hold exactly rows × columns / block elements blocks.
    case byteCountMismatch(type: GGUFType, expected: Int, actual: Int, rows: Int, columns: Int)
    /// The importance vector's length is not the row length.
    case importanceLength(expected: Int, actual: Int)
    /// An importance weight is negative, NaN or infinite.
    case importanceValue(index: Int, value: Float)
    /// The type needs an importance matrix (ggml refuses IQ2_XXS, IQ2_XS and IQ1_S without one).
    case importanceRequired(GGUFType)
    /// A shape with no elements, or values that do not fill it.
    case shape(String)

    public var description: String {
        switch self {
        case .columnsNotMultipleOfBlock(let type, let columns):
            return "\(type) quantizes blocks of \(type.blockElements) elements along a row; the rows have \(columns) columns, not a multiple of \(type.blockElements)"
        case .byteCountMismatch(let type, let expected, let actual, let rows, let columns):
            return "a \(rows)×\(columns) matrix of \(type) takes \(expected) bytes (\(rows * columns / type.blockElements) blocks of \(type.blockBytes) bytes), but the block file has \(actual)"
        case .importanceLength(let expected, let actual):
            return "the importance matrix must have one weight per column (\(expected)); it has \(actual)"
        case .importanceValue(let index, let value):
            return "importance weight [\(index)] is \(value); weights must be finite and ≥ 0"
        case .importanceRequired(let type):
            return "\(type) needs an importance matrix (--imatrix); ggml refuses to quantize it without one"
        case .shape(let message):
            return message
        }
    }
}
