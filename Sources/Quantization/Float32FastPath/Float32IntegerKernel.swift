import SoftFloat

/// Absmax and zero-point integer quantization in hardware float32, step for step the
/// operations of ``IntegerKernel`` (same operations, same order, same constants):
///
/// | convention | group parameters | element |
/// | --- | --- | --- |
/// | textbook absmax | S = amax / qmax | q = clamp(round(x / S) + offset) |
/// | textbook zeropoint | S = (max − min) / (qmax − qmin); Z = clamp(round(qmin − min / S)) | q = clamp(round(x / S + Z)) |
/// | torch | scale = max(amax / ((qmax − qmin)/2), eps) or max((max⁺ − min⁻) / (qmax − qmin), eps); m = 1 / scale | q = clamp(round(x · m) + zp) |
/// | bitsandbytes | m = (1 / amax) · qmax | q = clamp(round(x · m)) |
///
/// x̂ = (q − Z) · S (q · S when Z = 0); bitsandbytes x̂ = (q · amax) · (1 / qmax).
///
/// Extremes come from vector reductions (``Float32ExtremesAccumulator``). A zero minimum or
/// maximum can come out as −0
/// where the engine, which keeps the first of equal values, has +0, or the reverse; no result
/// depends on it: min/S, qmin − min/S, max − min, min(min, 0) and max(max, 0) give the same
/// numbers for either zero, and a group whose extremes are both zero is degenerate either way.
///
/// Why it is fast: the group's parameters are computed once (scalar code); the element loop is
/// branch-free — one divide or multiply, one add, two clamps, the magic-number rounding
/// (``Float32Bits/roundedInteger(_:)``), an integer clamp and a narrowing store — so LLVM
/// vectorizes it for SSE2 (`divps`/`mulps`, `maxps`/`minps`, `addps`, `psubd`, `pcmpgtd`,
/// `packuswb`). The clamped count is a vector sum of compare masks, in Int32 chunks.
struct Float32IntegerKernel: Float32GroupwiseKernel {
    let convention: QuantizationConvention
    let isSymmetric: Bool
    let isUnsigned: Bool
    let bits: Int
    let storage: Float32IntegerStorage
    /// The target's range, −128 … 127 for int8.
    let low: Int32
    let high: Int32
    /// 2^(bits−1) − 1: 127 for 8 bits.
    let symmetricLimit: Int32
    /// 1 / qmax in float32 (bitsandbytes' dequantization constant).
    let reciprocalOfQmax: Float

    init(configuration: QuantizationConfiguration) {
        convention = configuration.convention
        isSymmetric = configuration.scheme == .absmax
        isUnsigned = configuration.isUnsigned
        bits = configuration.bits
        storage = Float32IntegerStorage(bits: configuration.bits, isUnsigned: configuration.isUnsigned)
        let range = configuration.integerRange
        low = Int32(range.lowerBound)
        high = Int32(range.upperBound)
        symmetricLimit = Int32((1 << (configuration.bits - 1)) - 1)
        reciprocalOfQmax = 1 / Float(symmetricLimit)
    }

    /// One group's parameters: q = clamp(round(x ⊘ factor + before) + after, low … high).
    struct Parameters: Sendable {
        /// The reported scale (bitsandbytes: the absmax, its SCB).
        var scale: Float = 0
        /// The reported zero point.
        var zeroPoint: Int32 = 0
        /// x / divisor (textbook), or x · multiplier (torch, bitsandbytes).
        var multiplies = false
        var factor: Float = 1
        /// Textbook zero-point's Z, added before rounding (0 otherwise: v + 0 = v for every
        /// v except −0, which rounds to the same 0).
        var addedBeforeRounding: Float = 0
        /// torch's zero point, or the unsigned absmax offset, added after rounding.
        var addedAfterRounding: Int32 = 0
        var low: Int32 = 0
        var high: Int32 = 0
        /// An all-zero group: every element is the zero point, no arithmetic.
        var isDegenerate = false
        /// True when no element of the group can round outside the range, so the loop skips the
        /// clamp and the count. Found per group from its extremes: x ↦ fl(fl(x ⊘ factor) + Z)
        /// is non-decreasing (each correctly rounded step is, and the factor is positive), so
        /// every element's v lies between v(min) and v(max) — for symmetric schemes between
        /// v(−amax) and v(amax). If those two round inside the range (and |v| ≤ 2^22, for the
        /// magic-number rounding), so does every v. Textbook absmax and bitsandbytes groups
        /// always pass; torch's qint8 symmetric (+amax → 127.5 → 128) does not.
        var cannotClamp = false
        /// v below this rounds below `low − after`; v above `clampedAbove` rounds above
        /// `high − after` (ties to even decide the half-way points; see ``bounds(low:high:)``).
        var clampedBelow: Float = 0
        var clampedAbove: Float = 0
    }

