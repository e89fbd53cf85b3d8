import Foundation
import SoftFloat

/// Number ↔ text for reports, entirely through the SoftFloat engine (never the C library),
/// so every machine prints and parses the same digits. Exact values print through
/// ``ExactNumber/scientific(digits:)`` directly; this is the float64 side.
///
///     NumberText.shortest(0.1)               // "0.1"      (shortest round-trip, Python repr style)
///     NumberText.shortest(1e8)               // "100000000.0"
///     NumberText.significant(-8.138020833e-05)  // "-8.13802e-05" (6 significant digits, ties to even)
///     NumberText.double("1/3")               // 0.3333333333333333 (correctly rounded)
public enum NumberText {
    /// The shortest decimal that rounds back to `value` (float64), e.g. `65504.0`, `1e-05`, `inf`.
    public static func shortest(_ value: Double) -> String {
        FloatFormat.float64.shortestDecimal(value.bitPattern)
    }

    /// The exact decimal expansion of a float64.
    public static func exact(_ value: Double) -> String {
        FloatFormat.float64.exactDecimal(value.bitPattern)
    }

    /// Parses decimal, rational or hex-float text to the nearest float64; nil for text that
    /// is not a number (`n/a`, empty). `inf` and `nan` parse.
    public static func double(_ text: String) -> Double? {
        guard let number = try? ExactNumber(parsing: text) else { return nil }
        return Double(bitPattern: number.rounded(to: .float64).bits)
    }

    /// The float64 nearest to 10^exponent, rounded once from the exact power:
    /// `powerOfTen(-5)` is `1e-05`, `powerOfTen(400)` is `inf`.
    public static func powerOfTen(_ exponent: Int) -> Double {
        let power = ExactNumber(negative: false, numerator: .one, decimalExponent: exponent)
        return Double(bitPattern: power.rounded(to: .float64).bits)
    }

    /// `value` rounded to `digits` significant decimal digits (ties to even, once, from the
    /// exact binary value) in scientific notation: `d.ddddde±XX`. Zero prints `0`.
    public static func significant(_ value: Double, digits: Int = 6) -> String {
        guard value.isFinite else { return shortest(value) }
        return ExactNumber(value).scientific(digits: digits)
    }

    /// `value` with `digits` significant digits for prose: positional for 10^-4 ≤ |x| < 10^6,
    /// scientific otherwise, trailing zeros dropped.
    ///
    ///     NumberText.general(4895.414813518524)       // "4895.41"
    ///     NumberText.general(2.9802322387695312e-08)  // "2.98023e-08"
    ///     NumberText.general(65504, digits: 4)        // "65500" — note: rounds
    public static func general(_ value: Double, digits: Int = 6) -> String {
        guard value.isFinite else { return shortest(value) }
        if value == 0 { return "0" }
        let scientific = significant(value.magnitude, digits: digits)
        let sign = value < 0 ? "-" : ""
        let parts = scientific.split(separator: "e")
        let exponent = Int(parts[1])!
        var mantissaDigits = parts[0].replacingOccurrences(of: ".", with: "")
        if exponent < -4 || exponent >= 6 {
            var mantissa = String(parts[0])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            return sign + mantissa + "e" + parts[1]
        }
        if exponent >= 0 {
            if mantissaDigits.count <= exponent + 1 {
                return sign + mantissaDigits + String(repeating: "0", count: exponent + 1 - mantissaDigits.count)
            }
            let split = mantissaDigits.index(mantissaDigits.startIndex, offsetBy: exponent + 1)
            var fraction = String(mantissaDigits[split...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return sign + String(mantissaDigits[..<split]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        mantissaDigits = String(repeating: "0", count: -exponent - 1) + mantissaDigits
        while mantissaDigits.hasSuffix("0") { mantissaDigits.removeLast() }
        return sign + "0." + mantissaDigits
    }

    /// A code's value for tables: the exact decimal expansion when it has at most 17
    /// significant digits (448, 99614720, 0.333251953125), else the shortest decimal that
    /// round-trips in the format. (The shortest alone can mislead in narrow formats:
    /// float8_e4m3fn's 448 prints as "450.0", which also rounds back to 448.)
    public static func value(_ bits: UInt64, in format: FloatFormat) -> String {
        let exact = format.exactDecimal(bits)
        let significantDigits = exact.filter(\.isNumber).drop { $0 == "0" }.count
        return significantDigits <= 17 ? exact : format.shortestDecimal(bits)
    }

    /// An exact quotient `numerator / denominator` with a denominator of the form 2^a·5^b,
    /// as a terminating decimal: (7_000_000_000 × 4, 1_000_000_000) → "28", (35, 10) → "3.5".
    public static func terminatingQuotient(_ numerator: Int, _ denominator: Int) -> String {
        precondition(denominator > 0)
        let negative = numerator < 0
        var remainder = numerator.magnitude % UInt(denominator)
        var text = String(numerator.magnitude / UInt(denominator))
        if remainder != 0 {
            text += "."
            var guardCount = 0
            while remainder != 0 && guardCount < 40 {
                remainder *= 10
                text += String(remainder / UInt(denominator))
                remainder %= UInt(denominator)
                guardCount += 1
            }
        }
        return (negative ? "-" : "") + text
    }
}
