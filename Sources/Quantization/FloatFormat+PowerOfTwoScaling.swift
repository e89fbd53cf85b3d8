import SoftFloat

extension FloatFormat {
    /// x × 2^k rounded once into `target` (exact whenever the result is representable).
    ///
    ///     FloatFormat.float32.scaled(0x3fc00000, byPowerOfTwo: 8, to: .float8_e4m3fn, options: …)
    ///     // 1.5 × 256 = 384 → 0x7c
    ///
    /// Dividing by an MX shared scale X = 2^e is this with k = −e: a power-of-two scaling is
    /// exact in any binary format unless it leaves the format's range, so rounding the exact
    /// product once equals dividing in the compute format and then converting, whenever that
    /// division is exact; it stays correct where the compute format could not even hold X
    /// (float16 cannot hold 2^-40).
    func scaled(_ bits: UInt64, byPowerOfTwo k: Int, to target: FloatFormat, options: RoundingOptions = .standard) -> Rounded {
        switch decode(bits) {
        case .finite(let negative, let significand, let exponent):
            return RoundingCore.roundPack(
                negative: negative, exponent: exponent + k, significand: UInt128(significand), sticky: false,
                format: target, options: options)
        case .zero(let negative):
            return RoundingCore.packZero(negative: negative, format: target)
        case .infinity(let negative):
            return target.packInfinity(negative: negative, options: options)
        case .nan(let negative, _):
            return target.packNaN(negative: negative)
        }
    }

    /// floor(log2 |x|) of a finite nonzero code: the exponent of its leading bit.
    ///
    ///     FloatFormat.float32.binaryExponent(0x40f00000)   // 7.5 → 2
    ///     FloatFormat.float32.binaryExponent(0x00000001)   // 2^-149 → −149
    func binaryExponent(_ bits: UInt64) -> Int? {
        guard case .finite(_, let significand, let exponent) = decode(bits) else { return nil }
        return exponent + 63 - significand.leadingZeroBitCount
    }
}
