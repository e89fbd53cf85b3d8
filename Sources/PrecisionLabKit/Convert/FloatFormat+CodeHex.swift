import SoftFloat

extension FloatFormat {
    /// Hex digits in the CLI's printed codes: the format's width rounded up to whole digits,
    /// and at least 2, so that 4-bit codes print like 8-bit ones (`0x02`, per the CLI contract).
    ///
    ///     FloatFormat.float16.codeHexDigitCount        // 4
    ///     FloatFormat.tf32.codeHexDigitCount           // 5
    ///     FloatFormat.float4_e2m1fn.codeHexDigitCount  // 2
    var codeHexDigitCount: Int { Swift.max(2, (bitWidth + 3) / 4) }

    /// `0x` + lowercase hex of a code, ``codeHexDigitCount`` digits.
    ///
    ///     FloatFormat.float4_e2m1fn.codeHex(0x2)   // "0x02"
    func codeHex(_ bits: UInt64) -> String {
        let digits = String(bits, radix: 16)
        return "0x" + String(repeating: "0", count: Swift.max(0, codeHexDigitCount - digits.count)) + digits
    }
}
