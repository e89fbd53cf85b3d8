/// The three stored fields of a code.
///
///     FloatFormat.float16.fields(of: 0x3c00)   // sign false, biasedExponent 15, mantissa 0 → 1.0
public struct FloatFields: Sendable, Hashable {
    public var negative: Bool
    public var biasedExponent: UInt64
    public var mantissa: UInt64

    public init(negative: Bool, biasedExponent: UInt64, mantissa: UInt64) {
        self.negative = negative
        self.biasedExponent = biasedExponent
        self.mantissa = mantissa
    }
}
