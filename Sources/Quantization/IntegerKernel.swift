import SoftFloat

/// Absmax (symmetric) and zero-point (affine) integer quantization, every arithmetic step in
/// the compute format, following one of the three conventions.
///
/// Worked value, the tutorial's LLM.int8 example in float16 (textbook absmax, int8):
///
///     amax = 5.3984375                         // float16(5.4)
///     S    = amax / 127      = 0.042510986328125   (one float16 division)
///     q    = round(x / S)    = [28, −12, −101, 28, −73, 19, 56, 127]
///     x̂    = q × S           = [1.1904296875, −0.51025390625, …, 5.3984375]
struct IntegerKernel {
    let compute: ComputeFormat
    let configuration: QuantizationConfiguration

    /// One group's parameters: q = clamp(round(x ⊘ scale) + zeroPoint, low … high).
    struct Parameters {
        /// The reported scale (bitsandbytes: the absmax, its SCB).
        var scale: UInt64
        var zeroPoint: Int64
        /// Textbook zero-point adds Z before rounding; the others add it after.
        var zeroPointBeforeRounding: Bool
        /// Multiply by this instead of dividing by `scale` (torch's 1/scale, bnb's 127/absmax).
        var multiplier: UInt64?
        /// True when every element is quantized to the zero point without arithmetic
        /// (an all-zero group: the textbook formula's 0/0).
        var isDegenerate: Bool
        var low: Int64
        var high: Int64
    }

    init(configuration: QuantizationConfiguration) {
        self.configuration = configuration
        self.compute = ComputeFormat(configuration.compute)
    }

    var isSymmetric: Bool { configuration.scheme == .absmax }

    func run(input: Matrix, layout: GroupLayout) throws(QuantizationError) -> KernelOutput {
        var output = KernelOutput(
            count: input.count, groups: layout.groupCount, scaleFormat: compute.format,
            elementKind: .integer(bits: configuration.bits))
        output.metadataBits = isSymmetric ? 0 : configuration.bits
        let reciprocalOfQmax = self.reciprocalOfQmax
        for group in 0..<layout.groupCount {
            let parameters = try self.parameters(input: input, layout: layout, group: group)
            output.scales[group] = parameters.scale
            output.zeroPoints[group] = parameters.zeroPoint
            let zeroPointCode = compute.integer(parameters.zeroPoint)
            layout.forEachElement(of: group) { index in
                let (q, clamped) = quantize(input.codes[index], parameters, zeroPointCode: zeroPointCode)
                output.quantized[index] = q
                if clamped { output.clampedCount += 1 }
                output.dequantized[index] = dequantize(q, scale: parameters.scale, zeroPoint: parameters.zeroPoint,
                                                        zeroPointCode: zeroPointCode, reciprocalOfQmax: reciprocalOfQmax)
            }
        }
        return output
    }

    /// qmax of the symmetric range: 2^(bits−1) − 1 (127 for 8 bits, signed or unsigned).
    var symmetricLimit: Int64 { (1 << Int64(configuration.bits - 1)) - 1 }

    /// The group's extremes, found by exact comparison (no rounding).
    func extremes(input: Matrix, layout: GroupLayout, group: Int) -> (minimum: UInt64, maximum: UInt64, magnitude: UInt64) {
        var minimum = input.codes[layout.firstElement(of: group)]
        var maximum = minimum
        var magnitude = compute.magnitude(minimum)
        layout.forEachElement(of: group) { index in
            let code = input.codes[index]
            if compute.isLess(code, minimum) { minimum = code }
            if compute.isLess(maximum, code) { maximum = code }
            let absolute = compute.magnitude(code)
            if compute.isLess(magnitude, absolute) { magnitude = absolute }
        }
        return (minimum, maximum, magnitude)
    }

