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
    ///
    ///     FloatFormat.float16.doubleValue(0x3555)        // 0.333251953125
    ///     FloatFormat.float8_e4m3fn.doubleValue(0x7e)    // 1.75 × 2^8 = 448
    ///
    /// Zeros, subnormals and normals below the top binade of a format whose values all fit
    /// float64 exactly are assembled from their fields (float32 0x3eaaaaab: sign 0, exponent
    /// 125 − 127 = −2, fraction 0x2aaaab moved up 29 bits); everything else (the top binade,
    /// NaN, infinity, wider formats) goes through ``convert(_:to:options:random:)``. Both give
    /// the same bits (checked exhaustively for the 8- and 16-bit formats and against hardware
    /// float32 in the tests).
    @inlinable
    public func doubleValue(_ bits: UInt64) -> Double {
        let biased = (bits >> UInt64(mantissaBits)) & exponentFieldMask
        if biased != exponentFieldMask, fieldsFitFloat64 {
            let fraction = bits & mantissaMask
            let sign: UInt64 = bits & signMask != 0 ? 1 << 63 : 0
            if biased != 0 {
                let exponent = UInt64(Int(biased) - bias + 1023)
                return Double(bitPattern: sign | exponent << 52 | fraction << UInt64(52 - mantissaBits))
            }
            if nonFinite != .nanNegativeZero || sign == 0 {
                // Zero or subnormal: fraction × 2^(1 − bias − mantissaBits), exact in float64.
                let magnitude = Double(sign: .plus, exponent: 1 - bias - mantissaBits, significand: Double(fraction))
                return sign != 0 ? -magnitude : magnitude
            }
        }
        return Double(bitPattern: convert(bits, to: .float64).bits)
    }

    /// True when every zero, subnormal and normal code below the top binade is a float64
    /// normal or zero with room for its fraction: at most 52 fraction bits, normal exponents
    /// within −1022…1023, the smallest subnormal at least 2^-1074 (1 − bias − mantissaBits ≥ −1074), and a zero code.
    @usableFromInline
    var fieldsFitFloat64: Bool {
        hasZero && mantissaBits <= 52 && bias <= 1023 && Int(exponentFieldMask) - 1 - bias <= 1023
            && bias + mantissaBits <= 1075 && exponentBits <= 11
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
