extension FloatFormat {
    /// Rounds text (decimal, rational, hex-float, inf or nan) to this format, once, from its
    /// exact value.
    ///
    ///     try FloatFormat.float16.round("1/3").bits     // 0x3555 = 0.333251953125
    ///     try FloatFormat.bfloat16.round("1e8").bits    // 0x4cbf
    public func round(_ text: some StringProtocol, options: RoundingOptions = .standard, random: UInt64 = 0) throws(NumberSyntaxError) -> Rounded {
        try ExactNumber(parsing: text).rounded(to: self, options: options, random: random)
    }

    /// Rounds an integer to this format.
    public func round(_ integer: Int64, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        ExactNumber(integer).rounded(to: self, options: options, random: random)
    }

    /// The value of a code as the nearest float64 (exact for every built-in format).
    public func doubleValue(_ bits: UInt64) -> Double {
        Double(bitPattern: convert(bits, to: .float64).bits)
    }

    /// Parses a hex code (`0x3c00` or `3C00`, surrounding blanks ignored) with the one
    /// ``CodeScanner`` and checks that it fits the format's width.
    ///
    ///     try FloatFormat.float16.parseCode("0x3c00")   // 0x3c00 = 1.0
    ///     try FloatFormat.float16.parseCode("0x12345")  // throws: does not fit in float16's 16 bits
    public func parseCode(_ text: some StringProtocol) throws(NumberSyntaxError) -> UInt64 {
        let bytes = Array(text.utf8)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(NumberSyntaxError) in try parseCode(buffer) }
        }
        return try parsed.get()
    }

    /// ``parseCode(_:)-(StringProtocol)`` on bytes.
    public func parseCode(_ bytes: UnsafeBufferPointer<UInt8>) throws(NumberSyntaxError) -> UInt64 {
        func isBlank(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        let code: UInt64
        do {
            code = try CodeScanner.scan(bytes, from: start, to: end)
        } catch {
            throw NumberSyntaxError(text: String(decoding: bytes, as: UTF8.self),
                                    reason: "expected a hex bit pattern of \(name) such as 0x\(hexDigits(0))")
        }
        guard code & ~codeMask == 0 else {
            throw NumberSyntaxError(text: String(decoding: bytes, as: UTF8.self),
                                    reason: "0x\(String(code, radix: 16)) does not fit in \(name)'s \(bitWidth) bits")
        }
        return code
    }

    @available(*, deprecated, renamed: "parseCode(_:)")
    public func parseBitPattern(_ text: some StringProtocol) throws(NumberSyntaxError) -> UInt64 {
        try parseCode(text)
    }

    /// Hex digits a code prints with: enough for the width, and at least 2 (the contract of
    /// `convert`): 16 for float64, 8 float32, 5 tf32 (19 bits), 4 for 16-bit formats, 2 for
    /// 8-, 6- and 4-bit formats (the code sits in the low bits).
    @inlinable public var hexDigitCount: Int { Swift.max(2, (bitWidth + 3) / 4) }

    /// A code as lowercase hex, zero-padded to ``hexDigitCount`` digits.
    public func hexDigits(_ bits: UInt64) -> String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: Swift.max(0, hexDigitCount - digits.count)) + digits
    }

    /// `0x`-prefixed ``hexDigits(_:)``.
    public func hexString(_ bits: UInt64) -> String { "0x" + hexDigits(bits) }

    /// The code in binary, split as `sign | exponent | mantissa` (`0 | 01101 | 0101010101`).
    public func binaryFields(_ bits: UInt64) -> String {
        func binary(_ value: UInt64, width: Int) -> String {
            guard width > 0 else { return "" }
            let text = String(value, radix: 2)
            return String(repeating: "0", count: width - text.count) + text
        }
        let parts = fields(of: bits)
        var pieces: [String] = []
        if isSigned { pieces.append(parts.negative ? "1" : "0") }
        pieces.append(binary(parts.biasedExponent, width: exponentBits))
        if mantissaBits > 0 { pieces.append(binary(parts.mantissa, width: mantissaBits)) }
        return pieces.joined(separator: " | ")
    }
}
