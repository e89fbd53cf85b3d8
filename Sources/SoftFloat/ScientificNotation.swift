/// Prints exact fractions in scientific notation with a fixed number of significant digits,
/// rounded ONCE from the exact value (ties to even), like C's `%.5e` on an exact input. The
/// lab's one significant-digit printer: ``ExactNumber/scientific(digits:)`` and
/// ``RoundingError`` print through it.
///
///     ScientificNotation.string(negative: true, numerator: Natural(1), denominator: Natural(12288), exponent: 0)
///     // "-8.13802e-05"   (−1/12288, the float16 error of 1/3)
///
/// Zero prints as `0`.
enum ScientificNotation {
    /// `±numerator / denominator × 2^exponent × 10^decimalExponent`, rounded to `digits`
    /// significant digits (1…19): `d.dddddde±XX`, at least two exponent digits.
    static func string(negative: Bool, numerator: Natural, denominator: Natural, exponent: Int,
                       decimalExponent extraDecimalExponent: Int = 0, digits: Int = 6) -> String {
        precondition((1...19).contains(digits), "1 to 19 significant digits")
        guard !numerator.isZero else { return "0" }
        let lowest = pow10(digits - 1)  // 100000 for 6 digits
        let highest = lowest * 10       // 1000000
        // The value lies in [2^(width − 2), 2^width), so this estimate of ⌊log10⌋ is off by at most one.
        let width = numerator.bitWidth - denominator.bitWidth + exponent
        var decimalExponent = Int((Double(width - 1) * 0.301029995663981195).rounded(.down))
        let top = exponent >= 0 ? numerator << exponent : numerator
        let bottom = exponent < 0 ? denominator << -exponent : denominator
        while true {
            let scale = digits - 1 - decimalExponent
            let scaledTop = scale >= 0 ? top * Natural.powerOfTen(scale) : top
            let scaledBottom = scale < 0 ? bottom * Natural.powerOfTen(-scale) : bottom
            let (quotient, remainder) = scaledTop.quotientAndRemainder(dividingBy: scaledBottom)
            if quotient < lowest { decimalExponent -= 1; continue }
            if quotient >= highest { decimalExponent += 1; continue }
            var kept = quotient
            let twice = remainder << 1
            if scaledBottom < twice || (twice == scaledBottom && kept & 1 == 1) { kept += 1 }
            if kept == highest {
                kept = lowest
                decimalExponent += 1
            }
            return format(negative: negative, digits: kept, decimalExponent: decimalExponent + extraDecimalExponent)
        }
    }

    /// `d.ddddde±XX`, with at least two exponent digits (`d` alone for one digit).
    static func format(negative: Bool, digits: UInt64, decimalExponent: Int) -> String {
        let text = String(digits)
        let mantissa = text.count > 1 ? text.prefix(1) + "." + text.dropFirst() : text[...]
        let magnitude = String(abs(decimalExponent))
        let exponentText = (decimalExponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
        return (negative ? "-" : "") + mantissa + "e" + exponentText
    }

    private static func pow10(_ exponent: Int) -> UInt64 {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}
