extension ScalarFastPath {
    /// √a: ``FloatFormat/squareRoot(_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.squareRoot(Float16Layout.self, 0x4000)   // √2 → 0x3da8, inexact
    ///
    /// The sign first (below zero only −0 and NaN are not invalid). The significand, shifted by
    /// the exponent's parity, is scaled to a radicand of 61–62 bits with at most 25 significant
    /// ones, so `Double` holds it exactly and ``FloatFormat/integerSquareRoot(ofExactDouble:)``
    /// gives its 31-bit integer root; a nonzero remainder is the sticky bit.
    @inline(never)
    static func squareRoot<L: ScalarLayout>(_: L.Type, _ a: UInt64) -> Rounded {
        let magnitude = a & L.magnitudeMask
        guard _fastPath(L.isNormal(a & L.codeMask)) else { return squareRootSpecial(L.self, a) }  // positive and normal
        return squareRootFinite(L.self, exponent: Int(truncatingIfNeeded: magnitude &>> UInt64(L.mantissaBits)),
                                significand: (magnitude & L.mantissaMask) | L.implicitBit)
    }

    @inline(always)
    static func squareRootFinite<L: ScalarLayout>(_: L.Type, exponent: Int, significand: UInt64) -> Rounded {
        // value = significand × 2^k, k = exponent − bias − m; make k even.
        let scale = exponent &- L.bias &- L.mantissaBits
        let odd = scale & 1
        let even = significand &<< UInt64(truncatingIfNeeded: odd)
        let halfShift = (even.leadingZeroBitCount &- 2) &>> 1  // leading bit to 60 or 61
        let radicand = even &<< UInt64(truncatingIfNeeded: 2 &* halfShift)
        let root = FloatFormat.integerSquareRoot(ofExactDouble: radicand)  // leading bit 30
        let sticky: UInt64 = root &* root != radicand ? 1 : 0
        // √value = (root + tail) × 2^((k − odd)/2 − halfShift); root << 32 has its leading bit at 62.
        return roundPack(L.self, sign: 0, exponent: ((scale &- odd) &>> 1) &- halfShift &+ 29 &+ L.bias,
                         significand: root &<< 32 | sticky)
    }

    /// √ of zero, subnormals, infinity, NaN and negative numbers
    /// (``FloatFormat/squareRootSpecial(_:options:)``).
    @inline(never)
    static func squareRootSpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64) -> Rounded {
        let magnitude = a & L.magnitudeMask
        if L.isNaN(magnitude) {
            return Rounded(bits: quieted(L.self, a), flags: isSignaling(L.self, a) ? .invalid : [])
        }
        if magnitude == 0 { return Rounded(bits: a & L.signMask) }  // √±0 = ±0
        if a & L.signMask != 0 { return invalid(L.self) }
        if L.isInfinity(magnitude) { return Rounded(bits: magnitude) }
        let x = unpack(L.self, magnitude)
        return squareRootFinite(L.self, exponent: x.exponent, significand: x.significand)
    }
}
