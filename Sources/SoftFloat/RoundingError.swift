/// The error of a stored code against the exact value it stands for, as text:
/// `stored − exact`, relative `(stored − exact) / exact`, and in ulps of the stored value
/// `(stored − exact) / ulp(stored)`, each with six significant digits. The lab's one error
/// measure: `inspect` and the rounding reports both print it.
///
///     // 1/3 stored in float16 as 0.333251953125 = 1365 × 2^-12:
///     RoundingError(code: 0x3555, of: .float16, against: try ExactNumber(parsing: "1/3"))
///     // absolute −1/12288 = "-8.13802e-05", relative "-2.44141e-04", ulps "-3.33333e-01"
///
/// Computed exactly in rational arithmetic, then rounded once for printing
/// (``ExactNumber/scientific(digits:)``). `0` means exact. One rule for the special cases: an
/// error is a number when both the stored value and the input are numbers; a stored infinity
/// for a finite input has absolute and relative error `inf`/`-inf` (unbounded) and no ulp
/// error (`n/a`); the same infinity as the input is exact (`0`); every other case — a NaN
/// input, a finite input stored as NaN (an overflow in an `fn` format, 0 into E8M0), another
/// infinity — is `n/a`, never `nan`. Against an exact zero the relative error is `inf` (`0`
/// when the stored value is zero too); inputs beyond about 10^±300000 (too large to expand
/// exactly) give `n/a`.
public struct RoundingError: Sendable, Hashable {
    public var absolute: String
    public var relative: String
    public var ulps: String

    public init(absolute: String, relative: String, ulps: String) {
        self.absolute = absolute
        self.relative = relative
        self.ulps = ulps
    }

    public static let notApplicable = RoundingError(absolute: "n/a", relative: "n/a", ulps: "n/a")
    public static let exact = RoundingError(absolute: "0", relative: "0", ulps: "0")

    /// The error of `code` of `format` against `exact`.
    public init(code: UInt64, of format: FloatFormat, against exact: ExactNumber) {
        let stored = format.decode(code)
        switch exact.kind {
        case .nan:
            self = .notApplicable
            return
        case .infinity:
            if case .infinity(let negative) = stored, negative == exact.isNegative { self = .exact } else { self = .notApplicable }
            return
        case .zero, .finite:
            break
        }
        let storedNegative: Bool
        let storedSignificand: Natural
        let storedExponent: Int
        switch stored {
        case .nan:
            self = .notApplicable
            return
        case .infinity(let negative):
            let relativeNegative = exact.kind == .finite && negative != exact.isNegative
            self.init(absolute: negative ? "-inf" : "inf", relative: relativeNegative ? "-inf" : "inf", ulps: "n/a")
            return
        case .zero(let negative):
            (storedNegative, storedSignificand, storedExponent) = (negative, Natural(), 0)
        case .finite(let negative, let significand, let exponent):
            (storedNegative, storedSignificand, storedExponent) = (negative, Natural(significand), exponent)
        }
        let ulpExponent = format.ulpExponent(code) ?? 0
        func scientific(_ negative: Bool, _ numerator: Natural, over denominator: Natural, exponent: Int) -> String {
            ScientificNotation.string(negative: negative, numerator: numerator, denominator: denominator, exponent: exponent)
        }

        if exact.kind == .zero {
            self.init(absolute: scientific(storedNegative, storedSignificand, over: .one, exponent: storedExponent),
                      relative: storedSignificand.isZero ? "0" : "inf",
                      ulps: scientific(storedNegative, storedSignificand, over: .one, exponent: storedExponent - ulpExponent))
            return
        }
        guard let value = exact.expandedFraction else {
            self = .notApplicable
            return
        }

        // Over the common denominator `value.denominator × 2^common`:
        // stored = storedScaled, exact = exactScaled.
        let common = storedSignificand.isZero ? value.exponent : min(value.exponent, storedExponent)
        let storedScaled = (storedSignificand * value.denominator) << (storedExponent - common)
        let exactScaled = value.numerator << (value.exponent - common)
        let (errorNegative, errorMagnitude) = Self.signedDifference(
            negativeA: storedNegative, a: storedScaled, negativeB: value.negative, b: exactScaled)

        self.init(absolute: scientific(errorNegative, errorMagnitude, over: value.denominator, exponent: common),
                  relative: scientific(errorNegative != value.negative, errorMagnitude, over: exactScaled, exponent: 0),
                  ulps: scientific(errorNegative, errorMagnitude, over: value.denominator, exponent: common - ulpExponent))
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
