extension SoftBinaryFloatingPoint {
    @inlinable public static var exponentBitCount: Int { format.exponentBits }
    @inlinable public static var significandBitCount: Int { format.mantissaBits }
    @inlinable public var exponentBitPattern: UInt { UInt(Self.format.fields(of: code).biasedExponent) }
    @inlinable public var significandBitPattern: UInt64 { code & Self.format.mantissaMask }

    @inlinable
    public init(sign: FloatingPointSign, exponentBitPattern: UInt, significandBitPattern: UInt64) {
        self.init(code: Self.format.encode(FloatFields(
            negative: sign == .minus, biasedExponent: UInt64(exponentBitPattern), mantissa: significandBitPattern)))
    }

    /// The power of two at the value's leading bit, with its sign: 1.0 for 1.75, −4 for −5;
    /// NaN for infinity and NaN, as for the standard types.
    public var binade: Self {
        switch Self.format.decode(code) {
        case .nan, .infinity: return .nan
        case .zero: return self
        case .finite(let negative, let significand, let exponent):
            let leading = 63 - significand.leadingZeroBitCount
            return Self(code: RoundingCore.roundPack(
                negative: negative, exponent: exponent + leading, significand: UInt64(1), sticky: false,
                format: Self.format, options: .standard).bits)
        }
    }

    /// The number of fraction bits after the leading one needed to write the value: 0 for
    /// powers of two, 2 for 1.25·2^k and 1.75·2^k; −1 for zero, infinity and NaN.
    public var significandWidth: Int {
        switch Self.format.decode(code) {
        case .nan, .infinity, .zero: return -1
        case .finite(_, let significand, _):
            return 63 - significand.leadingZeroBitCount - significand.trailingZeroBitCount
        }
    }
}
