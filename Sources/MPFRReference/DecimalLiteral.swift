/// A decimal literal split into sign, digit string and power of ten, so that its exact value
/// is the rational `(−1)^negative × digits × 10^powerOfTen`.
///
///     DecimalLiteral(parsing: "-1.25e3")   // negative, digits "125", powerOfTen 1 (−1250)
///     DecimalLiteral(parsing: ".5")        // digits "5", powerOfTen −1
///     DecimalLiteral(parsing: "0x10")      // nil: not decimal
///
/// Deliberately independent of SoftFloat's number scanner (see ``NumberLiteral``): the oracle
/// reads text with its own code.
struct DecimalLiteral {
    var negative: Bool
    /// The significant digits with the decimal point removed (leading zeros allowed).
    var digits: String
    /// The power of ten scaling `digits`; saturates at ±10^12 for absurd exponents.
    var powerOfTen: Int

    /// Parses `[+-] digits [. digits] [(e|E) [+-] digits]` with at least one mantissa digit.
    init?(parsing text: some StringProtocol) {
        var bytes = Array(text.utf8)[...]
        negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
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
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit)
            guard !exponentDigits.isEmpty else { return nil }
            bytes = bytes.dropFirst(exponentDigits.count)
            for digit in exponentDigits {
                exponent = min(exponent * 10 + Int(digit - 0x30), 1_000_000_000_000)
            }
            if exponentNegative { exponent = -exponent }
        }
        guard bytes.isEmpty else { return nil }
        digits = String(decoding: integerPart + fractionPart, as: UTF8.self)
        powerOfTen = exponent - fractionPart.count
    }

    /// The digits as an integer (sign not applied).
    var integerDigits: GMPInteger { GMPInteger(decimalDigits: digits)! }
}