    /// The thresholds on v = x ⊘ factor (+ Z) beyond which round(v) + after leaves
    /// low … high: round(v) > h exactly when v > h + 1/2, or v = h + 1/2 and the tie goes up to
    /// an even h + 1; so the upper threshold is h + 1/2, or the float just below it when h + 1
    /// is even (h = 127: v ≥ 127.5 clamps). Symmetrically below.
    static func bounds(low: Int32, high: Int32) -> (below: Float, above: Float) {
        let upper = Float(high) + 0.5
        let lower = Float(low) - 0.5
        return ((low - 1) % 2 == 0 ? lower.nextUp : lower, (high + 1) % 2 == 0 ? upper.nextDown : upper)
    }

    /// Every symmetric rule only needs max|x| (torch's max(−min(min, 0), max(max, 0)) is it);
    /// the affine ones need min and max.
    func reduce(_ x: UnsafePointer<UInt32>, count: Int) -> Extremes {
        Float32Bits.extremes(x, count: count, symmetric: isSymmetric)
    }

    func parameters(_ extremes: Extremes, group: Int) throws(QuantizationError) -> Parameters {
        var p = Parameters(low: low, high: high)
        let magnitude = extremes.maximumMagnitude
        switch (convention, isSymmetric) {
        case (.textbook, true):
            let offset: Int32 = isUnsigned ? 1 << Int32(bits - 1) : 0
            p.zeroPoint = offset
            p.addedAfterRounding = offset
            p.low = offset - symmetricLimit
            p.high = offset + symmetricLimit
            if magnitude == 0 {
                p.isDegenerate = true
            } else {
                p.scale = magnitude / Float(symmetricLimit)
                try check(p.scale, group: group, what: "max|x| / \(symmetricLimit)")
                p.factor = p.scale
            }
        case (.textbook, false):
            var minimum = extremes.minimum
            var maximum = extremes.maximum
            if !(minimum < maximum) {
                // A constant group: widen the range to include 0.
                minimum = Swift.min(minimum, 0)
                maximum = Swift.max(maximum, 0)
            }
            if !(minimum < maximum) {
                p.isDegenerate = true
            } else {
                let width = maximum - minimum
                p.scale = width / Float(high - low)
                try check(p.scale, group: group, what: "(max − min) / \(high - low)")
                let shifted = Float(low) - minimum / p.scale
                p.zeroPoint = try clampedInteger(shifted.rounded(.toNearestOrEven), group: group)
                p.factor = p.scale
                p.addedBeforeRounding = Float(p.zeroPoint)
            }
        case (.torch, _):
            let negativePart = Swift.min(extremes.minimum, 0)
            let positivePart = Swift.max(extremes.maximum, 0)
            let epsilon: Float = 0x1p-23  // torch.finfo(torch.float32).eps
            if isSymmetric {
                let halfRange = Float(high - low) / 2  // exact: (qmax − qmin)/2 needs 17 bits at most
                p.scale = Swift.max(magnitude / halfRange, epsilon)
                p.zeroPoint = isUnsigned ? 1 << Int32(bits - 1) : 0
            } else {
                let width = positivePart - negativePart
                p.scale = Swift.max(width / Float(high - low), epsilon)
                let rounded = (negativePart / p.scale).rounded(.toNearestOrEven)
                guard !rounded.isNaN else { throw nanZeroPoint(group: group) }
                // |min⁻ / scale| ≤ qmax − qmin (or the scale is not finite and check throws),
                // so the Int64 subtraction and the clamp are the engine's.
                let zero = Int64(low) - Int64(Swift.max(Swift.min(rounded, 0x1p40), -0x1p40))
                p.zeroPoint = Int32(Swift.min(Swift.max(zero, Int64(low)), Int64(high)))
            }
            try check(p.scale, group: group, what: "the torch scale")
            p.addedAfterRounding = p.zeroPoint
            p.multiplies = true
            p.factor = 1 / p.scale
        case (.bitsandbytes, _):
            p.low = -symmetricLimit
            p.high = symmetricLimit
            p.scale = magnitude
            if magnitude == 0 {
                p.isDegenerate = true
            } else {
                // torch's `127.0 / row_stats` is reciprocal × 127 (ComputeFormat.bitsandbytesFactor).
                let factor = (1 / magnitude) * Float(symmetricLimit)
                try check(factor, group: group, what: "\(symmetricLimit) / max|x|")
                p.multiplies = true
                p.factor = factor
            }
        case (.torchao, _), (.transformerEngine, _), (.deepseek, _), (.deepgemm, _):
            // validate() admits these conventions for nvfp4 and FP8 only.
            preconditionFailure("the \(convention) convention has no integer kernel")
        }
        (p.clampedBelow, p.clampedAbove) = Self.bounds(low: p.low &- p.addedAfterRounding, high: p.high &- p.addedAfterRounding)
        if !p.isDegenerate {
            let (lowest, highest) = isSymmetric ? (-magnitude, magnitude) : (extremes.minimum, extremes.maximum)
            let v = { (x: Float) -> Float in (p.multiplies ? x * p.factor : x / p.factor) + p.addedBeforeRounding }
            let (low, high) = (v(lowest), v(highest))
            p.cannotClamp = low >= p.clampedBelow && high <= p.clampedAbove && low.magnitude <= 0x1p22 && high.magnitude <= 0x1p22
        }
        return p
    }

