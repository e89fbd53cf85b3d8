extension FloatFormat {
    /// a × b + c with a single rounding (IEEE 754 fusedMultiplyAdd).
    ///
    ///     // float16: (1 + 3·2^-10)² − 1 = 6·2^-10 + 9·2^-20 → 0x1e02 = 6·2^-10 + 2^-17, inexact.
    ///     // Multiplying first would round the square to 1 + 6·2^-10 and give 0x1e00.
    ///     FloatFormat.float16.fusedMultiplyAdd(0x3c03, 0x3c03, 0xbc00)   // 0x1e02, inexact
    ///
    /// The product is exact in twice the precision; it and the addend are summed by ``ExactSum``
    /// in a 64-bit window (precision ≤ 29) or a 128-bit one (float64's 106-bit products), which
    /// jams whatever falls below the window into a sticky bit, so no wider integers are needed.
    ///
    /// Special values: NaN operands follow ``NaNPropagation`` (0 × ∞ + NaN raises `invalid`
    /// and returns the NaN addend, quieted). 0 × ∞ and ∞ − ∞ give the default NaN with
    /// `invalid`. When the product is zero the sum of zeros follows the addition rule: +0,
    /// or −0 under ``RoundingMode/down``, unless both are −0.
    public func fusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        dispatchFusedMultiplyAdd(a, b, c, options: options, random: random)
    }

    /// ``fusedMultiplyAdd(_:_:_:options:random:)`` by the general engine, whatever the layout.
    @inline(never)
    func engineFusedMultiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        let fastX = unpack(a)
        let fastY = unpack(b)
        let fastZ = unpack(c)
        if !fastX.isSpecial && !fastY.isSpecial && !fastZ.isSpecial {
            let productNegative = fastX.negative != fastY.negative
            let productExponent = fastX.exponent &+ fastY.exponent
            if mantissaBits < 29 {  // products of at most 58 bits: the 64-bit window
                return ExactSum.roundPack(
                    negativeA: productNegative, significandA: fastX.significand &* fastY.significand, exponentA: productExponent,
                    negativeB: fastZ.negative, significandB: fastZ.significand, exponentB: fastZ.exponent,
                    format: self, options: options, random: random)
            }
            return ExactSum.roundPack(
                negativeA: productNegative, significandA: UInt128(fastX.significand) * UInt128(fastY.significand), exponentA: productExponent,
                negativeB: fastZ.negative, significandB: UInt128(fastZ.significand), exponentB: fastZ.exponent,
                format: self, options: options, random: random)
        }
        let x = decode(a)
        let y = decode(b)
        let z = decode(c)
        let productNegative = x.isNegative != y.isNegative
        switch (x, y) {
        case (.nan, _), (_, .nan):
            return NaNPropagation.propagate(a, b, c, format: self)
        case (.infinity, .zero), (.zero, .infinity):
            if case .nan = z {
                let propagated = NaNPropagation.propagate(c, format: self)
                return Rounded(bits: propagated.bits, flags: .invalid)
            }
            return NaNPropagation.invalid(format: self)
        default:
            break
        }
        if case .nan = z { return NaNPropagation.propagate(c, format: self) }
        switch (x, y, z) {
        case (.infinity, _, .infinity(let negativeC)), (_, .infinity, .infinity(let negativeC)):
            guard productNegative == negativeC else { return NaNPropagation.invalid(format: self) }
            return packInfinity(negative: negativeC, options: options)
        case (.infinity, _, _), (_, .infinity, _):
            return packInfinity(negative: productNegative, options: options)
        case (_, _, .infinity(let negativeC)):
            return packInfinity(negative: negativeC, options: options)
        case (.zero, _, .zero(let negativeC)), (_, .zero, .zero(let negativeC)):
            let negative = productNegative == negativeC ? negativeC : options.rounding == .down
            return RoundingCore.packZero(negative: negative, format: self)
        case (.zero, _, .finite(let negativeC, let significandC, let exponentC)),
             (_, .zero, .finite(let negativeC, let significandC, let exponentC)):
            return RoundingCore.roundPack(
                negative: negativeC, exponent: exponentC, significand: UInt128(significandC), sticky: false,
                format: self, options: options, random: random)
        case let (.finite(_, significandA, exponentA), .finite(_, significandB, exponentB), .zero):
            return RoundingCore.roundPack(
                negative: productNegative, exponent: exponentA + exponentB,
                significand: UInt128(significandA) * UInt128(significandB), sticky: false,
                format: self, options: options, random: random)
        case let (.finite(_, significandA, exponentA), .finite(_, significandB, exponentB),
                  .finite(negativeC, significandC, exponentC)):
            return ExactSum.roundPack(
                negativeA: productNegative, significandA: UInt128(significandA) * UInt128(significandB), exponentA: exponentA + exponentB,
                negativeB: negativeC, significandB: UInt128(significandC), exponentB: exponentC,
                format: self, options: options, random: random)
        default:
            preconditionFailure("NaN operands were handled above")
        }
    }
}
