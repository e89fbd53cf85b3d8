import SoftFloat

/// FP8 E4M3 with one float32 scale per 1 × 128 or 128 × 128 block, as DeepSeek-V3 and
/// DeepGEMM compute it; x ≈ q × scale, "scale" lists the blocks row-major over the block grid.
/// Every step is one float32 operation, nearest-even.
///
/// **deepseek** (DeepSeek-V3 `inference/kernel.py` as released, `act_quant_kernel`):
/// s = fl32(amax / 448), q = e4m3(fl32(x / s)) (a correctly rounded division). A block with
/// s = 0 (all zero, or amax below 448 · 2^-150) gets s = 0 and zero codes; upstream divides
/// 0/0 and gets NaN codes. (Since 2025-08-27 upstream also clamps amax to ≥ 1e-4, like DeepGEMM.)
///
/// **deepgemm** (DeepGEMM `deep_gemm/utils/math.py`, `per_token_cast_to_fp8` for 1 × 128,
/// `per_block_cast_to_fp8` for 128 × 128): amax clamped to at least fl32(1e-4),
/// sf = fl32(amax / 448), with `--scale-format ue8m0` rounded up to a power of two
/// (``BlockScaleFormat/ceilToUE8M0(_:)``); q = e4m3(fl32(x · fl32(1 / sf))).
///
/// Edge blocks are partial: a block is the elements that exist (upstream pads with zeros,
/// which changes no amax, or asserts whole blocks). The E4M3 cast saturates at ±448; with
/// these scales |x / s| exceeds 448 by at most a rounding, which rounds to 448.
///
///     // deepseek, block [1, -2, 3.5]: s = 3.5/448 = 2^-7; q = [128, -256, 448]
///     // deepgemm, block [3]: sf = fl32(3/448) = 0.0066964286, fl32(1/sf) = 149.33333,
///     //   3 · 149.33333 = 448 → q = 448; ue8m0: sf = 2^-7, 3 · 128 = 384 → q = 384
struct FP8BlockKernel {
    let convention: QuantizationConvention
    let scaleFormat: BlockScaleFormat

    private let f32 = ComputeFormat(.float32)
    private let e4m3 = FloatFormat.float8_e4m3fn
    private static let fourFortyEight: UInt64 = 0x43e0_0000
    private static let one: UInt64 = 0x3f80_0000
    /// fl32(1e-4), DeepGEMM's amax floor.
    static let amaxFloor: UInt64 = 0x38d1_b717

    init(configuration: QuantizationConfiguration) {
        convention = configuration.resolvedConvention
        scaleFormat = configuration.resolvedBlockScaleFormat
    }

    func run(input: Matrix, layout: GroupLayout) -> KernelOutput {
        let isUE8M0 = scaleFormat == .ue8m0
        var output = KernelOutput(count: input.count, groups: layout.groupCount,
                                  scaleFormat: isUE8M0 ? .float8_e8m0fnu : .float32, elementKind: .float(e4m3))
        let saturate = RoundingOptions(overflow: .saturate)
        for group in 0..<layout.groupCount {
            var amax = f32.zero
            layout.forEachElement(of: group) { amax = f32.maximum(amax, f32.magnitude(input.codes[$0])) }
            if convention == .deepgemm { amax = f32.maximum(amax, Self.amaxFloor) }
            var scale = f32.divide(amax, Self.fourFortyEight)
            if isUE8M0 { scale = UInt64(BlockScaleFormat.ceilToUE8M0(UInt32(scale))) }
            output.scales[group] = isUE8M0 ? scale >> 23 : scale
            if f32.isZero(scale) {
                layout.forEachElement(of: group) { index in
                    output.quantized[index] = 0
                    output.dequantized[index] = 0
                }
                continue
            }
            let reciprocal = f32.divide(Self.one, scale)
            layout.forEachElement(of: group) { index in
                let x = input.codes[index]
                let y = convention == .deepseek ? f32.divide(x, scale) : f32.multiply(x, reciprocal)
                let rounded = FloatFormat.float32.convert(y, to: e4m3, options: saturate)
                if rounded.flags.contains(.overflow) { output.clampedCount += 1 }
                output.quantized[index] = Int64(rounded.bits)
                output.dequantized[index] = ScaledFloatKernel.dequantize(rounded.bits, element: e4m3, scale: scale, compute: f32)
            }
        }
        return output
    }
}