    func reported(_ parameters: Parameters) -> (scale: UInt32, zeroPoint: Int32) {
        (parameters.scale.bitPattern, parameters.zeroPoint)
    }

    func quantize(_ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int) -> Int {
        quantize(x, count: count, parameters, into: elements, offset: offset, next: nil).clamped
    }

    func quantizeReducingNext(
        _ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int,
        next: UnsafePointer<UInt32>
    ) -> (clamped: Int, next: Extremes) {
        let (clamped, extremes) = quantize(x, count: count, parameters, into: elements, offset: offset, next: next)
        return (clamped, extremes ?? .empty)
    }

    func quantize(
        _ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int,
        next: UnsafePointer<UInt32>?
    ) -> (clamped: Int, next: Extremes?) {
        switch storage {
        case .int8: return quantize(x, count: count, parameters, into: elements.assumingMemoryBound(to: Int8.self) + offset, next: next)
        case .uint8: return quantize(x, count: count, parameters, into: elements.assumingMemoryBound(to: UInt8.self) + offset, next: next)
        case .int16: return quantize(x, count: count, parameters, into: elements.assumingMemoryBound(to: Int16.self) + offset, next: next)
        case .uint16: return quantize(x, count: count, parameters, into: elements.assumingMemoryBound(to: UInt16.self) + offset, next: next)
        }
    }

    /// Quantizes a run and, when `next` is given, reduces the next run of the same length in the
    /// same loop (the next row, per row): its loads stream from memory while this row, already
    /// in L1 from its own reduction, is computed, instead of memory and arithmetic taking turns.
    func quantize<Q: FixedWidthInteger & SIMDScalar>(
        _ x: UnsafePointer<UInt32>, count: Int, _ p: Parameters, into output: UnsafeMutablePointer<Q>, next: UnsafePointer<UInt32>?
    ) -> (clamped: Int, next: Extremes?) {
        if p.isDegenerate {
            output.update(repeating: Q(truncatingIfNeeded: p.zeroPoint), count: count)
            return (0, next.map { reduce($0, count: count) })
        }
        guard let next else {
            return (Self.quantize(x, count: count, p, into: output, next: x, Float32Off.self, Float32Off.self).clamped, nil)
        }
        let result = isSymmetric
            ? Self.quantize(x, count: count, p, into: output, next: next, Float32On.self, Float32On.self)
            : Self.quantize(x, count: count, p, into: output, next: next, Float32On.self, Float32Off.self)
        return (result.clamped, result.next)
    }

