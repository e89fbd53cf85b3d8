import SoftFloat

/// Transformer Engine's FP8 per-tensor current scaling (`custom_recipes/reference_current_scaling.py`,
/// `_scale_from_amax_tensor` with eps 0): one multiplier for the tensor, in float32.
///
/// m = fl32(max_fp8 / amax), +∞ (amax 0 or tiny) capped at FLT_MAX; with
/// `--power-of-two-scale` m is rounded down to a power of two (its bits & 0xFF800000, TE's
/// frexp/ldexp); amax 0 gives m = 1. q = e4m3/e5m2(fl32(x · m)), nearest-even, saturating;
/// scale = fl32(1/m) (TE's scale_inv), x̂ = fl32(q · scale).
///
///     // e4m3, amax 3: m = fl32(448/3) = 149.33333 (0x43155555), scale = fl32(1/m) = 0.0066964286
///     //   x = 3 → fl32(3 · m) = 448 → q = 448
///     // --power-of-two-scale: m = 128, scale = 2^-7; x = 3 → 384
struct FP8CurrentScalingKernel {
    let element: FloatFormat
    let powerOfTwo: Bool

    private let f32 = ComputeFormat(.float32)
    private static let one: UInt64 = 0x3f80_0000
    private static let largestFloat32: UInt64 = 0x7f7f_ffff

    init(configuration: QuantizationConfiguration, element: FloatFormat) {
        self.element = element
        powerOfTwo = configuration.powerOfTwoScale
    }

    /// The multiplier m for a tensor whose largest magnitude is `amax` (float32 bits).
    ///
    ///     // e4m3: amax 3 → 0x43155555; amax 0 → 1; amax 1e-40 → FLT_MAX (448/1e-40 overflows)
    func multiplier(amax: UInt64) -> UInt64 {
        if f32.isZero(amax) { return Self.one }
        let maximum = f32.converting(element.maxFiniteBits, from: element)
        var m = f32.minimum(f32.divide(maximum, amax), Self.largestFloat32)
        if powerOfTwo { m &= 0xff80_0000 }
        return m
    }

    func run(input: Matrix, layout: GroupLayout) -> KernelOutput {
        var output = KernelOutput(count: input.count, groups: layout.groupCount, scaleFormat: .float32, elementKind: .float(element))
        var amax = f32.zero
        for code in input.codes { amax = f32.maximum(amax, f32.magnitude(code)) }
        let m = multiplier(amax: amax)
        let scale = f32.divide(Self.one, m)
        output.multiplier = m
        for group in 0..<layout.groupCount { output.scales[group] = scale }
        Self.cast(input.codes, multiplier: m, scale: scale, element: element,
                  quantized: &output.quantized, dequantized: &output.dequantized, saturated: &output.clampedCount)
        return output
    }

    /// The element step of every per-tensor FP8 recipe (current and delayed scaling):
    /// q = saturating nearest-even cast of fl32(x · m), x̂ = fl32(q · scale); counts the
    /// saturated elements.
    ///
    ///     // e4m3, m = 1, x = 500: fl32(500) overflows E4M3 → q = 448 (0x7e), saturated += 1
    static func cast(_ codes: [UInt64], multiplier m: UInt64, scale: UInt64, element: FloatFormat,
                     quantized: inout [Int64], dequantized: inout [UInt64], saturated: inout Int) {
        let f32 = ComputeFormat(.float32)
        let saturate = RoundingOptions(overflow: .saturate)
        for index in codes.indices {
            let rounded = FloatFormat.float32.convert(f32.multiply(codes[index], m), to: element, options: saturate)
            if rounded.flags.contains(.overflow) { saturated += 1 }
            quantized[index] = Int64(rounded.bits)
            dequantized[index] = ScaledFloatKernel.dequantize(rounded.bits, element: element, scale: scale, compute: f32)
        }
    }
}
