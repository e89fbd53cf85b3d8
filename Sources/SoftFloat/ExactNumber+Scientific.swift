extension ExactNumber {
    /// The value in scientific notation with `digits` significant digits (1…19), rounded once
    /// from the exact value, ties to even: `d.ddddde±XX`.
    ///
    ///     try ExactNumber(parsing: "-1/12288").scientific()         // "-8.13802e-05"
    ///     try ExactNumber(parsing: "1.953125").scientific()         // "1.95312e+00" (tie → even)
    ///     try ExactNumber(parsing: "1e-400").scientific(digits: 3)  // "1.00e-400"
    ///
    /// Zero prints `0` (either sign), infinities `inf` and `-inf`, NaN `nan`. The power of ten
    /// stays symbolic, so any decimal exponent prints; a binary exponent beyond ±1,500,000
    /// (hex-floats such as `0x1p9999999`) is too large to expand and prints `n/a`.
    public func scientific(digits: Int = 6) -> String {
        switch kind {
        case .zero: return "0"
        case .infinity: return isNegative ? "-inf" : "inf"
        case .nan: return "nan"
        case .finite: break
        }
        guard abs(binaryExponent) <= Self.maxExpandedPowerOfTwo else { return "n/a" }
        return ScientificNotation.string(
            negative: isNegative, numerator: numerator, denominator: denominator, exponent: binaryExponent,
            decimalExponent: decimalExponent, digits: digits)
    }
}
