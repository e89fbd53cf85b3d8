extension ScalarFastPath {
    /// a + b: ``FloatFormat/add(_:_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.add(Float16Layout.self, 0x3c00, 0x1400)   // 1 + 2^-10 = 0x3c01
    ///
    /// The operands are ordered by magnitude (codes order like their magnitudes); one test of
    /// each (the larger at most the largest finite code, the smaller at least the smallest
    /// normal) sends every zero, subnormal, infinite or NaN operand out of line. Operands
    /// m + 3 or more binades apart give the larger one, inexact, at once; closer ones are
    /// added exactly in 64 bits, the larger significand shifted left by the exponent
    /// difference instead of the smaller one right (no bit lost, no sticky bit, no clamp of
    /// the shift for 8-bit exponents), then normalised with one leading-zero count before
    /// rounding (see
    /// ``addAligned(_:sign:subtract:big:exponentBig:significandBig:exponentSmall:significandSmall:)``).
    @inline(never)
    static func add<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        addSigned(L.self, a, b, negateB: false)
    }

    /// a − b: ``FloatFormat/subtract(_:_:options:random:)`` with the standard options.
    @inline(never)
    static func subtract<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        addSigned(L.self, a, b, negateB: true)
    }

    @inline(always)
    static func addSigned<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64, negateB: Bool) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        let aIsBig = magnitudeA >= magnitudeB
        let big = aIsBig ? magnitudeA : magnitudeB
        let small = aIsBig ? magnitudeB : magnitudeA
        // Both normal: small ≤ big, so the two bounds are one test each.
        guard _fastPath(big <= L.maxFiniteBits) else {
            return negateB ? subtractSpecial(L.self, a, b) : addSpecial(L.self, a, b)
        }
        guard _fastPath(small >= L.implicitBit) else {
            return negateB ? subtractSpecial(L.self, a, b) : addSpecial(L.self, a, b)
        }
        let signA = a & L.signMask
        let signB = (b & L.signMask) ^ (negateB ? L.signMask : 0)
        return addAligned(
            L.self, sign: aIsBig ? signA : signB, subtract: signA != signB, big: big,
            exponentBig: Int(truncatingIfNeeded: big &>> UInt64(L.mantissaBits)), significandBig: (big & L.mantissaMask) | L.implicitBit,
            exponentSmall: Int(truncatingIfNeeded: small &>> UInt64(L.mantissaBits)), significandSmall: (small & L.mantissaMask) | L.implicitBit)
    }

    /// The sum of two nonzero finite magnitudes, the first at least the second, rounded; `sign`
    /// is the larger one's, `big` its magnitude code. Significands have their leading bit at
    /// `mantissaBits` (subnormals normalised by ``unpack(_:_:)``, exponent 0 or below).
    ///
    /// As in SoftFloat's `f16_add`, an exponent difference d of m + 3 or more needs no
    /// arithmetic: the smaller operand is then below a quarter of the larger one's ulp, so the
    /// sum rounds to the larger operand, inexact, in either direction (a power of two minus it
    /// is still above the midpoint with its predecessor). Below that the sum
    /// `significandBig << d ± significandSmall` is exact in 2m + 4 bits (float32: 50), its
    /// leading bit lies at `63 − zeros`, and the result's exponent is the smaller operand's
    /// plus that position's distance from `mantissaBits`:
    ///
    ///     // float16 1 + 2^-10: d = 15 − 5 = 10, sum = 0x400 << 10 + 0x400 = 0x10_0400,
    ///     // 43 leading zeros, exponent 5 + 52 − 43 = 14 (biased 15, minus one) → 0x3c01
    @inline(always)
    static func addAligned<L: ScalarLayout>(
        _: L.Type, sign: UInt64, subtract: Bool, big: UInt64,
        exponentBig: Int, significandBig: UInt64, exponentSmall: Int, significandSmall: UInt64
    ) -> Rounded {
        let distance = exponentBig &- exponentSmall
        if distance > L.mantissaBits &+ 2 { return Rounded(bits: sign | big, flags: .inexact) }
        let aligned = significandBig &<< UInt64(truncatingIfNeeded: distance)
        let sum: UInt64
        if subtract {
            sum = aligned &- significandSmall
            if sum == 0 { return Rounded(bits: 0) }  // x − x = +0 under nearest-even
        } else {
            sum = aligned &+ significandSmall
        }
        let zeros = sum.leadingZeroBitCount
        return roundPack(L.self, sign: sign, exponent: exponentSmall &+ (62 &- L.mantissaBits) &- zeros,
                         significand: sum &<< UInt64(truncatingIfNeeded: zeros &- 1))
    }

    /// Sums with a zero, subnormal, infinite or NaN operand (``FloatFormat/addSpecial(_:_:negateB:options:random:)``'s table).
    @inline(never)
    static func addSpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        addSpecialSigned(L.self, a, b, negateB: false)
    }

    /// Differences with a zero, subnormal, infinite or NaN operand.
    @inline(never)
    static func subtractSpecial<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        addSpecialSigned(L.self, a, b, negateB: true)
    }

    @inline(always)
    static func addSpecialSigned<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64, negateB: Bool) -> Rounded {
        let magnitudeA = a & L.magnitudeMask
        let magnitudeB = b & L.magnitudeMask
        if L.isNaN(magnitudeA) || L.isNaN(magnitudeB) { return propagate(L.self, a, b) }
        let signA = a & L.signMask
        let signB = (b & L.signMask) ^ (negateB ? L.signMask : 0)
        if L.isInfinity(magnitudeA) {
            return L.isInfinity(magnitudeB) && signA != signB ? invalid(L.self) : Rounded(bits: signA | magnitudeA)
        }
        if L.isInfinity(magnitudeB) { return Rounded(bits: signB | magnitudeB) }
        if magnitudeB == 0 {
            // x + 0 = x; 0 + 0 keeps a common sign, else +0.
            return Rounded(bits: magnitudeA == 0 && signA != signB ? 0 : signA | magnitudeA)
        }
        if magnitudeA == 0 { return Rounded(bits: signB | magnitudeB) }
        let aIsBig = magnitudeA >= magnitudeB
        let big = unpack(L.self, aIsBig ? magnitudeA : magnitudeB)
        let small = unpack(L.self, aIsBig ? magnitudeB : magnitudeA)
        return addAligned(
            L.self, sign: aIsBig ? signA : signB, subtract: signA != signB, big: aIsBig ? magnitudeA : magnitudeB,
            exponentBig: big.exponent, significandBig: big.significand,
            exponentSmall: small.exponent, significandSmall: small.significand)
    }
}
