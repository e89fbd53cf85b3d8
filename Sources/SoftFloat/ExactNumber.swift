/// An exact real number: ±numerator / denominator × 2^binaryExponent × 10^decimalExponent,
/// or a special value. The lab's one exact-number type: text input (decimal, rational,
/// hex-float) parses into it, codes decode into it, it rounds ONCE to any format (never
/// through Double), and it prints with a fixed number of significant digits
/// (``scientific(digits:)``). The power of ten stays symbolic until rounding, so
/// `1e7000/1e6999` is exactly 10 although neither side fits any format.
///
///     try ExactNumber(parsing: "0.1")      // 1 × 10^-1
///     try ExactNumber(parsing: "1/3")      // 1 / 3
///     try ExactNumber(parsing: "0x1.8p-3") // 24 × 2^-7 = 3 × 2^-4 = 0.1875
///     ExactNumber(FloatFormat.float16.decode(0x3555))   // 1365 × 2^-12 = 0.333251953125
public struct ExactNumber: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case finite, zero, infinity, nan }

    public let kind: Kind
    public let isNegative: Bool
    /// Zero for zero, infinity and NaN.
    public let numerator: Natural
    /// Positive.
    public let denominator: Natural
    public let binaryExponent: Int
    public let decimalExponent: Int

    init(kind: Kind, negative: Bool, numerator: Natural = Natural(), denominator: Natural = Natural.one,
         binaryExponent: Int = 0, decimalExponent: Int = 0) {
        self.kind = kind
        self.isNegative = negative
        self.numerator = numerator
        self.denominator = denominator
        self.binaryExponent = binaryExponent
        self.decimalExponent = decimalExponent
    }

    /// ±numerator / denominator × 2^binaryExponent × 10^decimalExponent: zero when the
    /// numerator is zero (the sign is kept), else finite.
    ///
    ///     ExactNumber(negative: false, numerator: Natural(1), decimalExponent: -3)   // 0.001
    ///
    /// - Precondition: `denominator` is not zero.
    public init(negative: Bool, numerator: Natural, denominator: Natural = Natural.one,
                binaryExponent: Int = 0, decimalExponent: Int = 0) {
        precondition(!denominator.isZero, "ExactNumber with a zero denominator")
        if numerator.isZero {
            self.init(kind: .zero, negative: negative)
        } else {
            self.init(kind: .finite, negative: negative, numerator: numerator, denominator: denominator,
                      binaryExponent: binaryExponent, decimalExponent: decimalExponent)
        }
    }

    /// Values beyond 10^±6000 are outside every format (binary exponents stay within about
    /// ±18,500, i.e. ±5,600 decimal digits), so they round like a stand-in far beyond the range.
    static let decimalMagnitudeLimit = 6_000

    /// The exact value of a binary number: ±significand × 2^exponent.
    public init(negative: Bool, significand: UInt128, exponent: Int) {
        self.init(kind: significand == 0 ? .zero : .finite, negative: negative,
                  numerator: Natural(wide: significand), binaryExponent: exponent)
    }

    /// The exact value of an integer.
    public init(_ integer: Int64) {
        self.init(negative: integer < 0, significand: UInt128(integer.magnitude), exponent: 0)
    }

    /// The exact value a code stands for (``FloatFormat/decode(_:)``), NaN and infinities included.
    ///
    ///     ExactNumber(FloatFormat.float16.decode(0x3555))   // 1365 × 2^-12
    public init(_ decoded: DecodedValue) {
        switch decoded {
        case .zero(let negative): self.init(kind: .zero, negative: negative)
        case .infinity(let negative): self.init(kind: .infinity, negative: negative)
        case .nan(let negative, _): self.init(kind: .nan, negative: negative)
        case .finite(let negative, let significand, let exponent):
            self.init(negative: negative, significand: UInt128(significand), exponent: exponent)
        }
    }

    /// The exact value of a float64.
    public init(_ value: Double) {
        self.init(FloatFormat.float64.decode(value.bitPattern))
    }

    /// Whether the value is finite (zero included), not an infinity or NaN.
    public var isFinite: Bool { kind == .finite || kind == .zero }

    /// Largest |decimalExponent| that ``expandedFraction`` expands (5^300000 has about
    /// 700,000 bits).
    static let maxExpandedPowerOfFive = 300_000
    /// Largest |binary exponent| ``expandedFraction`` returns (applied later as a shift).
    static let maxExpandedPowerOfTwo = 1_500_000

    /// A finite nonzero value as `±numerator / denominator × 2^exponent`, the power of ten
    /// expanded (10^t = 5^t × 2^t); nil for zero, infinity, NaN and for exponents too large to
    /// expand (beyond about 10^±300000).
    ///
    ///     try ExactNumber(parsing: "-1.5e3").expandedFraction   // (true, 15 × 25, 1, 2)
    public var expandedFraction: (negative: Bool, numerator: Natural, denominator: Natural, exponent: Int)? {
        let exponent = binaryExponent + decimalExponent
        guard kind == .finite, abs(decimalExponent) <= Self.maxExpandedPowerOfFive,
              abs(exponent) <= Self.maxExpandedPowerOfTwo
        else { return nil }
        guard decimalExponent != 0 else { return (isNegative, numerator, denominator, exponent) }
        let power = Natural.powerOfFive(abs(decimalExponent))
        return decimalExponent > 0
            ? (isNegative, numerator * power, denominator, exponent)
            : (isNegative, numerator, denominator * power, exponent)
    }

    /// Rounds the number to `format`, once.
    ///
    /// - Parameter random: 64 random bits for ``RoundingMode/stochastic``.
    public func rounded(to format: FloatFormat, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        switch kind {
        case .zero: return RoundingCore.packZero(negative: isNegative, format: format)
        case .infinity: return format.packInfinity(negative: isNegative, options: options)
        case .nan: return NaNPropagation.converted(negative: isNegative, payload: 0, signaling: false, to: format)
        case .finite: break
        }
        let (significand, exponent, sticky) = scaledSignificand()
        return RoundingCore.roundPack(
            negative: isNegative, exponent: exponent, significand: significand, sticky: sticky,
            format: format, options: options, random: random)
    }

    /// The value as an integer significand of at most ~120 bits, an exponent and a sticky bit:
    /// enough for any format of at most 53 bits of precision to round correctly.
    func scaledSignificand() -> (UInt128, Int, Bool) {
        var numerator = numerator
        var denominator = denominator
        var binaryExponent = binaryExponent
        if decimalExponent != 0 {
            // log10 of the magnitude, to within a few units: t + (bits of num − bits of den + b)·log10 2.
            let bitSpan = numerator.bitWidth - denominator.bitWidth + binaryExponent
            let magnitude = decimalExponent + bitSpan * 30103 / 100_000
            if magnitude > Self.decimalMagnitudeLimit { return (1, 4 * Self.decimalMagnitudeLimit, false) }
            if magnitude < -Self.decimalMagnitudeLimit { return (3, -4 * Self.decimalMagnitudeLimit, false) }
            // 10^t = 5^t × 2^t: the power of five joins the numerator or the denominator.
            if decimalExponent > 0 {
                numerator.multiply(byPowerOfFive: decimalExponent)
            } else {
                denominator.multiply(byPowerOfFive: -decimalExponent)
            }
            binaryExponent += decimalExponent
        }
        if denominator == Natural.one {
            let excess = max(0, numerator.bitWidth - 120)
            let (shifted, lost) = numerator.shiftedRight(by: excess)
            return (shifted.low128, binaryExponent + excess, lost)
        }
        // Scale so that the quotient has 66 or 67 bits, then divide.
        let scale = numerator.bitWidth - denominator.bitWidth - 66
        let dividend = scale < 0 ? numerator << -scale : numerator
        let divisor = scale > 0 ? denominator << scale : denominator
        let (quotient, exact) = dividend.divided(by: divisor, quotientBits: 68)
        return (quotient, binaryExponent + scale, !exact)
    }
}
