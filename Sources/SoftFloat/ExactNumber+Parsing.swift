extension ExactNumber {
    /// Parses decimal (`0.1`, `-1e8`, `.5`, `1E-3`), rational (`1/3`, `-2.5/7`), hex-float
    /// (`0x1.8p-3`, `-0x1p+10`, `0xAp0`), `inf`, `infinity` and `nan` (case-insensitive, with an
    /// optional sign). Surrounding spaces, tabs, carriage returns and newlines are ignored.
    ///
    /// - Throws: ``NumberSyntaxError`` describing what is wrong; never traps, whatever the input
    ///   (huge exponents saturate to values beyond every format's range).
    public init(parsing text: some StringProtocol) throws(NumberSyntaxError) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { throw NumberSyntaxError(text: String(text), reason: "empty input") }
        var bytes = Array(trimmed.utf8)
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            let top = try ExactNumber(parsingUnsignedOrSigned: Array(bytes[..<slash]), whole: String(text))
            let bottom = try ExactNumber(parsingUnsignedOrSigned: Array(bytes[(slash + 1)...]), whole: String(text))
            guard top.kind == .finite || top.kind == .zero, bottom.kind == .finite || bottom.kind == .zero else {
                throw NumberSyntaxError(text: String(text), reason: "a rational needs finite numbers on both sides of '/'")
            }
            guard bottom.kind != .zero else {
                throw NumberSyntaxError(text: String(text), reason: "the denominator of a rational is zero")
            }
            let negative = top.isNegative != bottom.isNegative
            if top.kind == .zero { self.init(kind: .zero, negative: negative); return }
            self.init(kind: .finite, negative: negative,
                      numerator: top.numerator * bottom.denominator,
                      denominator: top.denominator * bottom.numerator,
                      binaryExponent: top.binaryExponent - bottom.binaryExponent,
                      decimalExponent: top.decimalExponent - bottom.decimalExponent)
            return
        }
        bytes = Array(trimmed.utf8)
        self = try ExactNumber(parsingUnsignedOrSigned: bytes, whole: String(text))
    }

    private init(parsingUnsignedOrSigned input: [UInt8], whole: String) throws(NumberSyntaxError) {
        var bytes = input[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let lowered = String(decoding: bytes, as: UTF8.self).lowercased()
        switch lowered {
        case "inf", "infinity": self.init(kind: .infinity, negative: negative); return
        case "nan": self.init(kind: .nan, negative: negative); return
        default: break
        }
        if lowered.hasPrefix("0x") {
            self = try Self.parseHex(Array(lowered.utf8.dropFirst(2)), negative: negative, whole: whole)
        } else {
            self = try Self.parseDecimal(Array(lowered.utf8), negative: negative, whole: whole)
        }
    }

    private static func parseDecimal(_ bytes: [UInt8], negative: Bool, whole: String) throws(NumberSyntaxError) -> ExactNumber {
        var index = 0
        var digits = Natural()
        var digitCount = 0
        var significantDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        var pending: UInt64 = 0
        var pendingCount = 0
        func flush() {
            guard pendingCount > 0 else { return }
            var power: UInt64 = 1
            for _ in 0..<pendingCount { power *= 10 }
            digits.multiply(by: power, adding: pending)
            pending = 0
            pendingCount = 0
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
                if significantDigits > 0 || byte != UInt8(ascii: "0") {
                    significantDigits += 1
                    pending = pending * 10 + UInt64(byte - UInt8(ascii: "0"))
                    pendingCount += 1
                    if pendingCount == 19 { flush() }
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        flush()
        guard digitCount > 0 else {
            throw NumberSyntaxError(text: whole, reason: "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)")
        }
        var exponent = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "e") else {
                throw NumberSyntaxError(text: whole, reason: "unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
            }
            exponent = try parseExponentDigits(bytes[(index + 1)...], whole: whole)
        }
        if digits.isZero { return ExactNumber(kind: .zero, negative: negative) }
        // value = digits × 10^(exponent − fractionDigits), the power of ten kept symbolic.
        return ExactNumber(kind: .finite, negative: negative, numerator: digits,
                           decimalExponent: exponent - fractionDigits)
    }

    private static func parseHex(_ bytes: [UInt8], negative: Bool, whole: String) throws(NumberSyntaxError) -> ExactNumber {
        var index = 0
        var digits = Natural()
        var digitCount = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            let value: UInt64?
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(byte - UInt8(ascii: "a") + 10)
            default: value = nil
            }
            if let value {
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
                if !digits.isZero || value != 0 { digits.multiply(by: 16, adding: value) }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { throw NumberSyntaxError(text: whole, reason: "expected hex digits after '0x'") }
        var exponent = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: "p") else {
                throw NumberSyntaxError(text: whole, reason: "unexpected character '\(Character(Unicode.Scalar(bytes[index])))' in hex-float")
            }
            exponent = try parseExponentDigits(bytes[(index + 1)...], whole: whole)
        }
        if digits.isZero { return ExactNumber(kind: .zero, negative: negative) }
        return ExactNumber(kind: .finite, negative: negative, numerator: digits, binaryExponent: exponent - 4 * fractionDigits)
    }

    /// Parses `[+-]digits`, saturating at ±10^9 so that no later arithmetic can overflow.
    private static func parseExponentDigits(_ bytes: ArraySlice<UInt8>, whole: String) throws(NumberSyntaxError) -> Int {
        var rest = bytes
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { throw NumberSyntaxError(text: whole, reason: "missing exponent digits") }
        var value = 0
        for byte in rest {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                throw NumberSyntaxError(text: whole, reason: "unexpected character '\(Character(Unicode.Scalar(byte)))' in exponent")
            }
            value = min(value * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000_000)
        }
        return negative ? -value : value
    }
}

extension StringProtocol {
    /// The text without leading/trailing spaces, tabs, carriage returns or newlines.
    func trimmingASCIIWhitespace() -> Substring {
        let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n"]
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, whitespace.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, whitespace.contains(last) { scalars = scalars.dropLast() }
        return Substring(scalars)
    }
}
