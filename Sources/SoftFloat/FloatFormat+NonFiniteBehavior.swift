extension FloatFormat {
    /// How a format spends its top codes, mirroring LLVM's `fltNonfiniteBehavior` and NaN encodings.
    public enum NonFiniteBehavior: String, Sendable, Hashable, CaseIterable {
        /// IEEE 754: the all-ones exponent holds ±infinity (mantissa 0) and NaNs (mantissa ≠ 0).
        case ieee
        /// `fn` ("finite, NaN"): no infinity; the only NaNs are the all-ones exponent and mantissa
        /// codes (float8_e4m3fn: 0x7f and 0xff). The all-ones exponent otherwise holds finite values.
        case nanAllOnes = "fn"
        /// `fnuz` ("finite, NaN, unsigned zero"): no infinity, no −0; the single NaN is the
        /// negative-zero code 0x80.
        case nanNegativeZero = "fnuz"
        /// No infinity and no NaN: every code is a finite number (float6_e2m3fn, float4_e2m1fn).
        case finiteOnly = "finite"

        /// The suffix of a user-defined name (``FloatFormat/named(_:)``): none, `fn`, `fnuz`, `fo`.
        var nameSuffix: String {
            switch self {
            case .ieee: return ""
            case .nanAllOnes: return "fn"
            case .nanNegativeZero: return "fnuz"
            case .finiteOnly: return "fo"
            }
        }
    }
}
