extension FloatFormat {
    /// √a, correctly rounded once.
    ///
    ///     FloatFormat.float16.squareRoot(0x4000)   // √2 → 0x3da8 = 1.4140625, inexact
    ///     FloatFormat.float16.squareRoot(0x4400)   // √4 = 0x4000 exactly
    ///     FloatFormat.float16.squareRoot(0x8000)   // √−0 = −0
    ///
    /// The operand `m × 2^e` is rescaled to an even exponent and a radicand of 61–62 bits
    /// (precision ≤ 26) or 125–126 bits (wider formats); its integer square root has 31 or 63
    /// bits, at least two beyond the precision, and a nonzero remainder is the sticky bit. The
    /// integer root is exact: see ``integerSquareRoot(_:)-(UInt64)``.
    ///
    /// Special values: √(−0) = −0, √(+∞) = +∞; the square root of any number below zero,
    /// −∞ included, is the default NaN with `invalid`.
    public func squareRoot(_ a: UInt64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        dispatchSquareRoot(a, options: options, random: random)
    }

    /// ``squareRoot(_:options:random:)`` by the general engine, whatever the layout.
    @inline(never)
    func engineSquareRoot(_ a: UInt64, options: RoundingOptions, random: UInt64) -> Rounded {
        // The sign first: half of all codes are negative, and below zero only NaN and −0 are
        // not invalid, so they never need unpacking. (fnuz formats: the sign-bit code with a
        // zero magnitude is their NaN, so the NaN test comes before the −0 one; in a signed
        // format without zero that code is a negative number, whose square root is invalid.)
        if a & signMask != 0 && !isNaN(a) {
            return a & magnitudeMask == 0 && hasZero ? Rounded(bits: signMask) : NaNPropagation.invalid(format: self)  // √−0 = −0
        }
        let x = unpack(a)
        guard !x.isSpecial && !x.negative else { return squareRootSpecial(a, options: options) }
        // Make the exponent even without a branch (its parity is a coin toss for most data).
        let odd = x.exponent & 1
        let significand = x.significand &<< UInt64(truncatingIfNeeded: odd)
        let exponent = x.exponent &- odd
        if mantissaBits < 26 {
            // Leading bit to 60 or 61 (an even shift keeps the exponent even); significands
            // have at most 27 bits here, so the shift is positive.
            let halfShift = (significand.leadingZeroBitCount &- 2) &>> 1
            let radicand = significand &<< UInt64(truncatingIfNeeded: 2 &* halfShift)
            let root = Self.integerSquareRoot(ofExactDouble: radicand)
            return RoundingCore.roundPack(
                negative: false, exponent: (exponent &>> 1) &- halfShift, significand: root,
                sticky: root &* root != radicand, format: self, options: options, random: random)
        }
        let halfShift = (62 &+ significand.leadingZeroBitCount) &>> 1
        let radicand = UInt128(significand) &<< UInt128(truncatingIfNeeded: 2 &* halfShift)
        let root = Self.integerSquareRoot(radicand)
        return RoundingCore.roundPack(
            negative: false, exponent: (exponent &>> 1) &- halfShift, significand: root,
            sticky: Self.square(root) != radicand, format: self, options: options, random: random)
    }

    /// √ of zero, infinity, NaN and negative numbers.
    func squareRootSpecial(_ a: UInt64, options: RoundingOptions) -> Rounded {
        switch decode(a) {
        case .nan:
            return NaNPropagation.propagate(a, format: self)
        case .zero(let negative):
            return RoundingCore.packZero(negative: negative, format: self)
        case .infinity(let negative):
            return negative ? NaNPropagation.invalid(format: self) : packInfinity(negative: false, options: options)
        case .finite:
            return NaNPropagation.invalid(format: self)  // finite operands reach here only when negative
        }
    }

