import SoftFloat

/// An exact signed rational ±numerator/denominator over SoftFloat's ``Natural``, enough to
/// measure rounding errors exactly (the experiment reports use it; `inspect` keeps powers of
/// two and five symbolic in ``ExactValue`` instead).
///
///     let third = ExactRational(negative: false, numerator: Natural(1), denominator: Natural(3))
///     let stored = ExactRational(significand: 1365, exponent: -12)    // float16 0x3555
///     stored - third                                                   // −1/12288
public struct ExactRational: Sendable, Hashable {
    public var negative: Bool
    public var numerator: Natural
    /// Positive.
    public var denominator: Natural

    public init(negative: Bool, numerator: Natural, denominator: Natural) {
        self.negative = negative && !numerator.isZero
        self.numerator = numerator
        self.denominator = denominator
    }

    /// ±significand × 2^exponent.
    public init(negative: Bool = false, significand: UInt64, exponent: Int) {
        let magnitude = Natural(significand)
        if exponent >= 0 {
            self.init(negative: negative, numerator: magnitude << exponent, denominator: Natural(1))
        } else {
            self.init(negative: negative, numerator: magnitude, denominator: Natural(1) << -exponent)
        }
    }

    /// The exact value of a finite or zero code; nil for infinity and NaN.
    public init?(bits: UInt64, format: FloatFormat) {
        switch format.decode(bits) {
        case .zero(let negative): self.init(negative: negative, significand: 0, exponent: 0)
        case .finite(let negative, let significand, let exponent): self.init(negative: negative, significand: significand, exponent: exponent)
        case .infinity, .nan: return nil
        }
    }

    public var isZero: Bool { numerator.isZero }

    /// |self|.
    public var magnitude: ExactRational {
        ExactRational(negative: false, numerator: numerator, denominator: denominator)
    }

    public static func - (a: ExactRational, b: ExactRational) -> ExactRational {
        a + ExactRational(negative: !b.negative, numerator: b.numerator, denominator: b.denominator)
    }

    public static func + (a: ExactRational, b: ExactRational) -> ExactRational {
        let left = a.numerator * b.denominator
        let right = b.numerator * a.denominator
        let denominator = a.denominator * b.denominator
        if a.negative == b.negative {
            return ExactRational(negative: a.negative, numerator: left + right, denominator: denominator)
        }
        if right < left {
            return ExactRational(negative: a.negative, numerator: left - right, denominator: denominator)
        }
        return ExactRational(negative: b.negative, numerator: right - left, denominator: denominator)
    }

    public static func / (a: ExactRational, b: ExactRational) -> ExactRational {
        precondition(!b.isZero, "division by zero")
        return ExactRational(negative: a.negative != b.negative, numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator)
    }

    /// The value × 2^exponent.
    public func scaled(byPowerOfTwo exponent: Int) -> ExactRational {
        exponent >= 0
            ? ExactRational(negative: negative, numerator: numerator << exponent, denominator: denominator)
            : ExactRational(negative: negative, numerator: numerator, denominator: denominator << -exponent)
    }
}
