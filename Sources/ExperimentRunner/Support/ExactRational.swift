import SoftFloat

/// An exact signed rational ±numerator/denominator, enough to measure rounding errors
/// exactly and print them rounded once.
///
///     let third = ExactRational(parsing: "1/3")!
///     let stored = ExactRational(significand: 1365, exponent: -12)    // float16 0x3555
///     (stored - third).significant()                                    // "-8.13802e-05"
///     ((stored - third) / third).significant()                          // "-2.44141e-04"
struct ExactRational: Sendable, Hashable {
    var negative: Bool
    var numerator: ExactInteger
    /// Positive.
    var denominator: ExactInteger

    init(negative: Bool, numerator: ExactInteger, denominator: ExactInteger) {
        self.negative = negative && !numerator.isZero
        self.numerator = numerator
        self.denominator = denominator
    }

    /// ±significand × 2^exponent.
    init(negative: Bool = false, significand: UInt64, exponent: Int) {
        let magnitude = ExactInteger(significand)
        if exponent >= 0 {
            self.init(negative: negative, numerator: magnitude << exponent, denominator: ExactInteger(1))
        } else {
            self.init(negative: negative, numerator: magnitude, denominator: ExactInteger(1) << -exponent)
        }
    }

    /// The exact value of a finite or zero code; nil for infinity and NaN.
    init?(bits: UInt64, format: FloatFormat) {
        switch format.decode(bits) {
        case .zero(let negative): self.init(negative: negative, significand: 0, exponent: 0)
        case .finite(let negative, let significand, let exponent): self.init(negative: negative, significand: significand, exponent: exponent)
        case .infinity, .nan: return nil
        }
    }

    /// Parses `[-]decimal` or `[-]decimal/decimal`, where a decimal is `digits[.digits][e±digits]`.
    init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        guard let top = Self.decimal(parts[0]) else { return nil }
        if parts.count == 1 { self = top; return }
        guard let bottom = Self.decimal(parts[1]), !bottom.numerator.isZero else { return nil }
        self.init(negative: top.negative != bottom.negative,
                  numerator: top.numerator * bottom.denominator, denominator: top.denominator * bottom.numerator)
    }

    private static func decimal(_ raw: Substring) -> ExactRational? {
        var text = raw.trimmingCharacters()
        var negative = false
        if text.hasPrefix("-") || text.hasPrefix("+") {
            negative = text.hasPrefix("-")
            text.removeFirst()
        }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let value = Int(text[text.index(after: marker)...]), abs(value) < 100_000 else { return nil }
            exponent = value
            text = String(text[..<marker])
        }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2 else { return nil }
        let whole = String(pieces[0]), fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard !(whole + fraction).isEmpty, let digits = ExactInteger(decimal: whole + fraction) else { return nil }
        let scale = exponent - fraction.count
        if scale >= 0 {
            return ExactRational(negative: negative, numerator: digits * ExactInteger.powerOfTen(scale), denominator: ExactInteger(1))
        }
        return ExactRational(negative: negative, numerator: digits, denominator: ExactInteger.powerOfTen(-scale))
    }

    var isZero: Bool { numerator.isZero }

    static func - (a: ExactRational, b: ExactRational) -> ExactRational {
        a + ExactRational(negative: !b.negative, numerator: b.numerator, denominator: b.denominator)
    }

    static func + (a: ExactRational, b: ExactRational) -> ExactRational {
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

    static func / (a: ExactRational, b: ExactRational) -> ExactRational {
        precondition(!b.isZero, "division by zero")
        return ExactRational(negative: a.negative != b.negative, numerator: a.numerator * b.denominator, denominator: a.denominator * b.numerator)
    }

    /// The value × 2^exponent.
    func scaled(byPowerOfTwo exponent: Int) -> ExactRational {
        exponent >= 0
            ? ExactRational(negative: negative, numerator: numerator << exponent, denominator: denominator)
            : ExactRational(negative: negative, numerator: numerator, denominator: denominator << -exponent)
    }

    /// The nearest float64 (rounded once, by the engine).
    var double: Double {
        let text = (negative ? "-" : "") + numerator.decimal + "/" + denominator.decimal
        return NumberText.double(text) ?? .nan
    }

    /// Six significant digits, scientific: `-8.13802e-05`; `0` when exactly zero.
    ///
    /// The value is first rounded to float64, then to 6 digits: the double rounding can move
    /// the last digit only when the exact value lies within 2^-53 relative of a 6-digit tie.
    func significant(digits: Int = 6) -> String {
        isZero ? "0" : NumberText.significant(double, digits: digits)
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
