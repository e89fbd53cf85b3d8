extension ScalarFastPath {
    /// a ÷ b: ``FloatFormat/divide(_:_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.divide(Float16Layout.self, 0x3c00, 0x4200)   // 1/3 → 0x3555, inexact
    ///
    /// One integer division (see ``divideFinite(_:sign:exponentA:significandA:exponentB:significandB:)``).
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

    /// The quotient of two nonzero finite operands by one integer division.
    ///
    /// Layouts of up to 9 mantissa bits (bfloat16, float8_e5m2, float8_e4m3fn) shift the
    /// dividend's significand A left by 31 − m, to bit 31, and divide in 32 bits: the
    /// quotient q = ⌊A/B⌋ has 31 − m or 32 − m bits (at least 22 where m + 2 decide the
    /// rounding) and needs no remainder. Every rounding boundary of x = A/B, at full precision
    /// or at a subnormal's coarser position (midpoints and representable values), is a multiple
    /// of h = 2^(k − m − 1), k = ⌊log2 x⌋, and so is A; a boundary M that x does not equal is
    /// then |A − M·B|/B ≥ h/B > 2^(k − 2m − 2) ≥ 2^(28 − 3m) ≥ 2 away (k ≥ 30 − m, B < 2^(m+1)),
    /// so q lies on the same side of it as x, and on it when x is: q rounds to x's result with
    /// x's flags. (x never lies on a midpoint at full precision, as with any quotient of two
    /// (m + 1)-bit significands.) An unnormalised dividend (k ≥ 30 − 2m) still leaves
    /// 2^(28 − 4m) ≥ 1 and at least 16 quotient bits, and an unnormalised divisor only a larger
    /// quotient, below 2^32: ``divideSpecial(_:_:_:)`` passes such subnormals as they stand.
    ///
    ///     // bfloat16 1/3: 0x80 << 24 = 2^31, ÷ 0xc0 = 11_184_810 (0xaa_aaaa, 24 bits), exponent
    ///     // 127 − 128 + 127 + 37 − 39 = 124 → 0x3eab (0.333984375), inexact
    ///
    /// float16 (m = 10) keeps the shift by m + 3 in 32 bits (the dividend has at most 2m + 4
    /// bits), float32 in 64: a quotient of m + 3 or m + 4 bits, at least two below the
    /// rounding position, and a nonzero remainder as the sticky bit; the dividend comes
    /// normalised (float32's divisor may not be, which only lengthens the quotient).
    @inline(always)
    static func divideFinite<L: ScalarLayout>(
        _: L.Type, sign: UInt64, exponentA: Int, significandA: UInt64, exponentB: Int, significandB: UInt64
    ) -> Rounded {
        let dividendShift = L.mantissaBits <= 9 ? 31 &- L.mantissaBits : L.mantissaBits &+ 3
        let quotient: UInt64
        if L.mantissaBits <= 9 {
            quotient = UInt64((UInt32(truncatingIfNeeded: significandA) &<< UInt32(dividendShift))
                / UInt32(truncatingIfNeeded: significandB))
        } else if L.mantissaBits <= 14 {
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
    /// (``FloatFormat/multiplyOrDivideSpecial(_:_:dividing:options:random:)``'s table). For
    /// layouts of up to 9 mantissa bits subnormal operands enter the division unnormalised, for
    /// float32 a subnormal divisor (its 64-bit quotient has room). float16 normalises both:
    /// taking its divisor as it stands made LLVM compute both operands' exponents with
    /// conditional moves (+0.06 instructions per division on random encodings).
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
        let x = L.mantissaBits <= 9 ? unpackUnnormalised(L.self, magnitudeA) : unpack(L.self, magnitudeA)
        let y = L.mantissaBits == 10 ? unpack(L.self, magnitudeB) : unpackUnnormalised(L.self, magnitudeB)
        return divideFinite(L.self, sign: sign, exponentA: x.exponent, significandA: x.significand,
                            exponentB: y.exponent, significandB: y.significand)
    }
}
