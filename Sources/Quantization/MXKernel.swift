import SoftFloat

/// OCP MX v1.0: each block of 32 consecutive elements along a row shares an E8M0 scale
/// X = 2^(floor(log2 amax) − emax_elem) (or another ``MXScaleRounding``); elements are x / X rounded nearest-even to the
/// element type, saturating at its largest magnitude; x̂ = element × X.
///
///     // MXFP8 E4M3, block max 1.875 × 2^3 = 15 (mantissa ≥ 1.75):
///     //   X = 2^(3 − 8) = 2^-5, 15 / X = 480 > 448 → saturates to 448, x̂ = 14
///     // amax exactly 2^3 = 8: X = 2^-5, 8 / X = 256, exact
///     // an all-zero block: X = 2^-127 (E8M0 code 0x00), elements 0
///     // a NaN or ±∞ in the block: X = NaN (E8M0 0xff), every element decodes to NaN
///
/// Choices (OCP leaves them to the implementation): an all-zero block takes the smallest
/// scale 2^-127, as Microsoft's microxcaling library does (it adds FLT_MIN before log2 and
/// clamps the shared exponent at −127); a shared exponent below −127 is clamped to −127 (the
/// elements then round to zero or subnormals), one above 127 makes the scale NaN; MXINT8 uses
/// −127 … 127 (no −128), like microxcaling. The division by X is a power-of-two scaling,
/// rounded once into the element type (see ``FloatFormat/scaled(_:byPowerOfTwo:to:options:)``).
struct MXKernel {
    let compute: ComputeFormat
    let element: MXElement
    let rounding: MXScaleRounding

    init(configuration: QuantizationConfiguration, element: MXElement) {
        self.compute = ComputeFormat(configuration.compute)
        self.element = element
        self.rounding = configuration.resolvedScaleRounding
    }

    func run(input: Matrix, layout: GroupLayout) -> KernelOutput {
        let kind: QuantizedElementKind = element.format.map { .float($0) } ?? .scaledInteger(bits: 8, exponent: -6)
        var output = KernelOutput(count: input.count, groups: layout.groupCount, scaleFormat: .float8_e8m0fnu, elementKind: kind)
        let scaleFormat = FloatFormat.float8_e8m0fnu
        let saturate = RoundingOptions(overflow: .saturate)
        let nan = compute.format.nanBits ?? 0
        for group in 0..<layout.groupCount {
            var amax = compute.zero
            var isFiniteBlock = true
            layout.forEachElement(of: group) { index in
                let code = input.codes[index]
                if !compute.isFinite(code) { isFiniteBlock = false }
                amax = compute.maximum(amax, compute.magnitude(code))
            }
            var sharedExponent = -127
            if isFiniteBlock {
                if let code = rounding.scaleCode(amax: amax, in: compute.format, element: element) {
                    sharedExponent = Int(code) - scaleFormat.bias
                } else {
                    isFiniteBlock = false
                }
            }
            guard isFiniteBlock else {
                output.scales[group] = scaleFormat.nanBits!
                layout.forEachElement(of: group) { index in
                    output.quantized[index] = 0
                    output.dequantized[index] = nan
                }
                continue
            }
            output.scales[group] = UInt64(sharedExponent + scaleFormat.bias)
            layout.forEachElement(of: group) { index in
                let x = input.codes[index]
                if let format = element.format {
                    let rounded = compute.format.scaled(x, byPowerOfTwo: -sharedExponent, to: format, options: saturate)
                    if rounded.flags.contains(.overflow) { output.clampedCount += 1 }
                    output.quantized[index] = Int64(bitPattern: rounded.bits)
                    output.dequantized[index] = dequantize(Int64(bitPattern: rounded.bits), sharedExponent: sharedExponent)
                } else {
                    // MXINT8: q = round(x / X · 2^6), clamped to ±127; x̂ = q · 2^-6 · X.
                    let scaledValue = compute.format.scaled(x, byPowerOfTwo: 6 - sharedExponent, to: compute.format).bits
                    var q = compute.integerValue(compute.roundToIntegral(scaledValue)) ?? 0
                    if q > 127 || q < -127 {
                        q = min(max(q, -127), 127)
                        output.clampedCount += 1
                    }
                    output.quantized[index] = q
                    output.dequantized[index] = dequantize(q, sharedExponent: sharedExponent)
                }
            }
        }
        return output
    }

    /// x̂ = element × 2^sharedExponent rounded once into the compute format (MXINT8:
    /// q × 2^(sharedExponent − 6)); the one formula of `quantize` and
    /// ``QuantizedMatrix/dequantized()``. A NaN scale (E8M0 0xff) decodes every element to NaN
    /// before this is called.
    ///
    ///     // MXFP8 E4M3, q = 448 (0x7e), shared exponent −5 → 14
    @inline(__always)
    func dequantize(_ q: Int64, sharedExponent: Int) -> UInt64 {
        if let format = element.format {
            return format.scaled(UInt64(bitPattern: q), byPowerOfTwo: sharedExponent, to: compute.format).bits
        }
        return compute.format.scaled(compute.integer(q), byPowerOfTwo: sharedExponent - 6, to: compute.format).bits
    }
}
