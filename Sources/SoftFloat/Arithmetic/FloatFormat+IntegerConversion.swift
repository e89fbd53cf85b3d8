extension FloatFormat {
    /// Converts a code to `Int64`, rounding a fractional value in the given mode (IEEE 754
    /// convertToIntegerExact… when `exact`, else convertToInteger…).
    ///
    ///     FloatFormat.float16.convertToInt64(0x3e00)                          // (2, .inexact): 1.5, ties to even
    ///     FloatFormat.float16.convertToInt64(0x3e00, rounding: .towardZero)   // (1, .inexact)
    ///     FloatFormat.float32.convertToInt64(0x5f000000)                      // 2^63 → (Int64.max, .invalid)
    ///
    /// - Parameters:
    ///   - rounding: how a fraction is resolved (``RoundingMode/stochastic`` reads `random`).
    ///   - exact: raise `inexact` when a fraction was rounded away.
    /// - Returns: the integer and flags. NaN gives 0 with `invalid`; a value outside
    ///   −2^63 … 2^63 − 1 after rounding, ±∞ included, saturates to `Int64.min` / `Int64.max`
    ///   with `invalid` only (as Rust's `as` and ARM's FCVTZS saturate).
    public func convertToInt64(_ a: UInt64, rounding: RoundingMode = .nearestEven, exact: Bool = true, random: UInt64 = 0) -> (value: Int64, flags: FloatFlags) {
        switch decode(a) {
        case .nan:
            return (0, .invalid)
        case .infinity(let negative):
            return (negative ? .min : .max, .invalid)
        case .zero:
            return (0, [])
        case .finite(let negative, let significand, let exponent):
            let magnitude: UInt128
            var flags: FloatFlags = []
            if exponent >= 0 {
                guard exponent < 64 else { return (negative ? .min : .max, .invalid) }
                magnitude = UInt128(significand) << UInt128(exponent)
            } else {
                let inexact: Bool
                (magnitude, inexact) = RoundingCore.roundSignificand(
                    UInt128(significand), sticky: false, shift: -exponent,
                    negative: negative, mode: rounding, random: random)
                if exact && inexact { flags = .inexact }
            }
            let limit = negative ? UInt128(1) << 63 : (UInt128(1) << 63) - 1
            guard magnitude <= limit else { return (negative ? .min : .max, .invalid) }
            let value = negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude)
            return (value, flags)
        }
    }

    /// Converts an `Int64` to this format, rounding once in integer arithmetic.
    ///
    ///     FloatFormat.float16.convert(fromInt64: 65519)   // 0x7bff = 65504, inexact
    ///     FloatFormat.bfloat16.convert(fromInt64: 257)    // 0x4380 = 256, inexact (tie to even)
    ///
    /// Zero becomes +0 (NaN with `invalid` in the zero-less float8_e8m0fnu, as do negatives).
    public func convert(fromInt64 value: Int64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        guard value != 0 else { return RoundingCore.packZero(negative: false, format: self) }
        return RoundingCore.roundPack(
            negative: value < 0, exponent: 0, significand: UInt128(value.magnitude), sticky: false,
            format: self, options: options, random: random)
    }
}
