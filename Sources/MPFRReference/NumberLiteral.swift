import CMPFR

/// A parsed number literal, ready to be rounded once (or taken exactly) by MPFR.
///
/// - `"1/3"`, `"-2.5/7e2"`: a ``rational`` of two exact integers; rounding divides them with
///   one correctly rounded `mpfr_div`.
/// - `"0.1"`, `"-1e8"`, `"0x1.8p-3"`, `"0b1.1"`, `"inf"`: a ``single`` literal for
///   `mpfr_strtofr`, which rounds correctly at any precision with no exponent limit.
/// - `"nan"`, `"-nan"`: ``nan``.
///
/// This parser (with ``DecimalLiteral``) is the oracle's own, on purpose: it must not share
/// SoftFloat's number scanner (`ExactNumber(parsing:)`), or a scanning bug would produce the
/// same wrong value on both sides of every text-rounding test and go unseen. Keep the two apart.
enum NumberLiteral {
    case nan(negative: Bool)
    case single(String)
    /// `(−1)^negative × numerator / denominator`, both magnitudes, denominator nonzero.
    case rational(negative: Bool, numerator: GMPInteger, denominator: GMPInteger)

    /// The largest decimal exponent expanded into an integer (10^1000000 has 3.3 million bits).
    static let maxExpandedPowerOfTen = 1_000_000

    /// Parses decimal, hexadecimal (`0x…p…`), binary (`0b…`), rational (`a/b` of two decimal
    /// literals), `inf`/`infinity` and `nan` text, ignoring surrounding whitespace.
    static func parse(_ text: String) throws(MPFRTextError) -> NumberLiteral {
        let trimmed = String(Substring(text).trimmingWhitespace)
        if trimmed.contains("/") {
            let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2,
                  let top = DecimalLiteral(parsing: parts[0].trimmingWhitespace),
                  let bottom = DecimalLiteral(parsing: parts[1].trimmingWhitespace)
            else { throw .unparsable(text) }
            let limit = maxExpandedPowerOfTen
            guard abs(top.powerOfTen) <= limit, abs(bottom.powerOfTen) <= limit,
                  abs(top.powerOfTen - bottom.powerOfTen) <= limit
            else { throw .exponentOutOfRange(text) }
            let denominatorDigits = bottom.integerDigits
            guard !denominatorDigits.isZero else { throw .zeroDenominator(text) }
            let scale = top.powerOfTen - bottom.powerOfTen
            let numerator = top.integerDigits.multiplied(by: .power(10, max(scale, 0)))
            let denominator = denominatorDigits.multiplied(by: .power(10, max(-scale, 0)))
            return .rational(negative: top.negative != bottom.negative, numerator: numerator, denominator: denominator)
        }
        // Let MPFR judge single literals, and insist that it consumes every character.
        let probe = MPFRValue(precision: 2)
        let consumedAll = trimmed.withCString { start -> Bool in
            var end: UnsafeMutablePointer<CChar>? = nil
            _ = mpfr_strtofr(probe.pointer, start, &end, 0, MPFR_RNDN)
            guard let end else { return false }
            return end != UnsafeMutablePointer(mutating: start) && end.pointee == 0
        }
        guard consumedAll, !trimmed.isEmpty else { throw .unparsable(text) }
        if probe.isNaN { return .nan(negative: trimmed.hasPrefix("-")) }
        return .single(trimmed)
    }

    /// Rounds the literal into `rop` (at `rop`'s precision) in direction `rnd`, once, and
    /// returns MPFR's ternary value: 0 exact, > 0 rounded up, < 0 rounded down.
    func round(into rop: mpfr_ptr, _ rnd: mpfr_rnd_t) -> Int32 {
        switch self {
        case .nan(let negative):
            mpfr_set_nan(rop)
            if negative { mpfr_setsign(rop, rop, 1, MPFR_RNDN) }
            return 0
        case .single(let text):
            return text.withCString { mpfr_strtofr(rop, $0, nil, 0, rnd) }
        case .rational(let negative, let numerator, let denominator):
            // Both operands exact, so the quotient is rounded exactly once. The sign goes on the
            // numerator before dividing, so directed modes see the true sign (and −0/5 = −0).
            let top = MPFRValue(integer: numerator, negative: negative)
            let bottom = MPFRValue(integer: denominator, negative: false)
            return withExtendedLifetime((top, bottom)) { mpfr_div(rop, top.pointer, bottom.pointer, rnd) }
        }
    }

    /// The exact value, or an error when it is not a dyadic rational (`0.1`, `1/3`).
    func exactValue(text: String) throws(MPFRTextError) -> MPFRValue {
        switch self {
        case .nan:
            let value = MPFRValue(precision: 1)
            _ = round(into: value.pointer, MPFR_RNDN)
            return value
        case .rational(let negative, let numerator, let denominator):
            return try Self.exactQuotient(negative: negative, numerator: numerator, denominator: denominator, text: text)
        case .single(let literal):
            let unsigned = literal.drop { $0 == "+" || $0 == "-" }.lowercased()
            if !unsigned.hasPrefix("0x") && !unsigned.hasPrefix("0b"), let decimal = DecimalLiteral(parsing: literal) {
                guard abs(decimal.powerOfTen) <= Self.maxExpandedPowerOfTen else { throw .exponentOutOfRange(text) }
                let scale = decimal.powerOfTen
                return try Self.exactQuotient(
                    negative: decimal.negative,
                    numerator: decimal.integerDigits.multiplied(by: .power(10, max(scale, 0))),
                    denominator: .power(10, max(-scale, 0)), text: text)
            }
            // Hex, binary and infinity: every written digit carries at most 4 bits, so this
            // precision holds the value exactly unless the exponent leaves MPFR's range.
            let wide = MPFRValue(precision: 4 * literal.utf8.count + 8)
            guard round(into: wide.pointer, MPFR_RNDN) == 0, mpfr_number_p(wide.pointer) != 0 || wide.isInfinite
            else { throw .notExactlyRepresentable(text) }
            let needed = mpfr_regular_p(wide.pointer) != 0 ? Int(mpfr_min_prec(wide.pointer)) : 1
            return MPFRValue(wide, precision: needed)
        }
    }

    /// `(−1)^negative × numerator / denominator` exactly, if the reduced denominator is a power of two.
    static func exactQuotient(
        negative: Bool, numerator: GMPInteger, denominator: GMPInteger, text: String
    ) throws(MPFRTextError) -> MPFRValue {
        let divisor = numerator.greatestCommonDivisor(denominator)
        let reducedDenominator = numerator.isZero ? GMPInteger(1) : denominator.dividedExactly(by: divisor)
        guard reducedDenominator.nonzeroBitCount == 1 else { throw .notExactlyRepresentable(text) }
        let reducedNumerator = numerator.isZero ? numerator : numerator.dividedExactly(by: divisor)
        // Move the numerator's trailing zero bits into the exponent for the smallest precision.
        let zeros = reducedNumerator.trailingZeroBitCount
        let value = MPFRValue(integer: reducedNumerator.shiftedRight(zeros), negative: negative)
        mpfr_mul_2si(value.pointer, value.pointer, zeros - reducedDenominator.trailingZeroBitCount, MPFR_RNDN)
        return value
    }
}

extension Substring {
    /// The substring without leading and trailing whitespace.
    fileprivate var trimmingWhitespace: Substring {
        let start = drop(while: \.isWhitespace)
        var end = start.endIndex
        while end > start.startIndex, start[start.index(before: end)].isWhitespace { end = start.index(before: end) }
        return start[start.startIndex..<end]
    }
}
