import SoftFloat

/// FP8 with a scale: scale = amax / max(format), elements = x / scale rounded to the FP8
/// format nearest-even with saturation, x̂ = element × scale; every step in the compute format.
///
///     // e4m3fn, per tensor, x = [1, −2, 3.5]: scale = 3.5/448 = 0.0078125
///     // x / scale = [128, −256, 448] → e4m3fn exactly → x̂ = x
struct ScaledFloatKernel {
    let compute: ComputeFormat
    let element: FloatFormat

    init(configuration: QuantizationConfiguration, element: FloatFormat) {
        self.compute = ComputeFormat(configuration.compute)
        self.element = element
    }

    func run(input: Matrix, layout: GroupLayout) throws(QuantizationError) -> KernelOutput {
        var output = KernelOutput(
            count: input.count, groups: layout.groupCount, scaleFormat: compute.format, elementKind: .float(element))
        let formatMaximum = compute.converting(element.maxFiniteBits, from: element)
        for group in 0..<layout.groupCount {
            var amax = compute.zero
            layout.forEachElement(of: group) { index in
                amax = compute.maximum(amax, compute.magnitude(input.codes[index]))
            }
            if compute.isZero(amax) {
                // An all-zero group: scale 0, every element +0, no division.
                output.scales[group] = compute.zero
                layout.forEachElement(of: group) { index in
                    output.quantized[index] = 0
                    output.dequantized[index] = compute.zero
                }
                continue
            }
            let scale = compute.divide(amax, formatMaximum)
            guard compute.isFinite(scale), !compute.isZero(scale) else {
                throw .invalidScale(group: group, detail: "amax / \(element.printedDecimal(element.maxFiniteBits)) is \(compute.format.printedDecimal(scale)) in \(compute.format.name)")
            }
            output.scales[group] = scale
            layout.forEachElement(of: group) { index in
                let rounded = compute.convert(compute.divide(input.codes[index], scale), to: element, saturate: true)
                if rounded.flags.contains(.overflow) { output.clampedCount += 1 }
                output.quantized[index] = Int64(bitPattern: rounded.bits)
                output.dequantized[index] = Self.dequantize(rounded.bits, element: element, scale: scale, compute: compute)
            }
        }
        return output
    }

    /// x̂ = element × scale in the compute format: the one formula of every scaled-FP8 recipe
    /// (this kernel, DeepSeek/DeepGEMM blocks with a float32 scale, Transformer Engine's
    /// per-tensor scaling with scale = 1/m) and of ``QuantizedMatrix/dequantized()``.
    ///
    ///     // e4m3fn 448 (0x7e), scale 2^-7 → 3.5
    @inline(__always)
    static func dequantize(_ code: UInt64, element: FloatFormat, scale: UInt64, compute: ComputeFormat) -> UInt64 {
        compute.multiply(compute.converting(code, from: element), scale)
    }
}
