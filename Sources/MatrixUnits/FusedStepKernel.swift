import SoftFloat

/// The NVIDIA fused step (``Summation/fused``) on ``DecodedOperands``: the hot loop of line
/// mode, matrix mode and the experiments.
///
/// Same arithmetic as ``DotProductEngine``'s general step — exact integer products, each term
/// truncated toward zero to a multiple of `2^(E − keptFractionBits)`, an exact 64-bit sum, one
/// rounding into D — written as two branch-light passes over plain integer arrays (largest
/// exponent, then the truncated terms) with no per-step allocation. A step that holds an
/// infinity or NaN, or whose result falls outside D's normal range, answers `nil`, and the
/// caller takes the general path (which handles every case).
///
///     // hopper:wgmma.m64n8k32.f32.e4m3.e4m3: 1·1 + 2^-7·2^-7, 30 zero products, c = +0
///     // → the exact 1 + 2^-14 keeps 13 fraction bits: 1.0 (0x3f800000)
struct FusedStepKernel: Sendable {
    /// Products per step and per instruction.
    let stepSize: Int
    let k: Int
    let kept: Int
    /// A product of the largest exponent is shifted left by `productLeftShift` (or right by
    /// `productRightShift`): `kept − a.mantissaBits − b.mantissaBits`.
    let productLeftShift: Int64
    let productRightShift: Int64
    /// D (and C): an IEEE format with infinities (f32 or f16).
    let dMantissaBits: Int
    let dBias: Int
    let dExponentMask: UInt64
    let dSignShift: UInt64
    /// Fraction bits of the result (D's, or 13) and the mode of the one rounding.
    let outputFractionBits: Int
    let roundsToNearestEven: Bool
    let dMinExponent: Int
    let dMaxExponent: Int

    /// nil when the unit is not a plain fused unit this kernel covers (block scales, C in
    /// another format than D, a D without infinities).
    init?(unit: MatrixUnit) {
        guard unit.summation == .fused, unit.scale == nil, unit.c == unit.d, unit.d.hasInfinity,
              unit.d.bitWidth <= 32, unit.finalRounding == .towardZero || unit.finalRounding == .nearestEven
        else { return nil }
        stepSize = unit.stepSize
        k = unit.k
        kept = unit.keptFractionBits
        let shift = unit.keptFractionBits - unit.a.mantissaBits - unit.b.mantissaBits
        productLeftShift = Int64(max(shift, 0))
        productRightShift = Int64(max(-shift, 0))
        dMantissaBits = unit.d.mantissaBits
        dBias = unit.d.bias
        dExponentMask = (1 << UInt64(unit.d.exponentBits)) - 1
        dSignShift = UInt64(unit.d.exponentBits + unit.d.mantissaBits)
        outputFractionBits = unit.outputFractionBits
        roundsToNearestEven = unit.finalRounding == .nearestEven
        dMinExponent = unit.d.minNormalExponent
        dMaxExponent = unit.d.maxExponent
    }

    /// One instruction: `stepSize`-product steps over `k` elements, each step's D the next
    /// one's C. nil when a step leaves the fast path (the caller redoes the whole instruction
    /// on the general path).
    @inline(__always)
    func instruction<Operands: FusedOperands>(_ operands: Operands, c: UInt64) -> UInt64? {
        var accumulator = c
        var start = 0
        while start < k {
            guard let d = step(operands, start: start, c: accumulator) else { return nil }
            accumulator = d
            start += stepSize
        }
        return accumulator
    }

    @inline(__always)
    func step<Operands: FusedOperands>(_ operands: Operands, start: Int, c: UInt64) -> UInt64? {
        // C in D's format, decoded like an operand.
        let biased = Int((c >> UInt64(dMantissaBits)) & dExponentMask)
        let fraction = Int64(c & ((1 << UInt64(dMantissaBits)) - 1))
        guard biased != Int(dExponentMask) else { return nil }
        let cNegative = (c >> dSignShift) & 1 == 1
        var cMagnitude: Int64, cExponent: Int
        if biased == 0 {
            cMagnitude = fraction
            cExponent = fraction == 0 ? UnitOperand.zeroExponent : 1 - dBias
        } else {
            cMagnitude = fraction | (1 << Int64(dMantissaBits))
            cExponent = biased - dBias
        }
        var largest = Int32(cExponent)
        for offset in 0..<stepSize {
            largest = max(largest, operands.productExponent(start &+ offset))
        }
        guard largest < DecodedOperands.nonFiniteExponent / 2 else { return nil }
        var sum: Int64 = 0
        for offset in 0..<stepSize {
            // Branch-free: |p| shifted (toward zero), then the sign put back as (t ^ s) − s.
            let (product, exponent) = operands.product(start &+ offset)
            let distance = UInt64(truncatingIfNeeded: Int64(largest &- exponent) &+ productRightShift)
            let sign = product &>> 63
            let magnitude = UInt64(bitPattern: (product ^ sign) &- sign)
            let term = Int64(bitPattern: (magnitude &<< UInt64(productLeftShift)) >> distance)
            sum &+= (term ^ sign) &- sign
        }
        let cShift = cExponent - Int(largest) + kept - dMantissaBits
        let cTerm: Int64 = cShift >= 0 ? cMagnitude << Int64(cShift) : (cShift > -64 ? cMagnitude >> Int64(-cShift) : 0)
        sum &+= cNegative ? -cTerm : cTerm
        return rounded(sum, exponent: Int(largest) - kept)
    }

