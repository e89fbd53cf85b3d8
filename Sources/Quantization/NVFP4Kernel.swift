import SoftFloat

/// NVIDIA's NVFP4: E2M1 elements, one E4M3 block scale per 16 consecutive elements of a row
/// (or per 16 × 16 tile), and a float32 tensor scale; x ≈ q × scale × tensor scale. Every
/// step is one float32 operation (nearest-even), in the order each tool does it; amax is the
/// largest |x| of the whole matrix, vmax of the block, 2688 = 448 · 6.
///
/// **torchao** (0.18, `nvfp4_quantize(x, 16, per_tensor_scale)`):
/// - tensor scale on: t = fl32(amax / 2688); block scale s = e4m3(clamp(fl32(fl32(vmax / 6) / t),
///   2^-6, 448)); q = e2m1(clamp(fl32(x · fl32(fl32(1 / t) / s)), ±6)).
/// - tensor scale off: s = e4m3(clamp(fl32(vmax / 6), 2^-6, 448)); q = e2m1(clamp(fl32(x · fl32(1 / s)), ±6)).
///
/// The clamp at E4M3's smallest normal 2^-6 is torchao's: a block whose scale would be
/// smaller keeps 2^-6, and its elements land on a coarser grid than they could.
///
/// **transformer-engine** (the reference quantizer, `custom_recipes/reference_nvfp4.py`):
/// global encode scale g = min(fl32(2688 / amax), FLT_MAX) (amax 0 → FLT_MAX), tensor scale
/// (decode) t = fl32(1 / g); s = e4m3(clamp(min(fl32(vmax · fl32(g · fl32(1/6))), FLT_MAX), ±448))
/// with subnormal and zero E4M3 scales allowed; element encode scale
/// e = min(fl32(1 / fl32(s · t)), FLT_MAX); q = e2m1(clamp(fl32(x · e), ±6)), where an exact
/// −0 gives +0 (the reference's threshold table sends x ≥ 0.0 to code 0).
///
/// Worked block (one row, two blocks; block 0 holds 2688, so amax = 2688 and t = 1 in both):
///
///     // block 1: vmax = 0.03, x = 0.03
///     // torchao: fl32(0.03/6) = 0.005 < 2^-6 → s = 2^-6 (0x08); 0.03 · 64 = 1.92 → q = 2 (x̂ = 0.03125)
///     // TE: 0.03 · fl32(1/6) = 0.005 → E4M3 subnormal 3 · 2^-9 = 0.005859375 (0x03);
///     //     e = fl32(1/0.005859375) = 170.66667; 0.03 · e = 5.12 → q = 6 (x̂ = 0.03515625)
///
/// E2M1 rounding is nearest-even with saturation at ±6 (values are clamped first). Deviation,
/// documented: where torchao's block scale is NaN (an all-zero matrix with the tensor scale on:
/// 0/0), the lab gives scale 0 and zero codes. x̂ = fl32(q · fl32(s · t)) (fl32(q · s) without
/// a tensor scale).
struct NVFP4Kernel {
    let convention: QuantizationConvention
    let hasTensorScale: Bool

    private let f32 = ComputeFormat(.float32)
    private let e4m3 = FloatFormat.float8_e4m3fn
    private let e2m1 = FloatFormat.float4_e2m1fn

    /// float32 constants.
    private static let six: UInt64 = 0x40c0_0000
    private static let fourFortyEight: UInt64 = 0x43e0_0000
    private static let twentySixEightyEight: UInt64 = 0x4528_0000
    private static let one: UInt64 = 0x3f80_0000
    private static let smallestNormalE4M3: UInt64 = 0x3c80_0000  // 2^-6
    private static let largestFloat32: UInt64 = 0x7f7f_ffff

    init(configuration: QuantizationConfiguration) {
        convention = configuration.resolvedConvention
        hasTensorScale = configuration.resolvedTensorScale
    }

    /// Rejects a row length that is not a whole number of 16-element blocks.
    static func checkShape(columns: Int) throws(QuantizationError) {
        guard columns % 16 == 0 else {
            throw .invalidConfiguration("nvfp4 blocks are 16 elements along a row: a row of \(columns) elements is not a multiple of 16 (Transformer Engine pads rows with zeros, torchao asserts; the lab asks for whole blocks)")
        }
    }

    func run(input: Matrix, layout: GroupLayout) -> KernelOutput {
        var output = KernelOutput(count: input.count, groups: layout.groupCount, scaleFormat: e4m3, elementKind: .float(e2m1))
        var amax = f32.zero
        for code in input.codes { amax = f32.maximum(amax, f32.magnitude(code)) }
        switch convention {
        case .transformerEngine:
            runTransformerEngine(input: input, layout: layout, amax: amax, output: &output)
        default:
            runTorchao(input: input, layout: layout, amax: amax, output: &output)
        }
        return output
    }

    private func blockMaximum(_ input: Matrix, _ layout: GroupLayout, _ group: Int) -> UInt64 {
        var vmax = f32.zero
        layout.forEachElement(of: group) { vmax = f32.maximum(vmax, f32.magnitude(input.codes[$0])) }
        return vmax
    }

    /// clamp(v, low, high) as torch.clamp: NaN stays NaN.
    private func clamp(_ v: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        if f32.isNaN(v) { return v }
        if f32.isLess(v, low) { return low }
        if f32.isLess(high, v) { return high }
        return v
    }

