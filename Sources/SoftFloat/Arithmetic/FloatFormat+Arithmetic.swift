extension FloatFormat {
    /// a + b, correctly rounded once.
    ///
    ///     FloatFormat.float16.add(0x3c00, 0x1400)   // 1 + 2^-10 = 0x3c01, no flags
    ///     FloatFormat.float16.add(0x7bff, 0x7bff)   // 65504 + 65504 → 0x7c00, overflow|inexact
    ///     FloatFormat.float16.add(0x3c00, 0xbc00)   // 1 + (−1) = +0 (−0 under `.down`)
    ///
    /// The exact sum is formed in a 64-bit integer window (``ExactSum``): the larger operand's
    /// leading bit goes to bit 61 and the other is aligned to it; whatever of the smaller one
    /// falls below bit 0 survives only as a sticky bit (``RoundingCore``'s tail), which cannot
    /// change the rounding because at least 60 bits remain above it.
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
        dispatchAdd(a, b, negateB: false, options: options, random: random)
    }

    /// ``add(_:_:options:random:)`` (or ``subtract(_:_:options:random:)`` when `negateB`) by
    /// the general engine, whatever the layout.
    @inline(never)
    func engineAdd(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        addSigned(a, b, negateB: negateB, options: options, random: random)
    }

    @inline(always)
    func addSigned(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = unpack(a)
        let y = unpack(b)
        guard !x.isSpecial && !y.isSpecial else { return addSpecial(a, b, negateB: negateB, options: options, random: random) }
        // Significands of at most 53 bits: the 64-bit window of ExactSum is exact.
        return ExactSum.roundPack(
            negativeA: x.negative, significandA: x.significand, exponentA: x.exponent,
            negativeB: y.negative != negateB, significandB: y.significand, exponentB: y.exponent,
            format: self, options: options, random: random)
    }

    /// a − b, correctly rounded once: a + (−b) with the same special cases as ``add(_:_:options:random:)``.
    ///
    ///     FloatFormat.float16.subtract(0x3c00, 0x3c00)   // 1 − 1 = +0x0000
    ///     FloatFormat.float8_e8m0fnu.subtract(0x7f, 0x7f) // 1 − 1: no zero → 0xff, invalid
    public func subtract(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        dispatchAdd(a, b, negateB: true, options: options, random: random)
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
        dispatchMultiply(a, b, options: options, random: random)
    }

    /// ``multiply(_:_:options:random:)`` by the general engine, whatever the layout.
    @inline(never)
    func engineMultiply(_ a: UInt64, _ b: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = unpack(a)
        let y = unpack(b)
        guard !x.isSpecial && !y.isSpecial else {
            return multiplyOrDivideSpecial(a, b, dividing: false, options: options, random: random)
        }
        return multiplyFinite(x, y, options: options, random: random)
    }

    /// The product of two finite nonzero operands, rounded once: exact in 64 bits when both
    /// significands are below 2^32, in 128 bits otherwise.
    @inline(always)
    func multiplyFinite(_ x: Operand, _ y: Operand, options: RoundingOptions, random: UInt64) -> Rounded {
        let negative = x.negative != y.negative
        let exponent = x.exponent &+ y.exponent
        if mantissaBits < 32 {  // both significands below 2^32: the product fits in 64 bits
            return RoundingCore.roundPack(
                negative: negative, exponent: exponent, significand: x.significand &* y.significand,
                sticky: false, format: self, options: options, random: random)
        }
        return RoundingCore.roundPack(
            negative: negative, exponent: exponent, significand: UInt128(x.significand) &* UInt128(y.significand),
            sticky: false, format: self, options: options, random: random)
    }

    /// a ÷ b, correctly rounded once.
    ///
    ///     FloatFormat.float16.divide(0x3c00, 0x4200)   // 1/3 → 0x3555, inexact
    ///     FloatFormat.float16.divide(0x3c00, 0x0000)   // 1/0 → 0x7c00, divideByZero
    ///
    /// The quotient of the integer significands carries at least two bits beyond the precision,
    /// and the remainder's being nonzero is the sticky bit (see `divideFinite`).
    ///
    /// Special values: 0/0 and ∞/∞ are the default NaN with `invalid`. x/0 for finite nonzero x
    /// is ±∞ with `divideByZero`. A format without infinity gets the stand-in that
    /// ``packInfinity(negative:options:)`` gives every infinity it cannot hold — NaN in fn/fnuz
    /// formats, ±max in finite-only formats or under the saturate policy — flagged
    /// `divideByZero` and, like every such stand-in, `invalid`.
    public func divide(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        dispatchDivide(a, b, options: options, random: random)
    }

    /// ``divide(_:_:options:random:)`` by the general engine, whatever the layout.
    @inline(never)
    func engineDivide(_ a: UInt64, _ b: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = unpack(a)
        let y = unpack(b)
        guard !x.isSpecial && !y.isSpecial else {
            return multiplyOrDivideSpecial(a, b, dividing: true, options: options, random: random)
        }
        return divideFinite(x, y, options: options, random: random)
    }

    /// Products and quotients with a zero, infinite or NaN operand: one table for both.
    ///
    /// NaN operands follow ``NaNPropagation``. Otherwise the sign is the exclusive or of the
    /// operands' signs, and a quotient is the product with the divisor's class inverted
    /// (x ÷ 0 acts as x × ∞, x ÷ ∞ as x × 0):
    ///
    ///     a × b      b = 0      finite     ∞            a ÷ b      b = 0      finite     ∞
    ///     a = 0      ±0         ±0         NaN          a = 0      NaN        ±0         ±0
    ///     finite     ±0         —          ±∞           finite     ±∞ (÷0)    —          ±0
    ///     ∞          NaN        ±∞         ±∞           ∞          ±∞         ±∞         NaN
    ///
    /// NaN here is the default NaN with `invalid` (0 × ∞, 0 ÷ 0, ∞ ÷ ∞); ±∞ is
    /// ``packInfinity(negative:options:)``'s (a stand-in with `invalid` where the format has no
    /// infinity), and a finite nonzero x ÷ 0 also raises `divideByZero`.
    func multiplyOrDivideSpecial(_ a: UInt64, _ b: UInt64, dividing: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = decode(a)
        let y = decode(b)
        let negative = x.isNegative != y.isNegative
        // Classes: 0 zero, 1 finite nonzero, 2 infinity; the divisor's is inverted.
        var classA = 1, classB = 1
        switch x {
        case .nan: return NaNPropagation.propagate(a, b, format: self)
        case .zero: classA = 0
        case .infinity: classA = 2
        case .finite: break
        }
        switch y {
        case .nan: return NaNPropagation.propagate(a, b, format: self)
        case .zero: classB = dividing ? 2 : 0
        case .infinity: classB = dividing ? 0 : 2
        case .finite: break
        }
        switch (classA, classB) {
        case (0, 2), (2, 0):
            return NaNPropagation.invalid(format: self)
        case (2, _), (_, 2):
            let infinity = packInfinity(negative: negative, options: options)
            guard dividing, classA == 1 else { return infinity }
            return Rounded(bits: infinity.bits, flags: infinity.flags.union(.divideByZero))
        case (0, _), (_, 0):
            return RoundingCore.packZero(negative: negative, format: self)
        default:
            // Both finite and nonzero (unpack sends only zeros, infinities and NaNs here).
            guard case let .finite(negativeA, significandA, exponentA) = x,
                  case let .finite(negativeB, significandB, exponentB) = y else { preconditionFailure() }
            let operandA = Operand(negative: negativeA, significand: significandA, exponent: exponentA, isSpecial: false)
            let operandB = Operand(negative: negativeB, significand: significandB, exponent: exponentB, isSpecial: false)
            return dividing ? divideFinite(operandA, operandB, options: options, random: random)
                            : multiplyFinite(operandA, operandB, options: options, random: random)
        }
    }

    /// The quotient of two finite nonzero operands, rounded once.
    ///
    /// Precision ≤ 30: the dividend's significand is shifted so that one 64-bit division by
    /// the divisor's leaves a quotient of p + 2 or p + 3 bits (float32: 26 or 27).
    /// Wider formats normalise the divisor to 64 bits and the dividend to 127, so that one
    /// 128-by-64-bit division yields 63 or 64 quotient bits. Either way the quotient carries at
    /// least two bits beyond the precision, and a nonzero remainder is the sticky bit.
    @inline(always)
    func divideFinite(_ x: Operand, _ y: Operand, options: RoundingOptions, random: UInt64) -> Rounded {
        let negative = x.negative != y.negative
        if mantissaBits < 30 {
            // Shift the dividend so that the quotient has exactly p + 2 or p + 3 bits: with
            // leading bits at lx and ly, x·2^s / y ≥ 2^(lx + s − ly − 1) = 2^(p + 1) for
            // s = ly − lx + p + 2. The dividend's top bit, ly + p + 2 ≤ 2p + 1, stays below 62.
            // (A short quotient also keeps the hardware divider, whose latency grows with the
            // quotient's length on some CPUs, quick.)
            let precision = mantissaBits &+ 1
            let dividendShift = x.significand.leadingZeroBitCount &- y.significand.leadingZeroBitCount &+ precision &+ 2
            let (quotient, remainder) = (x.significand &<< UInt64(truncatingIfNeeded: dividendShift))
                .quotientAndRemainder(dividingBy: y.significand)
            return RoundingCore.roundPack(
                negative: negative, exponent: x.exponent &- y.exponent &- dividendShift,
                significand: quotient, sticky: remainder != 0, format: self, options: options, random: random)
        }
        let divisorShift = y.significand.leadingZeroBitCount
        let divisor = y.significand << UInt64(divisorShift)
        let dividendShift = 127 &- (64 &- x.significand.leadingZeroBitCount)
        let dividend = UInt128(x.significand) << UInt128(dividendShift)
        let (quotient, remainder) = divisor.dividingFullWidth(
            (high: UInt64(truncatingIfNeeded: dividend >> 64), low: UInt64(truncatingIfNeeded: dividend)))
        return RoundingCore.roundPack(
            negative: negative, exponent: x.exponent &- y.exponent &- dividendShift &+ divisorShift,
            significand: quotient, sticky: remainder != 0, format: self, options: options, random: random)
    }

    /// Sums with a zero, infinite or NaN operand.
    func addSpecial(_ a: UInt64, _ b: UInt64, negateB: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
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
                negativeA: negativeA, significandA: significandA, exponentA: exponentA,
                negativeB: negativeB != negateB, significandB: significandB, exponentB: exponentB,
                format: self, options: options, random: random)
        }
    }
}
