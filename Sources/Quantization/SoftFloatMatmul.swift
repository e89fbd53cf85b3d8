import SoftFloat

/// C = A · B with the inputs stored in a narrow float format and the dot products accumulated
/// in another, every step one correctly rounded SoftFloat operation (nearest-even).
///
///     A', B'   = A, B rounded to `input`            (formats of ≤ 8 bits: scaled first, below)
///     acc[i,j] = ((0 + a'·b'₀) + a'·b'₁) + …        k ascending; each product and each sum
///                                                  rounded to `accumulator`
///     C        = acc                                (scaled: acc × (s_A × s_B), in `accumulator`)
///
/// Formats of at most 8 bits (FP8) get one per-tensor scale each, as FP8 training and
/// inference recipes do: s = amax / max(input), computed in the accumulator format, and
/// A' = A / s rounded to the input format with saturation. 16-bit formats are cast directly
/// (float16 overflows to ∞ above 65520).
///
/// With `accumulator = float32` and inputs of at most 12 bits of precision, every product is
/// exact (2 × 12 ≤ 24), so only the input casts and the sums round; with
/// `accumulator = input = float16` every product and sum rounds to float16, like the float16
/// part of LLM.int8.
public struct SoftFloatMatmul: Sendable, Hashable {
    public var input: FloatFormat
    public var accumulator: FloatFormat

    public init(input: FloatFormat, accumulator: FloatFormat) {
        self.input = input
        self.accumulator = accumulator
    }

    /// True when the inputs get a per-tensor scale (formats of at most 8 bits).
    public var isScaled: Bool { input.bitWidth <= 8 }

    /// The operand in the input format, widened (exactly) to the accumulator format, and its
    /// scale (nil when unscaled).
    public func prepare(_ matrix: Matrix) -> (codes: [UInt64], scale: UInt64?) {
        let source = matrix.format
        guard isScaled else {
            return (matrix.codes.map { widen(source.convert($0, to: input).bits) }, nil)
        }
        var amax: UInt64 = 0
        for code in matrix.codes { amax = source.maximumNumber(amax, code & source.magnitudeMask).bits }
        let amaxInAccumulator = source.convert(amax, to: accumulator).bits
        let top = input.convert(input.maxFiniteBits, to: accumulator).bits
        let scale = accumulator.classify(amaxInAccumulator) == .zero
            ? accumulator.convert(fromInt64: 1).bits
            : accumulator.divide(amaxInAccumulator, top).bits
        let saturate = RoundingOptions(overflow: .saturate)
        let codes = matrix.codes.map { code in
            let scaled = accumulator.divide(source.convert(code, to: accumulator).bits, scale).bits
            return widen(accumulator.convert(scaled, to: input, options: saturate).bits)
        }
        return (codes, scale)
    }

    public func widen(_ code: UInt64) -> UInt64 { input.convert(code, to: accumulator).bits }

    /// The product as exact `Double` values of accumulator codes, row-major.
    public func multiply(_ a: Matrix, _ b: Matrix) -> [Double] {
        precondition(a.columns == b.rows, "shapes do not match")
        let (left, scaleA) = prepare(a)
        let (right, scaleB) = prepare(b)
        let rows = a.rows, inner = a.columns, columns = b.columns
        let outputScale = scaleA.flatMap { sa in scaleB.map { sb in accumulator.multiply(sa, sb).bits } }
        var product = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum: UInt64 = 0
                for k in 0..<inner {
                    let term = accumulator.multiply(left[i * inner + k], right[k * columns + j]).bits
                    sum = accumulator.add(sum, term).bits
                }
                if let outputScale { sum = accumulator.multiply(sum, outputScale).bits }
                product[i * columns + j] = accumulator.doubleValue(sum)
            }
        }
        return product
    }
}