    /// ⌊√n⌋ for 0 < n < 2^62, exactly.
    ///
    ///     FloatFormat.integerSquareRoot(UInt64(99))   // 9
    ///
    /// The hardware square root of `Double(n)` is only a first guess: it is within one of the
    /// answer (n is rounded to 53 bits, an error below 2^-52 relative, and the root halves
    /// it). The guess is then corrected in integers until r² ≤ n < (r + 1)², which holds
    /// whatever the guess was, so the result never depends on floating-point rounding.
    @usableFromInline @inline(__always)
    static func integerSquareRoot(_ n: UInt64) -> UInt64 {
        // n < 2^62 and its root < 2^31 fit in Int64, whose conversions are single
        // instructions (the UInt64 ones take a four-instruction detour on x86-64).
        var root = UInt64(truncatingIfNeeded: Int64(Double(Int64(truncatingIfNeeded: n)).squareRoot()))
        while root &* root > n { root &-= 1 }  // root < 2^31 + 1: the squares cannot overflow
        while (root &+ 1) &* (root &+ 1) <= n { root &+= 1 }
        return root
    }

    /// ⌊√n⌋ for 0 < n < 2^62 with at most 53 significant bits (so that `Double(n)` is exact):
    /// the radicands of formats up to 26 bits of precision, which have at most 27.
    ///
    ///     FloatFormat.integerSquareRoot(ofExactDouble: 3 << 60)   // 1859775393 = ⌊√3 · 2^30⌋
    ///
    /// One correction suffices. IEEE square root rounds √n correctly to r, and k = ⌊√n⌋ is a
    /// Double, so r ≥ k; and r ≤ √n + 2^-23 (half an ulp below 2^31) < k + 1 + 2^-23, so r
    /// rounded to the nearest integer is k or k + 1 — the latter exactly when its square
    /// exceeds n. That rounding is one addition of 2^52 (r < 2^52: the sum's last bit is worth
    /// 1, and its low 32 bits are the integer), so no range-checked conversion is needed:
    /// `Int64(r)` costs two comparisons and a trap.
    @usableFromInline @inline(__always)
    static func integerSquareRoot(ofExactDouble n: UInt64) -> UInt64 {
        let r = Double(Int64(truncatingIfNeeded: n)).squareRoot()
        let root = (r + 0x1p52).bitPattern & 0xffff_ffff  // ≤ 2^31
        return root &- (root &* root > n ? 1 : 0)  // the square cannot overflow
    }

    /// ⌊√n⌋ for 0 < n < 2^126, exactly.
    ///
    ///     FloatFormat.integerSquareRoot(UInt128(1) << 124 | 1)   // 2^62
    ///
    /// A `Double` guess (relative error about 2^-52, so within 2^12 of the 63-bit answer) is
    /// improved by one Newton step whose correction, (n − g²) / 2g, is itself estimated in
    /// `Double`; the remaining error is a few units at most. The integer correction loop then
    /// establishes r² ≤ n < (r + 1)² exactly, as in the 64-bit version.
    @usableFromInline
    static func integerSquareRoot(_ n: UInt128) -> UInt64 {
        let high = UInt64(truncatingIfNeeded: n &>> 64)
        let low = UInt64(truncatingIfNeeded: n)
        var root = UInt64((Double(high) * 0x1p64 + Double(low)).squareRoot())
        let square = root.multipliedFullWidth(by: root)
        let squareValue = UInt128(square.high) &<< 64 | UInt128(square.low)
        let difference = squareValue > n ? squareValue &- n : n &- squareValue
        let magnitude = Double(UInt64(truncatingIfNeeded: difference &>> 64)) * 0x1p64 + Double(UInt64(truncatingIfNeeded: difference))
        let step = UInt64((magnitude / (2 * Double(root))).rounded())
        root = squareValue > n ? root &- step : root &+ step
        while Self.square(root) > n { root &-= 1 }
        while Self.square(root &+ 1) <= n { root &+= 1 }
        return root
    }

    @inline(__always)
    static func square(_ value: UInt64) -> UInt128 {
        let product = value.multipliedFullWidth(by: value)
        return UInt128(product.high) &<< 64 | UInt128(product.low)
    }
}
