import SoftFloat

/// Prints exact rationals in scientific notation with a fixed number of significant digits,
/// correctly rounded (ties to even), like C's `%.5e`.
///
///     ScientificFormat.string(negative: true, numerator: Natural(1), denominator: Natural(12288), exponent: 0)
///     // "-8.13802e-05"   (−1/12288, the float16 error of 1/3)
///
/// Zero prints as `0`.
enum ScientificFormat {
    /// Significant digits printed.
    static let significantDigits = 6

    /// `±numerator / denominator × 2^exponent`, rounded to ``significantDigits`` digits.
    static func string(negative: Bool, numerator: Natural, denominator: Natural, exponent: Int) -> String {
        guard !numerator.isZero else { return "0" }
        let lowest = pow10(significantDigits - 1)  // 100000
        let highest = lowest * 10                  // 1000000
        // The value lies in [2^(width − 2), 2^width), so this estimate of ⌊log10⌋ is off by at most one.
        let width = numerator.bitWidth - denominator.bitWidth + exponent
        var decimalExponent = Int((Double(width - 1) * 0.301029995663981195).rounded(.down))
        while true {
            let scale = significantDigits - 1 - decimalExponent
            var top = exponent >= 0 ? numerator << exponent : numerator
            var bottom = exponent < 0 ? denominator << -exponent : denominator
            if scale >= 0 { top = top * Natural.powerOfTen(scale) } else { bottom = bottom * Natural.powerOfTen(-scale) }
            let (quotient, remainder) = top.quotientAndRemainder(dividingBy: bottom)
            if quotient < lowest { decimalExponent -= 1; continue }
            if quotient >= highest { decimalExponent += 1; continue }
            var digits = quotient
            let twice = remainder << 1
            if bottom < twice || (twice == bottom && digits & 1 == 1) { digits += 1 }
            if digits == highest {
                digits = lowest
                decimalExponent += 1
            }
            return format(negative: negative, digits: digits, decimalExponent: decimalExponent)
        }
    }

    /// `d.ddddde±XX`, with at least two exponent digits.
    static func format(negative: Bool, digits: UInt64, decimalExponent: Int) -> String {
        let text = String(digits)
        let mantissa = text.prefix(1) + "." + text.dropFirst()
        let magnitude = String(abs(decimalExponent))
        let exponentText = (decimalExponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        return (negative ? "-" : "") + mantissa + "e" + exponentText
    }

    private static func pow10(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
