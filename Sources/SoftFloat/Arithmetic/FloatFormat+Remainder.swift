extension FloatFormat {
    /// The IEEE 754 remainder a − n × b, where n is a ÷ b rounded to the nearest integer, ties
    /// to even. The result is always exact in IEEE formats, and |result| ≤ |b| / 2.
    ///
    ///     FloatFormat.float16.remainder(0x4500, 0x4000)   // 5 rem 2 = 5 − 2×2 = 1 → 0x3c00
    ///     FloatFormat.float16.remainder(0x4700, 0x4000)   // 7 rem 2 = 7 − 4×2 = −1 → 0xbc00
    ///     FloatFormat.float16.remainder(0x4200, 0x4000)   // 3 rem 2 = 3 − 2×2 = −1 (tie, n even)
    ///
    /// The exact value is computed by long division in integers, 64 bits of the exponent gap at
    /// a time, keeping only the remainder and the last quotient bit. It then passes through the
    /// rounding core once, which can only matter for the flush policy (a subnormal remainder is
    /// flushed to zero) and for formats so narrow that |b|/2 has no code.
    ///
    /// Special values: remainder(±∞, b) and remainder(a, ±0) are the default NaN with `invalid`;
    /// remainder(a, ±∞) = a for finite a; a zero result has the sign of a (fnuz: +0;
    /// float8_e8m0fnu: NaN with `invalid`, having no zero).
    public func remainder(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        divisionRemainder(a, b, nearest: true, options: options, random: random)
    }

    /// a − n × b where n is a ÷ b truncated toward zero (C's `fmod`, Swift's
    /// `truncatingRemainder(dividingBy:)`). The result has the sign of a and |result| < |b|.
    ///
    ///     FloatFormat.float16.truncatingRemainder(0x4700, 0x4000)   // 7 fmod 2 = 1 → 0x3c00
    ///
    /// Special values as for ``remainder(_:_:options:random:)``.
    public func truncatingRemainder(_ a: UInt64, _ b: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        divisionRemainder(a, b, nearest: false, options: options, random: random)
    }

    private func divisionRemainder(_ a: UInt64, _ b: UInt64, nearest: Bool, options: RoundingOptions, random: UInt64) -> Rounded {
        let x = decode(a)
        let y = decode(b)
        switch (x, y) {
        case (.nan, _), (_, .nan):
            return NaNPropagation.propagate(a, b, format: self)
        case (.infinity, _), (_, .zero):
            return NaNPropagation.invalid(format: self)
        case (.zero(let negative), _):
            return RoundingCore.packZero(negative: negative, format: self)
        case (.finite(let negative, let significand, let exponent), .infinity):
            return RoundingCore.roundPack(
                negative: negative, exponent: exponent, significand: UInt128(significand), sticky: false,
                format: self, options: options, random: random)
        case let (.finite(negative, significandA, exponentA), .finite(_, significandB, exponentB)):
            // |a| = A·2^ea, |b| = B·2^eb. Work on the scale 2^min(ea, eb).
            var remainder: UInt128
            let divisor: UInt128
            var quotientIsOdd: Bool
            let scale: Int
            if exponentA >= exponentB {
                // A·2^gap mod B, 64 bits of the gap at a time. Each partial quotient is below
                // 2^64, so the last one holds the quotient's lowest bit.
                let modulus = UInt128(significandB)
                var gap = exponentA - exponentB
                var partial = UInt128(significandA)
                (quotientIsOdd, remainder) = (partial / modulus & 1 == 1, partial % modulus)
                while gap > 0 {
                    let step = min(gap, 64)
                    partial = remainder << UInt128(step)
                    (quotientIsOdd, remainder) = (partial / modulus & 1 == 1, partial % modulus)
                    gap -= step
                }
                divisor = modulus
                scale = exponentB
            } else {
                let gap = exponentB - exponentA
                // b is normal here (its exponent exceeds a's, which is at least the subnormal
                // scale), so |b| ≥ 2^(p−1+eb) > 2^(gap−1)·|a|: for gaps ≥ 2, a is the answer.
                if gap > 70 {
                    divisor = UInt128(significandB) << 70
                } else {
                    divisor = UInt128(significandB) << UInt128(gap)
                }
                let quotient = UInt128(significandA) / divisor
                quotientIsOdd = quotient & 1 == 1
                remainder = UInt128(significandA) % divisor
                scale = exponentA
            }
            var resultNegative = negative
            if nearest && (remainder << 1 > divisor || (remainder << 1 == divisor && quotientIsOdd)) {
                remainder = divisor - remainder
                resultNegative.toggle()
            }
            guard remainder != 0 else { return RoundingCore.packZero(negative: negative, format: self) }
            return RoundingCore.roundPack(
                negative: resultNegative, exponent: scale, significand: remainder, sticky: false,
                format: self, options: options, random: random)
        }
    }
}
