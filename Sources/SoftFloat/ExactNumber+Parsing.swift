extension ExactNumber {
    /// Parses decimal (`0.1`, `-1e8`, `.5`, `1E-3`), rational (`1/3`, `-2.5/7`), hex-float
    /// (`0x1.8p-3`, `-0x1p+10`, `0xAp0`), `inf`, `infinity` and `nan` (case-insensitive, with an
    /// optional sign). Surrounding spaces, tabs, carriage returns and newlines are ignored.
    ///
    /// - Throws: ``NumberSyntaxError`` describing what is wrong; never traps, whatever the input
    ///   (huge exponents saturate to values beyond every format's range).
    public init(parsing text: some StringProtocol) throws(NumberSyntaxError) {
        let bytes = Array(text.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(NumberSyntaxError) in try ExactNumber(parsing: buffer) }
        }
        self = try parsed.get()
    }

    /// Parses a number written in `bytes` (the grammar of ``init(parsing:)-(StringProtocol)``).
    public init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(NumberSyntaxError) {
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        func failure(_ reason: String) -> NumberSyntaxError {
            NumberSyntaxError(text: String(decoding: bytes, as: UTF8.self), reason: reason)
        }
        guard start < end else { throw failure("empty input") }
        func side(_ from: Int, _ to: Int) throws(NumberSyntaxError) -> ExactNumber {
            do {
                return ExactNumber(scanned: try NumberScanner.scan(bytes, from: from, to: to), in: bytes)
            } catch {
                throw failure(error.reason)
            }
        }
        guard let slash = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) else {
            self = try side(start, end)
            return
        }
        let top = try side(start, slash)
        let bottom = try side(slash + 1, end)
        guard top.isFinite, bottom.isFinite else { throw failure("a rational needs finite numbers on both sides of '/'") }
        guard bottom.kind != .zero else { throw failure("the denominator of a rational is zero") }
        let negative = top.isNegative != bottom.isNegative
        if top.kind == .zero { self.init(kind: .zero, negative: negative); return }
        self.init(kind: .finite, negative: negative,
                  numerator: top.numerator * bottom.denominator,
                  denominator: top.denominator * bottom.numerator,
                  binaryExponent: top.binaryExponent - bottom.binaryExponent,
                  decimalExponent: top.decimalExponent - bottom.decimalExponent)
    }

    /// The exact value of a scanned literal: digits × 10^(exponent − fraction digits) for a
    /// decimal (the power of ten kept symbolic), digits × 2^(exponent − 4 × fraction digits)
    /// for a hex-float.
    public init(scanned literal: NumberScanner.Literal, in bytes: UnsafeBufferPointer<UInt8>) {
        switch literal.form {
        case .infinity: self.init(kind: .infinity, negative: literal.isNegative); return
        case .nan: self.init(kind: .nan, negative: literal.isNegative); return
        case .decimal, .hex: break
        }
        guard literal.significantDigits > 0 else { self.init(kind: .zero, negative: literal.isNegative); return }
        let isHex = literal.form == .hex
        let digits: Natural
        if literal.significantDigits <= literal.exactDigitLimit {
            digits = Natural(literal.leadingValue)
        } else {
            let mantissa = UnsafeBufferPointer(rebasing: bytes[literal.mantissaStart..<literal.mantissaEnd])
                .lazy.filter { $0 != UInt8(ascii: ".") }
            digits = isHex ? Natural(hexDigits: mantissa) : Natural(decimalDigits: mantissa)
        }
        if isHex {
            self.init(kind: .finite, negative: literal.isNegative, numerator: digits,
                      binaryExponent: literal.exponent - 4 * literal.fractionDigits)
        } else {
            self.init(kind: .finite, negative: literal.isNegative, numerator: digits,
                      decimalExponent: literal.exponent - literal.fractionDigits)
        }
    }
}
