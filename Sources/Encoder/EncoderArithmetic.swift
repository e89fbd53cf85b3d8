import SoftFloat

/// The arithmetic of a forward pass: every product rounded to `compute`, every sum of a
/// matmul rounded to `accumulate`, and every other result (bias, residual, LayerNorm, softmax,
/// GELU outputs) rounded to `compute`; the parameters are rounded to `compute` too, as
/// `model.to(dtype)` does. float32 everywhere is plain hardware float32 (no fused multiply-add:
/// Swift never contracts `a * b + c`).
///
///     try EncoderArithmetic(compute: .bfloat16)                        // sums in bfloat16 too
///     try EncoderArithmetic(compute: .bfloat16, accumulate: .float32)  // products rounded only
///
/// Exactness: products and sums are computed in float32 and rounded once more with
/// ``Float32Rounding``, which is the format's own correctly rounded result when its
/// significand has at most 11 bits (float16, bfloat16, tf32, the 8-bit formats): 24 ≥ 2p + 2.
/// Wider compute formats (other than float32 itself) are refused, and so is an accumulation
/// format narrower than the compute format (a float32 sum of a float16 product and a bfloat16
/// sum would be rounded twice).
public struct EncoderArithmetic: Sendable, Hashable {
    public let compute: FloatFormat
    public let accumulate: FloatFormat
    /// nil when `compute` is float32.
    public let computeRounding: Float32Rounding?
    /// Rounds sums (the identity for float32, whose rounding changes nothing).
    public let accumulateRounding: Float32Rounding

    public static let float32 = try! EncoderArithmetic(compute: .float32)

    /// - Throws: ``EncoderError`` (`usage`) naming the format that cannot be emulated here.
    public init(compute: FloatFormat, accumulate: FloatFormat? = nil) throws(EncoderError) {
        let accumulate = accumulate ?? compute
        self.compute = compute
        self.accumulate = accumulate
        func rounding(_ format: FloatFormat, _ option: String) throws(EncoderError) -> Float32Rounding {
            guard format == .float32 || format.precision <= 11, let rounding = Float32Rounding(format: format) else {
                throw EncoderError(.usage, location: option,
                                   "\(format.name) cannot be emulated in float32 steps: choose float32 or a signed format with at most 10 mantissa bits inside float32's exponent range (bfloat16, float16, tf32, float8_e4m3fn, float8_e5m2, …)")
            }
            return rounding
        }
        computeRounding = compute == .float32 ? nil : try rounding(compute, "--compute")
        accumulateRounding = try rounding(accumulate, "--accumulate")
        if compute == .float32, accumulate != .float32 {
            throw EncoderError(.usage, location: "--accumulate", "with --compute float32 the sums are float32; an accumulation format needs a compute format at most as wide (--compute \(accumulate.name))")
        }
        if accumulate.precision < compute.precision || accumulate.maxExponent < compute.maxExponent {
            throw EncoderError(.usage, location: "--accumulate", "\(accumulate.name) is narrower than the compute format \(compute.name): sums would be rounded twice")
        }
    }

    /// True for plain float32 arithmetic.
    public var isFloat32: Bool { computeRounding == nil && accumulate == .float32 }

    /// `compute` and, when different, `accumulate`: "float32", "bfloat16", "bfloat16+float32".
    public var name: String { accumulate == compute ? compute.name : "\(compute.name)+\(accumulate.name)" }

    /// Rounds results (not sums) to the compute format in place.
    public func roundResults(_ buffer: UnsafeMutableBufferPointer<Float>) {
        computeRounding?.round(buffer)
    }

    public func roundResults(_ values: inout [Float]) {
        computeRounding?.round(&values)
    }

    public func roundResult(_ value: Float) -> Float {
        computeRounding?.round(value) ?? value
    }
}
