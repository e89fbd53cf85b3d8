import SoftFloat

/// What the integers in ``QuantizationResult/quantized`` mean.
public enum QuantizedElementKind: Sendable, Hashable {
    /// The quantized integer itself (absmax, zeropoint): int8 −127 … 127.
    case integer(bits: Int)
    /// A 4-bit index into a 16-entry codebook (NF4, bitsandbytes FP4).
    case codebookIndex(Codebook)
    /// A code of a small float format (FP8, MXFP8/6/4 elements): e4m3fn 0x7e = 448.
    case float(FloatFormat)
    /// An integer worth q × 2^exponent (MXINT8: exponent −6, so 64 means 1.0).
    case scaledInteger(bits: Int, exponent: Int)

    /// Storage bits per element.
    public var bitWidth: Int {
        switch self {
        case .integer(let bits), .scaledInteger(let bits, _): return bits
        case .codebookIndex: return 4
        case .float(let format): return format.bitWidth
        }
    }

    /// The element as JSON/summary text: integers as integers, float codes as their printed
    /// decimal (``SoftFloat/FloatFormat/printedDecimal(_:)``: e4m3fn 0x7e → "448.0").
    public func text(_ value: Int64) -> String {
        switch self {
        case .integer, .codebookIndex, .scaledInteger: return String(value)
        case .float(let format): return format.printedDecimal(UInt64(bitPattern: value))
        }
    }
}
