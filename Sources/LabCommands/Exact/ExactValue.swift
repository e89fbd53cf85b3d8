import SoftFloat

/// The exact value of an `inspect` input: `±numerator / denominator × 2^exponent2 × 5^exponent5`,
/// or zero, infinity or NaN.
///
/// Powers of two and five stay symbolic until ``rational`` needs them, so that `1e9/1e9` is
/// exactly 1 without expanding 10^9:
///
///     ExactValue(parsing: "1/3")        // 1 / 3
///     ExactValue(parsing: "-1.5e3")     // −15 × 2^2 × 5^2
///     ExactValue(parsing: "0x1.8p-3")   // 24 × 2^-7
///
/// The parser follows SoftFloat's `ExactNumber(parsing:)` grammar; callers check the text
/// with that parser first (for its error messages) and use this one only for accepted text.
struct ExactValue: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case finite, zero, infinity, nan }

    var kind: Kind
    var negative: Bool
    var numerator = Natural(1)
    var denominator = Natural(1)
    var exponent2 = 0
    var exponent5 = 0

    /// Largest |exponent5| expanded into an integer (5^300000 has about 700,000 bits).
    static let maxExpandedPowerOfFive = 300_000
    /// Largest |exponent2| applied as a shift.
    static let maxExpandedPowerOfTwo = 1_500_000

    init(kind: Kind, negative: Bool) {
        self.kind = kind
        self.negative = negative
    }

    /// ±significand × 2^exponent.
    init(negative: Bool, significand: Natural, exponent: Int) {
        self.init(kind: significand.isZero ? .zero : .finite, negative: negative)
        numerator = significand
        exponent2 = exponent
    }

    /// The exact value of a decoded code.
    init(_ decoded: DecodedValue) {
        switch decoded {
        case .zero(let negative): self.init(kind: .zero, negative: negative)
        case .infinity(let negative): self.init(kind: .infinity, negative: negative)
        case .nan(let negative, _): self.init(kind: .nan, negative: negative)
        case .finite(let negative, let significand, let exponent):
            self.init(negative: negative, significand: Natural(significand), exponent: exponent)
        }
    }

    /// The value as `±numerator / denominator × 2^exponent` with the power of five expanded,
    /// or nil when the exponents are too large to expand (beyond about 10^±300000).
    var rational: (negative: Bool, numerator: Natural, denominator: Natural, exponent: Int)? {
        guard kind == .finite,
              abs(exponent5) <= Self.maxExpandedPowerOfFive, abs(exponent2) <= Self.maxExpandedPowerOfTwo
        else { return nil }
        let power = Natural.powerOfFive(abs(exponent5))
        return exponent5 >= 0
            ? (negative, numerator * power, denominator, exponent2)
            : (negative, numerator, denominator * power, exponent2)
    }

    /// Parses decimal, rational, hex-float, `inf`/`infinity` and `nan` text; nil if malformed.
    init?(parsing text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        let whitespace: [UInt8] = [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        while let first = bytes.first, whitespace.contains(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, whitespace.contains(last) { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            guard let top = Self.parseSimple(bytes[..<slash]), let bottom = Self.parseSimple(bytes[(slash + 1)...]),
                  top.kind == .finite || top.kind == .zero, bottom.kind == .finite
            else { return nil }
            let negative = top.negative != bottom.negative
            guard top.kind == .finite else { self.init(kind: .zero, negative: negative); return }
            self.init(kind: .finite, negative: negative)
            numerator = top.numerator
            denominator = bottom.numerator
            exponent2 = top.exponent2 - bottom.exponent2
            exponent5 = top.exponent5 - bottom.exponent5
            return
        }
        guard let value = Self.parseSimple(bytes) else { return nil }
        self = value
    }

    /// `[+-]` then `inf`, `infinity`, `nan`, `0x` hex-float, or decimal.
    private static func parseSimple(_ input: ArraySlice<UInt8>) -> ExactValue? {
        var bytes = input.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        switch String(decoding: bytes, as: UTF8.self) {
        case "inf", "infinity": return ExactValue(kind: .infinity, negative: negative)
        case "nan": return ExactValue(kind: .nan, negative: negative)
        default: break
        }
        let isHex = bytes.starts(with: [UInt8(ascii: "0"), UInt8(ascii: "x")])
        if isHex { bytes = bytes.dropFirst(2) }
        func isDigit(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || (isHex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte))
        }
        let integerPart = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integerPart.count)
        var fractionPart: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionPart = bytes.prefix(while: isDigit)
            bytes = bytes.dropFirst(fractionPart.count)
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { return nil }
        var exponent = 0
        if let marker = bytes.first {
            guard marker == UInt8(ascii: isHex ? "p" : "e") else { return nil }
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            for digit in bytes { exponent = min(exponent * 10 + Int(digit - UInt8(ascii: "0")), 1_000_000_000) }
            if exponentNegative { exponent = -exponent }
        }
        let digits = integerPart + fractionPart
        let significand = isHex ? Natural(hexDigits: digits) : Natural(decimalDigits: digits)
        guard !significand.isZero else { return ExactValue(kind: .zero, negative: negative) }
        var value = ExactValue(kind: .finite, negative: negative)
        value.numerator = significand
        if isHex {
            value.exponent2 = exponent - 4 * fractionPart.count
        } else {
            value.exponent2 = exponent - fractionPart.count
            value.exponent5 = value.exponent2
        }
        return value
    }
}
