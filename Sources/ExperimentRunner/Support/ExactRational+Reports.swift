import LabCommands
import SoftFloat

/// The reports' text side of LabCommands' ``ExactRational``: the spec grammar for exact
/// values and the 6-significant-digit printing used in `Reports/`.
///
///     let third = ExactRational(parsing: "1/3")!
///     let stored = ExactRational(significand: 1365, exponent: -12)    // float16 0x3555
///     (stored - third).significant()                                    // "-8.13802e-05"
///     ((stored - third) / third).significant()                          // "-2.44141e-04"
extension ExactRational {
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
        var text = raw.trimmingSpaces()
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
        let allDigits = whole + fraction
        guard !allDigits.isEmpty,
              allDigits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        let digits = Natural(decimalDigits: allDigits.utf8)
        let scale = exponent - fraction.count
        if scale >= 0 {
            return ExactRational(negative: negative, numerator: digits * Natural.powerOfTen(scale), denominator: Natural(1))
        }
        return ExactRational(negative: negative, numerator: digits, denominator: Natural.powerOfTen(-scale))
    }

    /// The nearest float64 (rounded once, by the engine).
    var double: Double {
        let text = (negative ? "-" : "") + numerator.decimalString + "/" + denominator.decimalString
        return NumberText.double(text) ?? .nan
    }

    /// Six significant digits, scientific: `-8.13802e-05`; `0` when exactly zero.
    ///
    /// The value is first rounded to float64, then to 6 digits: the double rounding can move
    /// the last digit only when the exact value lies within 2^-53 relative of a 6-digit tie.
    /// (`inspect` rounds once, with ``ScientificFormat``; the reports keep this path so that
    /// `Reports/` stays byte-identical.)
    func significant(digits: Int = 6) -> String {
        isZero ? "0" : NumberText.significant(double, digits: digits)
    }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