    static func quantize<Q: FixedWidthInteger & SIMDScalar, Fuses: Float32LoopOption, Symmetric: Float32LoopOption>(
        _ x: UnsafePointer<UInt32>, count: Int, _ p: Parameters, into output: UnsafeMutablePointer<Q>,
        next: UnsafePointer<UInt32>, _ fuses: Fuses.Type, _ symmetric: Symmetric.Type
    ) -> (clamped: Int, next: Extremes) {
        switch (p.multiplies, p.cannotClamp) {
        case (false, true): return elementLoop(x, count: count, p, into: output, next: next, Float32Off.self, Float32Off.self, fuses, symmetric)
        case (true, true): return elementLoop(x, count: count, p, into: output, next: next, Float32On.self, Float32Off.self, fuses, symmetric)
        case (false, false): return elementLoop(x, count: count, p, into: output, next: next, Float32Off.self, Float32On.self, fuses, symmetric)
        case (true, false): return elementLoop(x, count: count, p, into: output, next: next, Float32On.self, Float32On.self, fuses, symmetric)
        }
    }

    /// The hot loop, 16 lanes at a time, specialized for each combination of its options
    /// (``Float32LoopOption``), so each copy is straight-line code without tests:
    /// - when no element can leave the range (``Parameters/cannotClamp``: nearly every group):
    ///   `divps`/`mulps`, `addps` (Z, +0 for symmetric schemes), `addps` (the rounding magic),
    ///   `paddd`, and the narrowing store (`pand`, `packuswb`);
    /// - otherwise also two compares counting the elements whose rounded value leaves the
    ///   range, and `maxps`/`minps` clamping v to the integer bounds [low − after,
    ///   high − after] before rounding (integer bounds commute with monotone rounding);
    /// - fused with the next run's reduction: its load and `andps`/`maxps`/`cmpunordps`/`orps`
    ///   (or `minps`/`maxps`/`cmpunordps`/`orps`).
    @inline(__always)
    static func elementLoop<
        Q: FixedWidthInteger & SIMDScalar, Multiplies: Float32LoopOption, Clamps: Float32LoopOption,
        Fuses: Float32LoopOption, Symmetric: Float32LoopOption
    >(
        _ x: UnsafePointer<UInt32>, count: Int, _ p: Parameters, into output: UnsafeMutablePointer<Q>, next: UnsafePointer<UInt32>,
        _: Multiplies.Type, _: Clamps.Type, _: Fuses.Type, _: Symmetric.Type
    ) -> (clamped: Int, next: Extremes) {
        let multiplies = Multiplies.isOn
        let clamps = Clamps.isOn
        let fuses = Fuses.isOn
        let symmetric = Symmetric.isOn
        let factor = Float32x16(repeating: p.factor)
        let before = Float32x16(repeating: p.addedBeforeRounding)
        let floor = Float32x16(repeating: Float(p.low &- p.addedAfterRounding))
        let ceiling = Float32x16(repeating: Float(p.high &- p.addedAfterRounding))
        let below = Float32x16(repeating: p.clampedBelow)
        let above = Float32x16(repeating: p.clampedAbove)
        let after = p.addedAfterRounding
        var clamped = Int32x16(repeating: 0)
        var accumulator = Float32ExtremesAccumulator()
        @inline(__always) func lanes(_ value: Float32x16) -> Int32x16 {
            var v = (multiplies ? value * factor : value / factor) + before
            if clamps {
                clamped &+= Float32Bits.minusOnes((v .< below) .| (v .> above))
                v = v.replacing(with: floor, where: v .< floor)
                v = v.replacing(with: ceiling, where: v .> ceiling)
            }
            return Float32Bits.roundedIntegers(v, plus: after)
        }
        var index = 0
        while index &+ Float32Bits.lanes <= count {
            if fuses { accumulator.add(Float32Bits.load(next + index), symmetric: symmetric) }
            Float32Bits.store(lanes(Float32Bits.load(x + index)), to: output + index)
            index &+= Float32Bits.lanes
        }
        if index < count {
            let rest = count &- index
            if fuses { accumulator.add(Float32Bits.loadPartial(next + index, count: rest, padding: next[0]), symmetric: symmetric) }
            let counted = clamped
            let q = lanes(Float32Bits.loadPartial(x + index, count: rest, padding: 0))
            // Padding lanes must not count.
            clamped = counted &+ (clamped &- counted).replacing(with: 0, where: .!Float32Bits.firstLanes(rest))
            Float32Bits.storePartial(q, to: output + index, count: rest)
        }
        return (-Float32Bits.sum(clamped), fuses ? accumulator.extremes(symmetric: symmetric) : .empty)
    }

