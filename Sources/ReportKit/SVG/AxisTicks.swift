import PortableMath

/// Tick generation with labels computed by integer arithmetic, so `0.1 × 3` prints as `0.3`.
///
///     AxisTicks.linear(lower: 0, upper: 5000, targetCount: 6).map(\.label)
///     // ["0", "1000", "2000", "3000", "4000", "5000"]
///     AxisTicks.log10(lowerExponent: -45, upperExponent: 40, targetCount: 10).filter(\.isMajor).map(\.label)
///     // ["10⁻⁴⁰", "10⁻³⁰", …, "10³⁰", "10⁴⁰"]
public enum AxisTicks {
    /// A nice step m × 10^p (m in 1, 2, 5) giving at most about `targetCount` intervals.
    public static func niceStep(span: Double, targetCount: Int) -> (mantissa: Int, power: Int) {
        let raw = span / Double(max(1, targetCount))
        guard raw > 0, raw.isFinite else { return (1, 0) }
        var power = 0
        var unit = 1.0
        while unit > raw { unit /= 10; power -= 1 }
        while unit * 10 <= raw { unit *= 10; power += 1 }
        for mantissa in [1, 2, 5] where Double(mantissa) * unit >= raw { return (mantissa, power) }
        return (1, power + 1)
    }

    /// `step(mantissa, power)` as a Double.
    static func value(_ count: Int, power: Int) -> Double {
        var result = Double(count)
        if power >= 0 { for _ in 0..<power { result *= 10 } } else { for _ in 0..<(-power) { result /= 10 } }
        return result
    }

    /// `count × 10^power` as decimal text: (3, −1) → "0.3", (25, 2) → "2500", (−5, −2) → "-0.05".
    public static func decimalLabel(_ count: Int, power: Int) -> String {
        if count == 0 { return "0" }
        let negative = count < 0
        let digits = String(count.magnitude)
        var text: String
        if power >= 0 {
            text = digits + String(repeating: "0", count: power)
        } else {
            let fractionLength = -power
            let padded = String(repeating: "0", count: max(0, fractionLength + 1 - digits.count)) + digits
            let split = padded.index(padded.endIndex, offsetBy: -fractionLength)
            var fraction = String(padded[split...])
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text = String(padded[..<split]) + (fraction.isEmpty ? "" : "." + fraction)
        }
        return (negative ? "-" : "") + text
    }

    /// Major ticks at multiples of a nice step within [lower, upper].
    public static func linear(lower: Double, upper: Double, targetCount: Int = 6) -> [AxisTick] {
        let (mantissa, power) = niceStep(span: upper - lower, targetCount: targetCount)
        let step = value(mantissa, power: power)
        var index = Int((lower / step).rounded(.up))
        var ticks: [AxisTick] = []
        while true {
            let position = value(index * mantissa, power: power)
            if position > upper + step * 1e-9 || ticks.count > 100 { break }
            ticks.append(AxisTick(position: position, label: decimalLabel(index * mantissa, power: power)))
            index += 1
        }
        return ticks
    }

    /// A nice range containing [lower, upper], widened to whole steps.
    public static func linearRange(lower: Double, upper: Double, targetCount: Int = 6) -> ClosedRange<Double> {
        var low = lower, high = upper
        if low == high { low -= 1; high += 1 }
        let (mantissa, power) = niceStep(span: high - low, targetCount: targetCount)
        let step = value(mantissa, power: power)
        return ((low / step).rounded(.down) * step)...((high / step).rounded(.up) * step)
    }

    /// Ticks on a log axis spanning 10^lowerExponent … 10^upperExponent: labelled decades every
    /// 1, 2, 5, 10, 20 … decades, unlabelled minor ticks at the other decades (or at 2…9 × 10^k
    /// when the axis spans at most 4 decades).
    public static func log10(lowerExponent: Int, upperExponent: Int, targetCount: Int = 10) -> [AxisTick] {
        let span = max(1, upperExponent - lowerExponent)
        var step = 1
        for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500] {
            step = candidate
            if span / candidate <= targetCount { break }
        }
        let plain = lowerExponent >= -4 && upperExponent <= 5
        var ticks: [AxisTick] = []
        for exponent in lowerExponent...upperExponent {
            let isMajor = exponent.isMultiple(of: step)
            // Beyond 20 decades, minor ticks only at multiples of step / 5 (or every decade for small steps).
            if !isMajor && step >= 10 && !exponent.isMultiple(of: step / 5) { continue }
            ticks.append(AxisTick(position: Double(exponent),
                                  label: isMajor ? (plain ? decimalLabel(1, power: exponent) : powerLabel(exponent)) : "",
                                  isMajor: isMajor))
            if span <= 4 && exponent < upperExponent {
                for multiple in 2...9 {
                    ticks.append(AxisTick(position: Double(exponent) + DeterministicMath.log10(Double(multiple)),
                                          label: "", isMajor: false))
                }
            }
        }
        return ticks
    }

    /// "10" followed by the exponent in Unicode superscripts: −45 → "10⁻⁴⁵", 0 → "1".
    public static func powerLabel(_ exponent: Int) -> String {
        if exponent == 0 { return "1" }
        let superscripts: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let digits = String(exponent.magnitude).map { superscripts[Int(String($0))!] }
        return "10" + (exponent < 0 ? "⁻" : "") + String(digits)
    }
}
