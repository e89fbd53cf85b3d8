import SoftFloat

/// The error of a stored code against the exact value it stands for, as text:
/// `stored − exact`, relative `(stored − exact) / exact`, and in ulps of the stored value
/// `(stored − exact) / ulp(stored)`, each with six significant digits.
///
///     // 1/3 stored in float16 as 0.333251953125 = 1365 × 2^-12:
///     // absolute −1/12288 = "-8.13802e-05", relative "-2.44141e-04", ulps "-3.33333e-01"
///
/// Computed exactly in rational arithmetic, then rounded once for printing. `0` means exact.
/// Special cases: an infinite stored value has error `inf`/`-inf` (and no ulp error, `n/a`);
/// a NaN stored value has error `nan`; against an infinite or NaN input the error is `0` when
/// the stored value is that same infinity and `n/a` otherwise; inputs beyond about 10^±300000
/// (too large to expand exactly) give `n/a`.
public struct RoundingError: Sendable, Hashable {
    public var absolute: String
    public var relative: String
    public var ulps: String

    public init(absolute: String, relative: String, ulps: String) {
        self.absolute = absolute
        self.relative = relative
        self.ulps = ulps
    }

    static let notApplicable = RoundingError(absolute: "n/a", relative: "n/a", ulps: "n/a")
    static let exact = RoundingError(absolute: "0", relative: "0", ulps: "0")

    /// The error of `bits` of `format` against `exact`.
    static func measure(_ bits: UInt64, of format: FloatFormat, against exact: ExactValue) -> RoundingError {
        let stored = format.decode(bits)
        switch exact.kind {
        case .nan:
            return .notApplicable
        case .infinity:
            if case .infinity(let negative) = stored, negative == exact.negative { return .exact }
            return .notApplicable
        case .zero, .finite:
            break
        }
        switch stored {
        case .nan:
            return RoundingError(absolute: "nan", relative: "nan", ulps: "nan")
        case .infinity(let negative):
            let relativeNegative = exact.kind == .finite && negative != exact.negative
            return RoundingError(absolute: negative ? "-inf" : "inf", relative: relativeNegative ? "-inf" : "inf", ulps: "n/a")
        case .zero, .finite:
            break
        }
        let storedValue = ExactValue(stored)
        let storedNegative = storedValue.negative
        let storedSignificand = storedValue.kind == .zero ? Natural() : storedValue.numerator
        let storedExponent = storedValue.exponent2
        let ulpExponent = format.ulpExponent(bits) ?? 0

        if exact.kind == .zero {
            let absolute = ScientificFormat.string(
                negative: storedNegative, numerator: storedSignificand, denominator: Natural(1), exponent: storedExponent)
            let ulps = ScientificFormat.string(
                negative: storedNegative, numerator: storedSignificand, denominator: Natural(1),
                exponent: storedExponent - ulpExponent)
            return RoundingError(absolute: absolute, relative: storedSignificand.isZero ? "0" : "inf", ulps: ulps)
        }
        guard let value = exact.rational else { return .notApplicable }

        // Over the common denominator `value.denominator × 2^common`:
        // stored = storedScaled, exact = exactScaled.
        let common = storedSignificand.isZero ? value.exponent : min(value.exponent, storedExponent)
        let storedScaled = (storedSignificand * value.denominator) << (storedExponent - common)
        let exactScaled = value.numerator << (value.exponent - common)
        let (errorNegative, errorMagnitude) = signedDifference(
            negativeA: storedNegative, a: storedScaled, negativeB: value.negative, b: exactScaled)

        let absolute = ScientificFormat.string(
            negative: errorNegative, numerator: errorMagnitude, denominator: value.denominator, exponent: common)
        let relative = ScientificFormat.string(
            negative: errorNegative != value.negative, numerator: errorMagnitude, denominator: exactScaled, exponent: 0)
        let ulps = ScientificFormat.string(
            negative: errorNegative, numerator: errorMagnitude, denominator: value.denominator, exponent: common - ulpExponent)
        return RoundingError(absolute: absolute, relative: relative, ulps: ulps)
    }

    /// (±a) − (±b) as a sign and a magnitude.
    static func signedDifference(negativeA: Bool, a: Natural, negativeB: Bool, b: Natural) -> (Bool, Natural) {
        if negativeA != negativeB {
            // a − (−b) = a + b, with a's sign (or the opposite of b's when a is zero).
            return (a.isZero ? !negativeB : negativeA, a + b)
        }
        return b < a ? (negativeA, a - b) : (!negativeA, b - a)
    }
}