    func dequantize(_ elements: UnsafeRawPointer, offset: Int, count: Int, scale: UInt32, zeroPoint: Int32, into output: UnsafeMutablePointer<UInt32>) {
        switch storage {
        case .int8: dequantize(elements.assumingMemoryBound(to: Int8.self) + offset, count: count, scale: scale, zeroPoint: zeroPoint, into: output)
        case .uint8: dequantize(elements.assumingMemoryBound(to: UInt8.self) + offset, count: count, scale: scale, zeroPoint: zeroPoint, into: output)
        case .int16: dequantize(elements.assumingMemoryBound(to: Int16.self) + offset, count: count, scale: scale, zeroPoint: zeroPoint, into: output)
        case .uint16: dequantize(elements.assumingMemoryBound(to: UInt16.self) + offset, count: count, scale: scale, zeroPoint: zeroPoint, into: output)
        }
    }

    /// x̂ = (q − Z) · S, q · S when Z = 0, bitsandbytes (q · amax) · (1/qmax): integers up to
    /// 2^16 are exact float32 values, so Float(q) is the engine's integer(q).
    @inline(__always)
    func dequantize<Q: FixedWidthInteger>(_ q: UnsafePointer<Q>, count: Int, scale: UInt32, zeroPoint: Int32, into output: UnsafeMutablePointer<UInt32>) {
        let s = Float(bitPattern: scale)
        if convention == .bitsandbytes {
            let r = reciprocalOfQmax
            for index in 0..<count { output[index] = ((Float(Int32(truncatingIfNeeded: q[index])) * s) * r).bitPattern }
        } else if zeroPoint == 0 {
            for index in 0..<count { output[index] = (Float(Int32(truncatingIfNeeded: q[index])) * s).bitPattern }
        } else {
            let z = Float(zeroPoint)
            for index in 0..<count { output[index] = ((Float(Int32(truncatingIfNeeded: q[index])) - z) * s).bitPattern }
        }
    }

    /// round(shifted) as an integer clamped to the target's range (the engine converts to
    /// Int64, saturating, then clamps; clamping the float first is the same for integer bounds).
    func clampedInteger(_ rounded: Float, group: Int) throws(QuantizationError) -> Int32 {
        guard !rounded.isNaN else { throw nanZeroPoint(group: group) }
        return Int32(Swift.min(Swift.max(rounded, Float(low)), Float(high)))
    }

    func nanZeroPoint(group: Int) -> QuantizationError {
        .invalidScale(group: group, detail: "the zero point is NaN in float32")
    }

    /// `what` is only built when the scale is bad (it is text, and this runs once per group).
    func check(_ scale: Float, group: Int, what: @autoclosure () -> String) throws(QuantizationError) {
        guard scale.isFinite, scale != 0 else {
            throw .invalidScale(
                group: group,
                detail: "\(what()) is \(FloatFormat.float32.shortestDecimal(UInt64(scale.bitPattern))) in float32; the scale must be positive and finite (the group's range does not fit the compute format)")
        }
    }
}

/// How integer elements are stored: the narrowest two's-complement or unsigned integer that
/// holds the target's range.
enum Float32IntegerStorage: Sendable, Hashable {
    case int8, uint8, int16, uint16

    init(bits: Int, isUnsigned: Bool) {
        switch (bits <= 8, isUnsigned) {
        case (true, false): self = .int8
        case (true, true): self = .uint8
        case (false, false): self = .int16
        case (false, true): self = .uint16
        }
    }

    var bytes: Int { self == .int8 || self == .uint8 ? 1 : 2 }
    var isSigned: Bool { self == .int8 || self == .int16 }
}
