import SoftFloat

extension MPFRReference {
    /// The exact decimal expansion of `(−1)^negative × significand × 2^exponent` in plain
    /// positional notation: no exponent, no trailing zeros. Every binary value has one, since
    /// 2^-k = 5^k / 10^k.
    ///
    ///     MPFRReference.exactDecimal(negative: false, significand: 0x555, exponent: -12)
    ///     // "0.333251953125" (float16's 1/3)
    ///     MPFRReference.exactDecimal(negative: true, significand: 1, exponent: -1)    // "-0.5"
    ///     MPFRReference.exactDecimal(negative: false, significand: 2047, exponent: 5) // "65504"
    ///     MPFRReference.exactDecimal(negative: true, significand: 0, exponent: 0)     // "-0"
    public static func exactDecimal(negative: Bool, significand: some BinaryInteger, exponent: Int) -> String {
        exactDecimal(MPFRValue(significand: significand, exponent: exponent, negative: negative))
    }

    /// The exact decimal expansion of a code of `format`; `inf`, `-inf` and `nan` for the
    /// non-finite codes.
    ///
    ///     MPFRReference.exactDecimal(bits: 0x3eaaaaab, format: .float32)   // "0.3333333432674407958984375"
    ///     MPFRReference.exactDecimal(bits: 0x7bff, format: .float16)       // "65504"
    ///     MPFRReference.exactDecimal(bits: 0x7f, format: .float8_e4m3fn)   // "nan"
    public static func exactDecimal(bits: UInt64, format: FloatFormat) -> String {
        exactDecimal(MPFRValue(bits: bits, format: format))
    }

    /// The exact decimal expansion of an MPFR value (see ``MPFRValue/exactDecimal``).
    public static func exactDecimal(_ value: MPFRValue) -> String {
        value.exactDecimal
    }
}
