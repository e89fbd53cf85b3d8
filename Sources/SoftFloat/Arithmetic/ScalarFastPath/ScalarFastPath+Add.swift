extension ScalarFastPath {
    /// a + b: ``FloatFormat/add(_:_:options:random:)`` with the standard options, for a
    /// static layout.
    ///
    ///     ScalarFastPath.add(Float16Layout.self, 0x3c00, 0x1400)   // 1 + 2^-10 = 0x3c01
    ///
    /// The operands are ordered by magnitude (codes order like their magnitudes), the smaller
    /// significand is aligned to the larger one's exponent with a jammed sticky bit, and the
    /// sum or difference is normalised with one leading-zero count before rounding. With the
    /// larger significand's leading bit at 61, at least 37 bits lie below float32's rounding
    /// position, so the jam never changes the rounding (as in ``ExactSum``).
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
        guard _fastPath(L.areNormal(magnitudeA, magnitudeB)) else {
            return negateB ? subtractSpecial(L.self, a, b) : addSpecial(L.self, a, b)
        }
        let signA = a & L.signMask
        let signB = (b & L.signMask) ^ (negateB ? L.signMask : 0)
        let aIsBig = magnitudeA >= magnitudeB
        let big = aIsBig ? magnitudeA : magnitudeB
        let small = aIsBig ? magnitudeB : magnitudeA
        return addOrdered(
            L.self, sign: aIsBig ? signA : signB, subtract: signA != signB,
            exponentBig: Int(truncatingIfNeeded: big &>> UInt64(L.mantissaBits)), significandBig: (big & L.mantissaMask) | L.implicitBit,
            exponentSmall: Int(truncatingIfNeeded: small &>> UInt64(L.mantissaBits)), significandSmall: (small & L.mantissaMask) | L.implicitBit)
    }

    /// The sum of two nonzero finite magnitudes, the first at least the second, rounded; `sign`
    /// is the larger one's.
    @inline(always)
    static func addOrdered<L: ScalarLayout>(
        _: L.Type, sign: UInt64, subtract: Bool,
        exponentBig: Int, significandBig: UInt64, exponentSmall: Int, significandSmall: UInt64
    ) -> Rounded {
        let toTop = UInt64(61 &- L.mantissaBits)
        let big = significandBig &<< toTop
        let small = shiftRightJam(significandSmall &<< toTop, exponentBig &- exponentSmall)
        let sum: UInt64
        if subtract {
            sum = big &- small
            if sum == 0 { return Rounded(bits: 0) }  // x − x = +0 under nearest-even
        } else {
            sum = big &+ small
        }
        let shift = sum.leadingZeroBitCount &- 1
        return roundPack(L.self, sign: sign, exponent: exponentBig &- shift,
                         significand: sum &<< UInt64(truncatingIfNeeded: shift))
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
        return addOrdered(
            L.self, sign: aIsBig ? signA : signB, subtract: signA != signB,
            exponentBig: big.exponent, significandBig: big.significand,
            exponentSmall: small.exponent, significandSmall: small.significand)
    }
}
