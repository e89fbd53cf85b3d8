extension ScalarFastPath {
    /// a × b: ``FloatFormat/multiply(_:_:options:random:)`` with the standard options, for a
    /// static layout. The product of two significands of at most 24 bits is exact in 64.
    ///
    ///     ScalarFastPath.multiply(Float16Layout.self, 0x70e2, 0x70e2)   // 10^8 → 0x7c00, overflow|inexact
    @inline(never)
    static func multiply<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        guard _fastPath(L.areNormal(magnitudeA, magnitudeB)) else {
            return multiplySpecial(L.self, a, b)
        }
        return multiplyFinite(
            L.self, sign: (a ^ b) & L.signMask,
            exponentA: Int(truncatingIfNeeded: magnitudeA &>> UInt64(L.mantissaBits)), significandA: (magnitudeA & L.mantissaMask) | L.implicitBit,
            exponentB: Int(truncatingIfNeeded: magnitudeB &>> UInt64(L.mantissaBits)), significandB: (magnitudeB & L.mantissaMask) | L.implicitBit)
    }

    /// The product of two nonzero finite operands: exact in 64 bits (2m + 2 bits at most),
    /// normalised with one leading-zero count, so a subnormal operand may come unnormalised
    /// (``unpackUnnormalised(_:_:)``: exponent 1, leading bit below m): the count absorbs it.
    ///
    ///     // float8_e4m3fn 0x03 × 0x40 (3 × 2^-9 × 2): significands 0b011 × 0b1000 = 24, exponents
    ///     // 1 + 8 − 7 + 55 − 58 (shift: 59 leading zeros − 1) = −1 → 6 × 2^-9 = 0x06, exact
    @inline(always)
    static func multiplyFinite<L: ScalarLayout>(
        _: L.Type, sign: UInt64, exponentA: Int, significandA: UInt64, exponentB: Int, significandB: UInt64
    ) -> Rounded {
        let product = significandA &* significandB  // leading bit at 2m or 2m + 1
        let shift = product.leadingZeroBitCount &- 1
        return roundPack(L.self, sign: sign, exponent: exponentA &+ exponentB &- L.bias &+ (61 &- 2 &* L.mantissaBits) &- shift,
                         significand: product &<< UInt64(truncatingIfNeeded: shift))
    }

    /// Products with a zero, subnormal, infinite or NaN operand
    /// (``FloatFormat/multiplyOrDivideSpecial(_:_:dividing:options:random:)``'s table); a
    /// subnormal operand enters the product unnormalised.
    @inline(never)
    static func multiplySpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        if L.isNaN(magnitudeA) || L.isNaN(magnitudeB) { return propagate(L.self, a, b) }
        let sign = (a ^ b) & L.signMask
        if L.isInfinity(magnitudeA) || L.isInfinity(magnitudeB) {
            return magnitudeA == 0 || magnitudeB == 0 ? invalid(L.self) : infinity(L.self, sign: sign)
        }
        if magnitudeA == 0 || magnitudeB == 0 { return Rounded(bits: sign) }
        let x = unpackUnnormalised(L.self, magnitudeA)
        let y = unpackUnnormalised(L.self, magnitudeB)
        return multiplyFinite(L.self, sign: sign, exponentA: x.exponent, significandA: x.significand,
                              exponentB: y.exponent, significandB: y.significand)
    }
}
