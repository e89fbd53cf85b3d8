extension FloatFormat {
    /// The code of −x (NaN stays NaN; fnuz zero stays +0; unsigned formats return x).
    public func negate(_ bits: UInt64) -> UInt64 {
        guard isSigned, !isNaN(bits) else { return bits }
        if nonFinite == .nanNegativeZero && bits & magnitudeMask == 0 { return 0 }
        return bits ^ signMask
    }

    /// The code of |x| (NaN stays NaN, as in ``negate(_:)``; unsigned formats return x).
    ///
    ///     FloatFormat.float16.absoluteValue(0xc000)   // 0x4000: |−2| = 2
    ///     FloatFormat.float16.absoluteValue(0x8000)   // 0x0000: |−0| = +0
    public func absoluteValue(_ bits: UInt64) -> UInt64 {
        guard isSigned, !isNaN(bits) else { return bits }
        return bits & ~signMask & codeMask
    }

    /// The least value greater than x (IEEE 754 nextUp).
    ///
    ///     FloatFormat.float16.nextUp(0x3c00)  // 0x3c01 = 1 + 2^-10
    ///     FloatFormat.float16.nextUp(0x8001)  // 0x8000 = −0
    ///     FloatFormat.float16.nextUp(0x7bff)  // 0x7c00 = +inf
    ///
    /// NaN and +inf return themselves. Above the largest finite value a format without
    /// infinity returns its NaN, or the largest value itself when it has no NaN either.
    public func nextUp(_ bits: UInt64) -> UInt64 {
        let code = bits & codeMask
        if isNaN(code) { return code }
        let magnitude = code & magnitudeMask
        let negative = code & signMask != 0
        if let infinity = infinityBits, magnitude == infinity {
            return negative ? signMask | maxFiniteBits : code
        }
        if !negative || (hasZero && magnitude == 0) {
            if magnitude == 0 && hasZero { return 1 }
            if magnitude == maxFiniteBits { return infinityBits ?? nanBits ?? code }
            return code + 1
        }
        if hasZero && magnitude == 1 { return hasNegativeZero ? signMask : 0 }
        return code - 1
    }

    /// The greatest value less than x (IEEE 754 nextDown): −nextUp(−x).
    ///
    /// Below the smallest code of the unsigned float8_e8m0fnu (2^-127) it returns NaN.
    public func nextDown(_ bits: UInt64) -> UInt64 {
        let code = bits & codeMask
        if isNaN(code) { return code }
        if !isSigned {
            return code == 0 ? nanBits! : code - 1
        }
        if nonFinite == .nanNegativeZero && code & magnitudeMask == 0 {
            return signMask | 1  // below +0 is the smallest negative subnormal
        }
        return negate(nextUp(negate(code)))
    }

    /// The unit in the last place of a finite code, as the exponent k of 2^k.
    ///
    ///     FloatFormat.float16.ulpExponent(0x3c00)  // -10: ulp(1) = 2^-10
    ///     FloatFormat.float16.ulpExponent(0x0001)  // -24: subnormal spacing
    ///
    /// Returns nil for infinity and NaN.
    public func ulpExponent(_ bits: UInt64) -> Int? {
        switch classify(bits) {
        case .nan, .infinity: return nil
        case .zero, .subnormal: return minNormalExponent - mantissaBits
        case .normal:
            let biased = Int(fields(of: bits).biasedExponent)
            return biased - bias - mantissaBits
        }
    }
}
