extension FloatFormat {
    /// √a, correctly rounded once.
    ///
    ///     FloatFormat.float16.squareRoot(0x4000)   // √2 → 0x3da8 = 1.4140625, inexact
    ///     FloatFormat.float16.squareRoot(0x4400)   // √4 = 0x4000 exactly
    ///     FloatFormat.float16.squareRoot(0x8000)   // √−0 = −0
    ///
    /// The operand `m × 2^e` is rescaled to an even exponent and a radicand of 125 or 126 bits,
    /// whose integer square root (63 bits, by Newton's iteration in integers) carries at least
    /// 55 significant bits; a nonzero remainder is the sticky bit.
    ///
    /// Special values: √(−0) = −0, √(+∞) = +∞; the square root of any number below zero,
    /// −∞ included, is the default NaN with `invalid`.
    public func squareRoot(_ a: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        switch decode(a) {
        case .nan:
            return NaNPropagation.propagate(a, format: self)
        case .zero(let negative):
            return RoundingCore.packZero(negative: negative, format: self)
        case .infinity(let negative):
            return negative ? NaNPropagation.invalid(format: self) : packInfinity(negative: false, options: options)
        case .finite(let negative, var significand, var exponent):
            if negative { return NaNPropagation.invalid(format: self) }
            if exponent & 1 != 0 {
                significand <<= 1
                exponent -= 1
            }
            let halfShift = (126 - (64 - significand.leadingZeroBitCount)) / 2
            let radicand = UInt128(significand) << UInt128(2 * halfShift)
            let root = Self.integerSquareRoot(radicand)
            let rootSquared = UInt128(root) * UInt128(root)
            return RoundingCore.roundPack(
                negative: false, exponent: exponent / 2 - halfShift, significand: UInt128(root),
                sticky: rootSquared != radicand, format: self, options: options, random: random)
        }
    }

    /// ⌊√n⌋ for 0 < n < 2^126, by Newton's iteration from above in integers.
    ///
    ///     FloatFormat.integerSquareRoot(99)   // 9
    @usableFromInline
    static func integerSquareRoot(_ n: UInt128) -> UInt64 {
        // Start at 2^⌈bits/2⌉ ≥ √n; the iterates then decrease monotonically to ⌊√n⌋.
        let bits = 128 - n.leadingZeroBitCount
        var x = UInt64(1) << UInt64((bits + 1) / 2)
        let high = UInt64(truncatingIfNeeded: n >> 64)
        let low = UInt64(truncatingIfNeeded: n)
        while true {
            // n / x < 2^64 because x ≥ ⌊√n⌋ and n < 2^126.
            let (quotient, _) = x.dividingFullWidth((high: high, low: low))
            let next = (x >> 1) + (quotient >> 1) + (x & quotient & 1)
            if next >= x { return x }
            x = next
        }
    }
}
