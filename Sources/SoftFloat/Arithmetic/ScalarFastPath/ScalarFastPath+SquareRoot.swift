extension ScalarFastPath {
    /// √a: ``FloatFormat/squareRoot(_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.squareRoot(Float16Layout.self, 0x4000)   // √2 → 0x3da8, inexact
    ///
    /// The sign first (below zero only −0 and NaN are not invalid). The significand is shifted
    /// left by 60 − m or 61 − m, whichever leaves an even power of two: a radicand
    /// of 61–62 bits with at most 25 significant ones whatever the layout (one shift by a
    /// constant plus the exponent's parity, no leading-zero count), so `Double` holds it
    /// exactly and ``FloatFormat/integerSquareRoot(ofExactDouble:)`` gives its 31-bit integer
    /// root; a nonzero remainder is the sticky bit.
    @inline(never)
    static func squareRoot<L: ScalarLayout>(_: L.Type, _ a: UInt64) -> Rounded {
        let magnitude = a & L.magnitudeMask
        guard _fastPath(L.isNormal(a & L.codeMask)) else { return squareRootSpecial(L.self, a) }  // positive and normal
        return squareRootFinite(L.self, exponent: Int(truncatingIfNeeded: magnitude &>> UInt64(L.mantissaBits)),
                                significand: (magnitude & L.mantissaMask) | L.implicitBit)
    }

    @inline(always)
    static func squareRootFinite<L: ScalarLayout>(_: L.Type, exponent: Int, significand: UInt64) -> Rounded {
        // value = significand × 2^k, k = exponent − bias − m. The significand's leading bit (at
        // m) goes to 60 + p, p the parity of exponent + bias, which makes k − shift even (bias
        // and −bias have the same parity); then √value = root × 2^((k − shift)/2) and
        // (k − shift)/2 + bias + 29, the exponent for root << 32 (leading bit 62), reduces to
        // (exponent + bias)/2 − 1, rounded down:
        //     float16 1.0: exponent 15, 15 + 15 = 30, p = 0, shift 50, radicand 2^60, root 2^30,
        //     exponent 30/2 − 1 = 14 (biased 15) → 0x3c00
        let twice = exponent &+ L.bias
        let radicand = significand &<< UInt64(truncatingIfNeeded: (60 &- L.mantissaBits) &+ (twice & 1))
        let root = FloatFormat.integerSquareRoot(ofExactDouble: radicand)  // leading bit 30
        let sticky: UInt64 = root &* root != radicand ? 1 : 0
        return roundPack(L.self, sign: 0, exponent: (twice &>> 1) &- 1, significand: root &<< 32 | sticky)
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
