import SoftFloat

/// The fast path of `convert` for its common input: a plain decimal with at most 19
/// significant digits and a small exponent (`0.1`, `-1.5e3`, `65504`).
///
/// It reads the line with SoftFloat's one number scanner (``NumberScanner``, so there is no
/// second grammar), then computes, without allocating, exactly the significand, exponent and
/// sticky bit that `ExactNumber(scanned:in:)` followed by `rounded(to:)` would pass to
/// ``RoundingCore/roundPack(negative:exponent:significand:sticky:format:options:random:)``,
/// so results are identical in every rounding mode, stochastic included (a test compares the
/// two on many inputs). Anything else — rationals, hex-floats, `inf`, long or far-out
/// decimals, malformed text — returns nil and takes the general path.
enum DecimalFastPath {
    /// 5^0 … 5^26, the powers whose bit width leaves room for a 66-bit quotient in 128 bits.
    static let powersOfFive: [UInt64] = (0...26).map { count in (0..<count).reduce(UInt64(1)) { value, _ in value * 5 } }

    /// Rounds the decimal in `line` (already stripped of surrounding blanks), or returns nil.
    @inline(__always)
    static func round(
        _ line: UnsafeBufferPointer<UInt8>, to format: FloatFormat, options: RoundingOptions, random: UInt64
    ) -> Rounded? {
        guard let literal = try? NumberScanner.scan(line, from: 0, to: line.count),
              literal.form == .decimal, literal.significantDigits <= literal.exactDigitLimit
        else { return nil }
        let negative = literal.isNegative
        let digits = literal.leadingValue
        if digits == 0 { return RoundingCore.packZero(negative: negative, format: format) }
        let decimalExponent = literal.exponent - literal.fractionDigits
        if decimalExponent >= 0 {
            // ExactNumber: numerator digits × 5^e, binary exponent e; exact below 2^120.
            var significand = UInt128(digits)
            for _ in 0..<decimalExponent {
                let (product, overflow) = significand.multipliedReportingOverflow(by: 5)
                if overflow || product >> 120 != 0 { return nil }
                significand = product
            }
            return RoundingCore.roundPack(
                negative: negative, exponent: decimalExponent, significand: significand, sticky: false,
                format: format, options: options, random: random)
        }
        let fiveCount = -decimalExponent
        guard fiveCount < powersOfFive.count else { return nil }
        // ExactNumber: digits / 5^k × 2^-k, scaled so the quotient has 66–68 bits.
        let denominator = powersOfFive[fiveCount]
        let scale = (64 - digits.leadingZeroBitCount) - (64 - denominator.leadingZeroBitCount) - 66
        let dividend = UInt128(digits) << UInt128(-scale)
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: UInt128(denominator))
        return RoundingCore.roundPack(
            negative: negative, exponent: decimalExponent + scale, significand: quotient, sticky: remainder != 0,
            format: format, options: options, random: random)
    }
}
