extension ScalarFastPath {
    /// a ÷ b: ``FloatFormat/divide(_:_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.divide(Float16Layout.self, 0x3c00, 0x4200)   // 1/3 → 0x3555, inexact
    ///
    /// One integer division of the dividend's significand shifted left by `mantissaBits + 3`
    /// leaves a quotient of m + 3 or m + 4 bits (at least two below the rounding position),
    /// and a nonzero remainder is the sticky bit. Layouts of up to 14 mantissa bits divide in
    /// 32 bits (the dividend has at most 2m + 4 bits), float32 in 64.
    @inline(never)
    static func divide<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        guard _fastPath(L.areNormal(magnitudeA, magnitudeB)) else {
            return divideSpecial(L.self, a, b)
        }
        return divideFinite(
            L.self, sign: (a ^ b) & L.signMask,
            exponentA: Int(truncatingIfNeeded: magnitudeA &>> UInt64(L.mantissaBits)), significandA: (magnitudeA & L.mantissaMask) | L.implicitBit,
            exponentB: Int(truncatingIfNeeded: magnitudeB &>> UInt64(L.mantissaBits)), significandB: (magnitudeB & L.mantissaMask) | L.implicitBit)
    }

    @inline(always)
    static func divideFinite<L: ScalarLayout>(
        _: L.Type, sign: UInt64, exponentA: Int, significandA: UInt64, exponentB: Int, significandB: UInt64
    ) -> Rounded {
        let dividendShift = L.mantissaBits &+ 3
        let quotient: UInt64
        if L.mantissaBits <= 14 {
            let (q, r) = (UInt32(truncatingIfNeeded: significandA) &<< UInt32(dividendShift))
                .quotientAndRemainder(dividingBy: UInt32(truncatingIfNeeded: significandB))
            quotient = UInt64(q) | (r != 0 ? 1 : 0)
        } else {
            let (q, r) = (significandA &<< UInt64(dividendShift)).quotientAndRemainder(dividingBy: significandB)
            quotient = q | (r != 0 ? 1 : 0)
        }
        let shift = quotient.leadingZeroBitCount &- 1
        return roundPack(L.self, sign: sign, exponent: exponentA &- exponentB &+ L.bias &+ (61 &- dividendShift) &- shift,
                         significand: quotient &<< UInt64(truncatingIfNeeded: shift))
    }

    /// Quotients with a zero, subnormal, infinite or NaN operand
    /// (``FloatFormat/multiplyOrDivideSpecial(_:_:dividing:options:random:)``'s table).
    @inline(never)
    static func divideSpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        if L.isNaN(magnitudeA) || L.isNaN(magnitudeB) { return propagate(L.self, a, b) }
        let sign = (a ^ b) & L.signMask
        if L.isInfinity(magnitudeA) {
            return L.isInfinity(magnitudeB) ? invalid(L.self) : infinity(L.self, sign: sign)
        }
        if magnitudeB == 0 {
            if magnitudeA == 0 { return invalid(L.self) }
            let result = infinity(L.self, sign: sign)
            return Rounded(bits: result.bits, flags: result.flags.union(.divideByZero))
        }
        if magnitudeA == 0 || L.isInfinity(magnitudeB) { return Rounded(bits: sign) }
        let x = unpack(L.self, magnitudeA)
        let y = unpack(L.self, magnitudeB)
        return divideFinite(L.self, sign: sign, exponentA: x.exponent, significandA: x.significand,
                            exponentB: y.exponent, significandB: y.significand)
    }
}
