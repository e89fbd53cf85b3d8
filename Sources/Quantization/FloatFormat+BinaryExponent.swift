import SoftFloat

extension FloatFormat {
    // Scaling by a power of two (an MX shared scale) is SoftFloat's
    // `scaled(_:byPowerOfTwo:to:options:random:)`, the conversion with a moved exponent.

    /// floor(log2 |x|) of a finite nonzero code: the exponent of its leading bit.
    ///
    ///     FloatFormat.float32.binaryExponent(0x40f00000)   // 7.5 → 2
    ///     FloatFormat.float32.binaryExponent(0x00000001)   // 2^-149 → −149
    func binaryExponent(_ bits: UInt64) -> Int? {
        guard case .finite(_, let significand, let exponent) = decode(bits) else { return nil }
        return exponent + 63 - significand.leadingZeroBitCount
    }
}
