extension FloatFormat {
    /// a + b, correctly rounded once.
    ///
    ///     FloatFormat.float16.add(0x3c00, 0x1400)   // 1 + 2^-10 = 0x3c01, no flags
    ///     FloatFormat.float16.add(0x7bff, 0x7bff)   // 65504 + 65504 → 0x7c00, overflow|inexact
    ///     FloatFormat.float16.add(0x3c00, 0xbc00)   // 1 + (−1) = +0 (−0 under `.down`)
    ///
    /// The exact sum is formed in integers: the operand with the larger exponent is shifted
    /// left onto the other's scale when the gap is at most 74 bits (the sum then fits in
    /// 128 bits exactly); beyond that the smaller operand lies entirely below the larger one's
    /// last bit and only its presence is kept, as a sticky bit (``RoundingCore``'s tail).
    ///
    /// Special values: NaN operands follow ``NaNPropagation``; ∞ − ∞ is the default NaN with
    /// `invalid`; an exact zero sum of nonzero or differently signed operands is +0, or −0
    /// under ``RoundingMode/down`` (fnuz formats have only +0; float8_e8m0fnu gives NaN with
    /// `invalid`, having no zero).
    ///
    /// - Parameters:
    ///   - options: rounding mode, overflow policy and subnormal policy.
    ///   - random: 64 random bits for ``RoundingMode/stochastic``.
    /// - Returns: the code of the rounded sum and the flags raised.
    public func add(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        addSigned(a, b, negateB: false, options: options, random: random)
    }

    /// a − b, correctly rounded once: a + (−b) with the same special cases as ``add(_:_:options:random:)``.
    ///
    ///     FloatFormat.float16.subtract(0x3c00, 0x3c00)   // 1 − 1 = +0x0000
    ///     FloatFormat.float8_e8m0fnu.subtract(0x7f, 0x7f) // 1 − 1: no zero → 0xff, invalid
    public func subtract(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        addSigned(a, b, negateB: true, options: options, random: random)
    }

    /// a × b, correctly rounded once. The product of two significands of at most 53 bits is
    /// exact in 106 bits.
    ///
    ///     FloatFormat.float16.multiply(0x70e2, 0x70e2)   // 10000 × 10000 → 0x7c00, overflow|inexact
    ///     FloatFormat.float32.multiply(0x461c4000, 0x461c4000) // → 0x4cbebc20 = 1e8 exactly
    ///
    /// 0 × ∞ is the default NaN with `invalid`; the sign of a zero or infinite product is the
    /// exclusive or of the operands' signs.
    public func multiply(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        let x = decode(a)
        let y = decode(b)
        let negative = x.isNegative != y.isNegative
        switch (x, y) {
        case (.nan, _), (_, .nan):
            return NaNPropagation.propagate(a, b, format: self)
        case (.infinity, .zero), (.zero, .infinity):
            return NaNPropagation.invalid(format: self)
        case (.infinity, _), (_, .infinity):
            return packInfinity(negative: negative, options: options)
        case (.zero, _), (_, .zero):
            return RoundingCore.packZero(negative: negative, format: self)
        case let (.finite(_, significandA, exponentA), .finite(_, significandB, exponentB)):
            return RoundingCore.roundPack(
                negative: negative, exponent: exponentA + exponentB,
                significand: UInt128(significandA) * UInt128(significandB), sticky: false,
                format: self, options: options, random: random)
        }
    }

    /// a ÷ b, correctly rounded once.
    ///
    ///     FloatFormat.float16.divide(0x3c00, 0x4200)   // 1/3 → 0x3555, inexact
    ///     FloatFormat.float16.divide(0x3c00, 0x0000)   // 1/0 → 0x7c00, divideByZero
    ///
    /// The divisor's significand is normalised to 64 bits and the dividend's to 127, so that
    /// one 128-by-64-bit division yields a quotient of 63 or 64 bits — at least 55 for any
    /// precision ≤ 53 — and the remainder's being nonzero is the sticky bit.
    ///
    /// Special values: 0/0 and ∞/∞ are the default NaN with `invalid`. x/0 for finite nonzero x
    /// is ±∞ with `divideByZero`. A format without infinity gets the stand-in that
    /// ``packInfinity(negative:options:)`` gives every infinity it cannot hold — NaN in fn/fnuz
    /// formats, ±max in finite-only formats or under the saturate policy — flagged
    /// `divideByZero` and, like every such stand-in, `invalid`.
    public func divide(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        let x = decode(a)
        let y = decode(b)
        let negative = x.isNegative != y.isNegative
        switch (x, y) {
        case (.nan, _), (_, .nan):
            return NaNPropagation.propagate(a, b, format: self)
        case (.infinity, .infinity), (.zero, .zero):
            return NaNPropagation.invalid(format: self)
        case (.infinity, _):
            return packInfinity(negative: negative, options: options)
        case (_, .infinity), (.zero, _):
            return RoundingCore.packZero(negative: negative, format: self)
        case (.finite, .zero):
            let infinity = packInfinity(negative: negative, options: options)
            return Rounded(bits: infinity.bits, flags: infinity.flags.union(.divideByZero))
        case let (.finite(_, significandA, exponentA), .finite(_, significandB, exponentB)):
            let divisorShift = significandB.leadingZeroBitCount
            let divisor = significandB << UInt64(divisorShift)
            let dividendShift = 127 - (64 - significandA.leadingZeroBitCount)
            let dividend = UInt128(significandA) << UInt128(dividendShift)
            let (quotient, remainder) = divisor.dividingFullWidth(
                (high: UInt64(truncatingIfNeeded: dividend >> 64), low: UInt64(truncatingIfNeeded: dividend)))
            return RoundingCore.roundPack(
                negative: negative, exponent: exponentA - exponentB - dividendShift + divisorShift,
                significand: UInt128(quotient), sticky: remainder != 0,
                format: self, options: options, random: random)
        }
    }

    func addSigned(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = decode(a)
        let y = decode(b)
        switch (x, y) {
        case (.nan, _), (_, .nan):
            return NaNPropagation.propagate(a, b, format: self)
        case let (.infinity(negativeA), .infinity(negativeB)):
            guard negativeA == (negativeB != negateB) else { return NaNPropagation.invalid(format: self) }
            return packInfinity(negative: negativeA, options: options)
        case let (.infinity(negativeA), _):
            return packInfinity(negative: negativeA, options: options)
        case let (_, .infinity(negativeB)):
            return packInfinity(negative: negativeB != negateB, options: options)
        case let (.zero(negativeA), .zero(negativeB)):
            let negative = negativeA == (negativeB != negateB) ? negativeA : options.rounding == .down
            return RoundingCore.packZero(negative: negative, format: self)
        case let (.zero, .finite(negativeB, significandB, exponentB)):
            return RoundingCore.roundPack(
                negative: negativeB != negateB, exponent: exponentB, significand: UInt128(significandB), sticky: false,
                format: self, options: options, random: random)
        case let (.finite(negativeA, significandA, exponentA), .zero):
            return RoundingCore.roundPack(
                negative: negativeA, exponent: exponentA, significand: UInt128(significandA), sticky: false,
                format: self, options: options, random: random)
        case let (.finite(negativeA, significandA, exponentA), .finite(negativeB, significandB, exponentB)):
            return ExactSum.roundPack(
                ExactSum.Term(negative: negativeA, significand: UInt128(significandA), exponent: exponentA),
                ExactSum.Term(negative: negativeB != negateB, significand: UInt128(significandB), exponent: exponentB),
                format: self, options: options, random: random)
        }
    }
}