    /// Rounds an E4M3 scale (the value is within ±448) and returns its code and float32 value.
    private func scaleToE4M3(_ v: UInt64) -> (code: UInt64, value: UInt64) {
        let code = f32.convert(v, to: e4m3, saturate: true).bits
        return (code, f32.converting(code, from: e4m3))
    }

    /// Clamps fl32(x · multiplier) to ±6 and rounds it to E2M1; counts a clamp.
    private func element(_ x: UInt64, _ multiplier: UInt64, positiveZero: Bool, output: inout KernelOutput) -> UInt64 {
        let six = Self.six, minusSix = Self.six | 0x8000_0000
        var y = f32.multiply(x, multiplier)
        if f32.isNaN(y) { return 0 }  // 0 · ∞ (torchao with a zero tensor scale): code +0
        if f32.isLess(six, y) || f32.isLess(y, minusSix) {
            output.clampedCount += 1
            y = f32.isLess(y, f32.zero) ? minusSix : six
        }
        if positiveZero && y == 0x8000_0000 { return 0 }
        return f32.convert(y, to: e2m1, saturate: true).bits
    }

    private func storeBlock(group: Int, layout: GroupLayout, input: Matrix, scale: (code: UInt64, value: UInt64),
                            multiplier: UInt64, decode: UInt64, positiveZero: Bool, output: inout KernelOutput) {
        output.scales[group] = scale.code
        layout.forEachElement(of: group) { index in
            let q = element(input.codes[index], multiplier, positiveZero: positiveZero, output: &output)
            output.quantized[index] = Int64(q)
            output.dequantized[index] = Self.dequantize(q, decode: decode)
        }
    }

    /// fl32(s · t), the block's decode factor (fl32(s) without a tensor scale), from the E4M3
    /// scale code and the float32 tensor scale.
    ///
    ///     // s = 0x08 (2^-6), t = 1 → 2^-6
    static func decodeFactor(scaleCode: UInt64, tensorScale: UInt64?) -> UInt64 {
        let f32 = ComputeFormat(.float32)
        let s = f32.converting(scaleCode, from: .float8_e4m3fn)
        return tensorScale.map { f32.multiply(s, $0) } ?? s
    }

    /// x̂ = fl32(q · fl32(s · t)): the one formula of `quantize` and
    /// ``QuantizedMatrix/dequantized()``.
    ///
    ///     // q = 2 (0x4), decode 2^-6 → 0.03125
    @inline(__always)
    static func dequantize(_ q: UInt64, decode: UInt64) -> UInt64 {
        let f32 = ComputeFormat(.float32)
        return f32.multiply(f32.converting(q, from: .float4_e2m1fn), decode)
    }

    private func zeroBlock(group: Int, layout: GroupLayout, output: inout KernelOutput) {
        output.scales[group] = 0
        layout.forEachElement(of: group) { index in
            output.quantized[index] = 0
            output.dequantized[index] = 0
        }
    }

    private func runTorchao(input: Matrix, layout: GroupLayout, amax: UInt64, output: inout KernelOutput) {
        let tensorScale = hasTensorScale ? f32.divide(amax, Self.twentySixEightyEight) : nil
        output.tensorScale = tensorScale
        let reciprocalTensorScale = tensorScale.map { f32.divide(Self.one, $0) }
        for group in 0..<layout.groupCount {
            let blockScale = f32.divide(blockMaximum(input, layout, group), Self.six)
            if let tensorScale, let reciprocalTensorScale {
                let scaled = clamp(f32.divide(blockScale, tensorScale), Self.smallestNormalE4M3, Self.fourFortyEight)
                if f32.isNaN(scaled) {
                    zeroBlock(group: group, layout: layout, output: &output)
                    continue
                }
                let scale = scaleToE4M3(scaled)
                storeBlock(group: group, layout: layout, input: input, scale: scale,
                           multiplier: f32.divide(reciprocalTensorScale, scale.value),
                           decode: f32.multiply(scale.value, tensorScale), positiveZero: false, output: &output)
            } else {
                let scale = scaleToE4M3(clamp(blockScale, Self.smallestNormalE4M3, Self.fourFortyEight))
                storeBlock(group: group, layout: layout, input: input, scale: scale,
                           multiplier: f32.divide(Self.one, scale.value), decode: scale.value, positiveZero: false, output: &output)
            }
        }
    }

    private func runTransformerEngine(input: Matrix, layout: GroupLayout, amax: UInt64, output: inout KernelOutput) {
        var encode = f32.minimum(f32.divide(Self.twentySixEightyEight, amax), Self.largestFloat32)
        if f32.isZero(encode) { encode = Self.one }
        let decode = f32.divide(Self.one, encode)
        output.tensorScale = decode
        let blockMultiplier = f32.multiply(encode, f32.divide(Self.one, Self.six))
        let minus448 = Self.fourFortyEight | 0x8000_0000
        for group in 0..<layout.groupCount {
            let raw = f32.minimum(f32.multiply(blockMaximum(input, layout, group), blockMultiplier), Self.largestFloat32)
            let scale = scaleToE4M3(clamp(raw, minus448, Self.fourFortyEight))
            let elementEncode = f32.minimum(f32.divide(Self.one, f32.multiply(scale.value, decode)), Self.largestFloat32)
            storeBlock(group: group, layout: layout, input: input, scale: scale, multiplier: elementEncode,
                       decode: f32.multiply(scale.value, decode), positiveZero: true, output: &output)
        }
    }
}
