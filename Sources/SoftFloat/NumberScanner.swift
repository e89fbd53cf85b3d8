/// The lab's one number scanner: reads one literal — `[+-]` then a decimal
/// (`digits[.digits][e[+-]digits]`, `.5` and `7.` included), a hex-float
/// (`0x hexdigits[.hexdigits][p[+-]digits]`), `inf`, `infinity` or `nan`, all case-insensitive —
/// from bytes, without allocating. ``ExactNumber/init(parsing:)`` builds on it (adding the
/// rational `a/b` and surrounding blanks), and `convert`'s fast path reads its result
/// directly, so there is one grammar.
///
///     "-1.50e3"  → decimal, negative, significand digits 150 (3 significant), 2 fraction digits, exponent 3
///     "0x1.8p-3" → hex, significand 0x18, 1 fraction digit, exponent −3
///
/// Exponents saturate at ±10^9, so no input traps or loops: `1e999999999999` scans as
/// 1 × 10^1000000000, beyond every format's range.
public enum NumberScanner {
    /// One scanned literal.
    @frozen
    public struct Literal: Sendable, Hashable {
        public enum Form: Sendable, Hashable { case decimal, hex, infinity, nan }

        public var form: Form
        public var isNegative: Bool
        /// The mantissa bytes (digits and at most one `.`): `start..<end` of the scanned buffer.
        public var mantissaStart: Int
        public var mantissaEnd: Int
        /// Mantissa digits after the leading zeros.
        public var significantDigits: Int
        /// The value of the first significant digits: exact when ``significantDigits`` is at
        /// most ``exactDigitLimit`` (19 decimal, 16 hex).
        public var leadingValue: UInt64
        /// Digits after the point.
        public var fractionDigits: Int
        /// The written exponent (of 10 for decimals, of 2 for hex-floats), saturated at ±10^9.
        public var exponent: Int

        @inlinable
        init(form: Form, isNegative: Bool) {
            self.form = form
            self.isNegative = isNegative
            mantissaStart = 0
            mantissaEnd = 0
            significantDigits = 0
            leadingValue = 0
            fractionDigits = 0
            exponent = 0
        }

        /// Digits that ``leadingValue`` holds exactly: 19 decimal or 16 hex digits.
        @inlinable
        public var exactDigitLimit: Int { form == .hex ? 16 : 19 }
    }

    /// What is wrong with a literal; ``reason`` words it.
    public enum Problem: Error, Sendable, Hashable {
        case noDigits
        case noHexDigits
        /// A byte where the mantissa should end, or where the exponent marker should be.
        case unexpected(UInt8)
        case unexpectedInHexFloat(UInt8)
        case unexpectedInExponent(UInt8)
        case missingExponentDigits

        public var reason: String {
            switch self {
            case .noDigits: return "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"
            case .noHexDigits: return "expected hex digits after '0x'"
            case .unexpected(let byte): return "unexpected character '\(Self.shown(byte))'"
            case .unexpectedInHexFloat(let byte): return "unexpected character '\(Self.shown(byte))' in hex-float"
            case .unexpectedInExponent(let byte): return "unexpected character '\(Self.shown(byte))' in exponent"
            case .missingExponentDigits: return "missing exponent digits"
            }
        }

        /// ASCII letters are shown in lower case (the grammar is case-insensitive).
        static func shown(_ byte: UInt8) -> Character {
            Character(Unicode.Scalar(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte))
        }
    }

    /// The largest exponent magnitude kept; larger ones saturate here.
    public static let exponentLimit = 1_000_000_000

    /// Scans `bytes[start..<end]` as one literal (no blanks, no `/`).
    @inlinable
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(Problem) -> Literal {
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if index < end, bytes[index] | 0x20 == UInt8(ascii: "i") || bytes[index] | 0x20 == UInt8(ascii: "n") {
            if matches(bytes, from: index, to: end, word: "inf") || matches(bytes, from: index, to: end, word: "infinity") {
                return Literal(form: .infinity, isNegative: negative)
            }
            if matches(bytes, from: index, to: end, word: "nan") { return Literal(form: .nan, isNegative: negative) }
        }
        let isHex = end - index >= 2 && bytes[index] == UInt8(ascii: "0") && bytes[index + 1] | 0x20 == UInt8(ascii: "x")
        if isHex { index += 2 }
        var literal = Literal(form: isHex ? .hex : .decimal, isNegative: negative)
        literal.mantissaStart = index
        let radix: UInt64 = isHex ? 16 : 10
        let limit = isHex ? 16 : 19
        var digitCount = 0
        var seenPoint = false
        while index < end {
            let byte = bytes[index]
            let digit = digitValue(byte, hex: isHex)
            if digit < 16 {
                digitCount += 1
                if seenPoint { literal.fractionDigits += 1 }
                if literal.significantDigits > 0 || digit != 0 {
                    literal.significantDigits += 1
                    if literal.significantDigits <= limit {
                        literal.leadingValue = literal.leadingValue &* radix &+ UInt64(digit)
                    }
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        literal.mantissaEnd = index
        guard digitCount > 0 else { throw isHex ? .noHexDigits : .noDigits }
        if index < end {
            let marker = bytes[index] | 0x20
            guard marker == UInt8(ascii: isHex ? "p" : "e") else {
                throw isHex ? .unexpectedInHexFloat(bytes[index]) : .unexpected(bytes[index])
            }
            literal.exponent = try exponent(bytes, from: index + 1, to: end)
        }
        return literal
    }

    /// `[+-]digits`, saturating at ±``exponentLimit``.
    @inlinable
    static func exponent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) throws(Problem) -> Int {
        var index = start
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < end else { throw .missingExponentDigits }
        var value = 0
        while index < end {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { throw .unexpectedInExponent(bytes[index]) }
            value = min(value * 10 + Int(digit), exponentLimit)
            index += 1
        }
        return negative ? -value : value
    }

    /// 0–9 (and a–f, A–F for hex) as their value; 16 for any other byte.
    @inlinable
    static func digitValue(_ byte: UInt8, hex: Bool) -> UInt8 {
        let decimal = byte &- UInt8(ascii: "0")
        if decimal < 10 { return decimal }
        guard hex else { return 16 }
        let letter = (byte | 0x20) &- UInt8(ascii: "a")
        return letter < 6 ? letter + 10 : 16
    }

    /// Whether `bytes[start..<end]` is `word` (lowercase ASCII), ignoring case.
    @inlinable
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, word: StaticString) -> Bool {
        guard end - start == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where bytes[start + offset] | 0x20 != letters[offset] {
            return false
        }
        return true
    }
}