    /// `sum × 2^exponent` rounded once into D (toward zero or nearest-even, `outputFractionBits`
    /// of fraction); nil outside D's normal range (the general path rounds those).
    @inline(__always)
    func rounded(_ sum: Int64, exponent: Int) -> UInt64? {
        if sum == 0 { return 0 }
        let magnitude = sum.magnitude
        let width = 64 - magnitude.leadingZeroBitCount
        var valueExponent = exponent + width - 1
        guard valueExponent >= dMinExponent, valueExponent <= dMaxExponent else { return nil }
        let shift = width - (outputFractionBits + 1)
        var significand: UInt64
        if shift <= 0 {
            significand = magnitude << UInt64(-shift)
        } else {
            significand = magnitude >> UInt64(shift)
            if roundsToNearestEven {
                let remainder = magnitude & ((1 << UInt64(shift)) - 1)
                let half: UInt64 = 1 << UInt64(shift - 1)
                if remainder > half || (remainder == half && significand & 1 == 1) {
                    significand += 1
                    if significand >> UInt64(outputFractionBits + 1) != 0 {
                        significand >>= 1
                        valueExponent += 1
                        guard valueExponent <= dMaxExponent else { return nil }
                    }
                }
            }
        }
        let fractionField = (significand & ((1 << UInt64(outputFractionBits)) - 1)) << UInt64(dMantissaBits - outputFractionBits)
        let sign: UInt64 = sum < 0 ? 1 << dSignShift : 0
        return sign | (UInt64(valueExponent + dBias) << UInt64(dMantissaBits)) | fractionField
    }
}

/// Where the fused kernel reads its products: decoded arrays (matrix mode) or codes looked up
/// in the engine's operand tables (line mode).
protocol FusedOperands {
    /// `a_i.exponent + b_i.exponent` (at least `nonFiniteExponent / 2` when either is not finite).
    func productExponent(_ index: Int) -> Int32
    /// The exact signed product of the significands, and its exponent.
    func product(_ index: Int) -> (Int64, Int32)
}

/// Operands from ``DecodedOperands`` (pointers to one row of A and one column of B).
struct DecodedPointers: FusedOperands {
    let aSignificands: UnsafePointer<Int32>
    let aExponents: UnsafePointer<Int32>
    let bSignificands: UnsafePointer<Int32>
    let bExponents: UnsafePointer<Int32>

    @inline(__always) func productExponent(_ index: Int) -> Int32 { aExponents[index] &+ bExponents[index] }
    @inline(__always) func product(_ index: Int) -> (Int64, Int32) {
        (Int64(aSignificands[index]) &* Int64(bSignificands[index]), aExponents[index] &+ bExponents[index])
    }
}

/// Operand codes looked up in decoded tables (every code of a ≤ 16-bit format).
struct TabledCodes: FusedOperands {
    let a: UnsafePointer<UInt64>
    let b: UnsafePointer<UInt64>
    let aTable: UnsafePointer<UnitOperand>
    let bTable: UnsafePointer<UnitOperand>
    let aMask: UInt64
    let bMask: UInt64

    @inline(__always) func productExponent(_ index: Int) -> Int32 {
        let x = aTable[Int(a[index] & aMask)], y = bTable[Int(b[index] & bMask)]
        let finite = x.kind == .finite && y.kind == .finite
        return finite ? x.exponent &+ y.exponent : DecodedOperands.nonFiniteExponent
    }
    @inline(__always) func product(_ index: Int) -> (Int64, Int32) {
        let x = aTable[Int(a[index] & aMask)], y = bTable[Int(b[index] & bMask)]
        let magnitude = Int64(bitPattern: x.magnitude &* y.magnitude)
        return (x.negative != y.negative ? -magnitude : magnitude, x.exponent &+ y.exponent)
    }
}