    func parameters(input: Matrix, layout: GroupLayout, group: Int) throws(QuantizationError) -> Parameters {
        let range = configuration.integerRange
        let (minimum, maximum, magnitude) = extremes(input: input, layout: layout, group: group)
        var parameters = Parameters(
            scale: 0, zeroPoint: 0, zeroPointBeforeRounding: false, multiplier: nil, isDegenerate: false,
            low: range.lowerBound, high: range.upperBound)
        switch (configuration.convention, isSymmetric) {
        case (.textbook, true):
            // S = max|x| / qmax; range ±qmax; unsigned targets are offset by 2^(bits−1).
            let offset: Int64 = configuration.isUnsigned ? 1 << Int64(configuration.bits - 1) : 0
            parameters.zeroPoint = offset
            parameters.low = offset - symmetricLimit
            parameters.high = offset + symmetricLimit
            if compute.isZero(magnitude) {
                parameters.isDegenerate = true
            } else {
                parameters.scale = compute.divide(magnitude, compute.integer(symmetricLimit))
                try checkScale(parameters.scale, group: group, what: "max|x| / \(symmetricLimit)")
            }
        case (.textbook, false):
            // S = (max − min)/(qmax − qmin); Z = clamp(round(qmin − min/S)).
            var low = minimum
            var high = maximum
            if !compute.isLess(low, high) {
                // A constant group: widen the range to include 0 so that it stays representable.
                low = compute.minimum(low, compute.zero)
                high = compute.maximum(high, compute.zero)
            }
            if !compute.isLess(low, high) {
                parameters.isDegenerate = true  // all zeros: S = 0, Z = 0, q = 0
            } else {
                let width = compute.subtract(high, low)
                parameters.scale = compute.divide(width, compute.integer(range.upperBound - range.lowerBound))
                try checkScale(parameters.scale, group: group, what: "(max − min) / \(range.upperBound - range.lowerBound)")
                let shifted = compute.subtract(compute.integer(range.lowerBound), compute.divide(low, parameters.scale))
                parameters.zeroPoint = clamp(try integer(compute.roundToIntegral(shifted), group: group), range)
                parameters.zeroPointBeforeRounding = true
            }
        case (.torch, _):
            let negativePart = compute.minimum(minimum, compute.zero)
            let positivePart = compute.maximum(maximum, compute.zero)
            let epsilon = compute.constant("1/8388608")  // torch.finfo(torch.float32).eps = 2^-23
            if isSymmetric {
                let amax = compute.maximum(compute.format.negate(negativePart), positivePart)
                let halfRange = compute.constant("\(range.upperBound - range.lowerBound)/2")
                parameters.scale = compute.maximum(compute.divide(amax, halfRange), epsilon)
                parameters.zeroPoint = configuration.isUnsigned ? 1 << Int64(configuration.bits - 1) : 0
            } else {
                let width = compute.subtract(positivePart, negativePart)
                parameters.scale = compute.maximum(
                    compute.divide(width, compute.integer(range.upperBound - range.lowerBound)), epsilon)
                let rounded = try integer(compute.roundToIntegral(compute.divide(negativePart, parameters.scale)), group: group)
                parameters.zeroPoint = clamp(range.lowerBound &- rounded, range)
            }
            try checkScale(parameters.scale, group: group, what: "the torch scale")
            parameters.multiplier = compute.divide(compute.one, parameters.scale)
        case (.bitsandbytes, _):
            // LLM.int8: row_stats = max|x|; q = round(x · (127 / row_stats)) in ±127, the factor
            // computed as torch does (see `bitsandbytesFactor`).
            parameters.low = -symmetricLimit
            parameters.high = symmetricLimit
            parameters.scale = magnitude
            if compute.isZero(magnitude) {
                parameters.isDegenerate = true
            } else {
                let factor = compute.bitsandbytesFactor(limit: symmetricLimit, absmax: magnitude)
                try checkScale(factor, group: group, what: "\(symmetricLimit) / max|x|")
                parameters.multiplier = factor
            }
        case (.torchao, _), (.transformerEngine, _), (.deepseek, _), (.deepgemm, _):
            // validate() admits these conventions for nvfp4 and FP8 only.
            preconditionFailure("the \(configuration.convention) convention has no integer kernel")
        }
        return parameters
    }

    /// One element: returns q and whether it was clamped.
    @inline(__always)
    func quantize(_ x: UInt64, _ parameters: Parameters, zeroPointCode: UInt64) -> (Int64, Bool) {
        if parameters.isDegenerate { return (parameters.zeroPoint, false) }
        var value: UInt64
        if let multiplier = parameters.multiplier {
            value = compute.multiply(x, multiplier)
        } else {
            value = compute.divide(x, parameters.scale)
        }
        if parameters.zeroPointBeforeRounding { value = compute.add(value, zeroPointCode) }
        // NaN cannot occur: inputs are finite and scales positive and finite.
        var q = compute.integerValue(compute.roundToIntegral(value)) ?? 0
        if !parameters.zeroPointBeforeRounding { q = q &+ parameters.zeroPoint }
        if q < parameters.low { return (parameters.low, true) }
        if q > parameters.high { return (parameters.high, true) }
        return (q, false)
    }

    /// x̂ = (q − Z) × S in the compute format; bitsandbytes: q × absmax × (1/127). The one
    /// formula of both `quantize` and ``QuantizedMatrix/dequantized()``: `zeroPointCode` is Z
    /// in the compute format, `reciprocalOfQmax` fl(1 / qmax).
    ///
    ///     // textbook float16, S = 0.042510986328125: q = 28 → 1.1904296875
    @inline(__always)
    func dequantize(_ q: Int64, scale: UInt64, zeroPoint: Int64, zeroPointCode: UInt64, reciprocalOfQmax: UInt64) -> UInt64 {
        if configuration.convention == .bitsandbytes {
            return compute.multiply(compute.multiply(compute.integer(q), scale), reciprocalOfQmax)
        }
        let centered = zeroPoint == 0 ? compute.integer(q) : compute.subtract(compute.integer(q), zeroPointCode)
        return compute.multiply(centered, scale)
    }

    /// fl(1 / qmax), the last factor of bitsandbytes' dequantization.
    var reciprocalOfQmax: UInt64 { compute.divide(compute.one, compute.integer(symmetricLimit)) }

    func clamp(_ value: Int64, _ range: ClosedRange<Int64>) -> Int64 {
        min(max(value, range.lowerBound), range.upperBound)
    }

    func integer(_ code: UInt64, group: Int) throws(QuantizationError) -> Int64 {
        guard let value = compute.integerValue(code) else {
            throw .invalidScale(group: group, detail: "the zero point is NaN in \(compute.format.name)")
        }
        return value
    }

    func checkScale(_ scale: UInt64, group: Int, what: String) throws(QuantizationError) {
        guard compute.isFinite(scale), !compute.isZero(scale) else {
            throw .invalidScale(
                group: group,
                detail: "\(what) is \(compute.format.printedDecimal(scale)) in \(compute.format.name); the scale must be positive and finite (the group's range does not fit the compute format)")
        }
    }
}
