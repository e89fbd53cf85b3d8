extension FloatFormat {
    /// Rounds to an integral value in the same format (IEEE 754 roundToIntegral…), in any
    /// rounding mode, stochastic included.
    ///
    ///     FloatFormat.float16.roundToIntegral(0x3e00)                                   // 1.5 → 2.0 = 0x4000
    ///     FloatFormat.float16.roundToIntegral(0x3e00, options: .init(rounding: .down))  // 1.5 → 1.0 = 0x3c00
    ///     FloatFormat.float16.roundToIntegral(0xb400, options: .init(rounding: .up))    // −0.25 → −0 = 0x8000
    ///
    /// - Parameters:
    ///   - exact: raise `inexact` when the result differs from the operand (IEEE
    ///     roundToIntegralExact); otherwise no flag is raised for a rounded-away fraction.
    /// - Returns: the integral value. Zero results keep the operand's sign. NaN follows
    ///   ``NaNPropagation``, ±∞ is returned as is. In a format too narrow for the rounded value
    ///   (float6_e2m3fn: 7.5 rounded up is 8 > max 7.5), the core's overflow rule applies.
    public func roundToIntegral(_ a: UInt64, options: RoundingOptions = .standard, exact: Bool = true, random: UInt64 = 0) -> Rounded {
        switch decode(a) {
        case .nan:
            return NaNPropagation.propagate(a, format: self)
        case .infinity, .zero:
            return Rounded(bits: a & codeMask)
        case .finite(let negative, let significand, let exponent):
            guard exponent < 0 else {
                return RoundingCore.roundPack(
                    negative: negative, exponent: exponent, significand: UInt128(significand), sticky: false,
                    format: self, options: options, random: random)
            }
            let (integer, inexact) = RoundingCore.roundSignificand(
                UInt128(significand), sticky: false, shift: -exponent,
                negative: negative, mode: options.rounding, random: random)
            var result = integer == 0
                ? RoundingCore.packZero(negative: negative, format: self)
                : RoundingCore.roundPack(
                    negative: negative, exponent: 0, significand: integer, sticky: false,
                    format: self, options: options, random: random)
            if exact && inexact { result.flags.insert(.inexact) }
            return result
        }
    }
}
