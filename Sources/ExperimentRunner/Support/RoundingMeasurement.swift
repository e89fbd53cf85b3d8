import LabCommands
import SoftFloat

/// The error of a stored code against the exact value it came from, computed exactly in
/// rationals and printed with 6 significant digits:
///
///     // 1/3 in float16 (nearest-even) = 0x3555 = 1365 × 2^-12 = 0.333251953125
///     RoundingMeasurement(bits: 0x3555, format: .float16, exact: ExactRational(parsing: "1/3")!)
///     // absolute "-8.13802e-05", relative "-2.44141e-04", ulps "-3.33333e-01"
///
/// `absolute` = stored − exact, `relative` = (stored − exact)/|exact|, `ulps` = (stored − exact)
/// / ulp(stored). An infinite stored value gives `inf`/`-inf` and ulps `n/a`; NaN gives `nan`.
struct RoundingMeasurement: Sendable, Hashable {
    var absolute: String
    var relative: String
    var ulps: String
    /// |relative| as a float64 (∞ for overflow, NaN for NaN), for plots and summaries.
    var relativeMagnitude: Double

    init(bits: UInt64, format: FloatFormat, exact: ExactRational) {
        guard let stored = ExactRational(bits: bits, format: format) else {
            if case .infinity(let negative) = format.decode(bits) {
                absolute = negative ? "-inf" : "inf"
                relative = absolute
                ulps = "n/a"
                relativeMagnitude = .infinity
            } else {
                absolute = "nan"; relative = "nan"; ulps = "nan"
                relativeMagnitude = .nan
            }
            return
        }
        let error = stored - exact
        absolute = error.significant()
        if exact.isZero {
            relative = error.isZero ? "0" : "n/a"
            relativeMagnitude = error.isZero ? 0 : .infinity
        } else {
            let ratio = error / exact.magnitude
            relative = ratio.significant()
            relativeMagnitude = abs(ratio.double)
        }
        let ulpExponent = format.ulpExponent(bits) ?? 0
        ulps = error.scaled(byPowerOfTwo: -ulpExponent).significant()
    }
}
