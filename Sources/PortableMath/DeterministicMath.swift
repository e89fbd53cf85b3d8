/// Logarithms built only from IEEE 754 +, −, ×, ÷ (each correctly rounded everywhere), so a
/// plot's pixel coordinates, an SQNR in a report and a random variate are the same bits on
/// every machine. libm's `log` may differ in the last ulp between glibc, musl and Darwin,
/// which could flip a printed digit.
///
///     DeterministicMath.log2(8)           // 3.0 exactly (powers of two are exact)
///     DeterministicMath.log10(1000)       // 2.9999999999999996 — the same on every machine
///     DeterministicMath.naturalLog(0.5)   // -0.6931471805599453
///
/// Method: x = m × 2^e with m in [√½, √2), then ln m = 2·atanh(t), t = (m − 1)/(m + 1),
/// summed as the odd series 2t(1 + t²/3 + … + t²⁶/27) by Horner's rule; |t| ≤ 0.1716 makes the
/// truncation error below 10^-20. The results are within a few ulps of the correctly rounded
/// value (`DeterministicMathTests` holds them to libm), ample for plots and decibels.
public enum DeterministicMath {
    /// Base-2 logarithm of a positive finite number; −∞ for zero, NaN for negatives and NaN.
    public static func log2(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        var exponent = Double(Int(x.exponent))
        var mantissa = x.significand  // in [1, 2), exact
        if mantissa > 1.4142135623730951 {
            mantissa /= 2
            exponent += 1
        }
        if mantissa == 1 { return exponent }
        let t = (mantissa - 1) / (mantissa + 1)
        let t2 = t * t
        var series = 1.0 / 27.0
        for denominator in stride(from: 25.0, through: 1.0, by: -2.0) {
            series = series * t2 + 1.0 / denominator
        }
        let naturalLog = 2 * t * series
        return exponent + naturalLog * 1.4426950408889634  // 1/ln 2
    }

    /// Base-10 logarithm: log2(x) × log10(2).
    ///
    ///     DeterministicMath.log10(100)   // 2.0
    public static func log10(_ x: Double) -> Double {
        log2(x) * 0.30102999566398120
    }

    /// Natural logarithm: log2(x) × ln 2.
    ///
    ///     DeterministicMath.naturalLog(1)   // 0.0
    public static func naturalLog(_ x: Double) -> Double {
        log2(x) * 0.6931471805599453
    }

    /// 2^x from + − × only: x = k + f with k = round(x) and |f| ≤ ½, then
    /// 2^f = e^(f·ln 2) by its Taylor series to the 20th power (Horner's rule; the truncation
    /// error is below 10^-25), scaled by 2^k exactly. Within a few ulps of the correctly
    /// rounded value; 0 below −1075, +∞ above 1024, NaN for NaN.
    ///
    ///     DeterministicMath.exp2(3)      // 8.0 exactly (integers are exact)
    ///     DeterministicMath.exp2(0.5)    // 1.414213562373095 (√2 is …0951: one ulp below)
    ///     DeterministicMath.exp2(-1.5)   // 0.35355339059327373
    public static func exp2(_ x: Double) -> Double {
        guard !x.isNaN else { return x }
        if x > 1024 { return .infinity }
        if x < -1075 { return 0 }
        let k = x.rounded(.toNearestOrEven)
        let y = (x - k) * 0.6931471805599453  // x − k is exact
        var series = 1.0
        for n in stride(from: 20.0, through: 1.0, by: -1.0) {
            series = 1 + series * y / n
        }
        // Scale in two exact steps so that 2^k itself never overflows or underflows early.
        let half = Int(k) / 2
        return series * Double(sign: .plus, exponent: half, significand: 1) * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }

    /// e^x = 2^(x · log2 e).
    ///
    ///     DeterministicMath.exp(1)   // 2.718281828459045
    public static func exp(_ x: Double) -> Double {
        exp2(x * 1.4426950408889634)
    }
}
