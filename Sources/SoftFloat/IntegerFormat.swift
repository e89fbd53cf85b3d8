/// A two's-complement or unsigned integer type, like torch.iinfo.
///
///     IntegerFormat.int8    // min −128, max 127
///     IntegerFormat.uint4   // min 0, max 15
public struct IntegerFormat: Sendable, Hashable {
    public let name: String
    public let bits: Int
    public let isSigned: Bool

    public init(name: String, bits: Int, isSigned: Bool) {
        self.name = name
        self.bits = bits
        self.isSigned = isSigned
    }

    /// −2^(bits−1) when signed, else 0.
    public var min: Int64 { isSigned ? (bits == 64 ? .min : -(1 << Int64(bits - 1))) : 0 }
    /// 2^(bits−1) − 1 when signed, else 2^bits − 1.
    public var max: Int64 { isSigned ? (bits == 64 ? .max : (1 << Int64(bits - 1)) - 1) : (1 << Int64(bits)) - 1 }

    public static let int2 = IntegerFormat(name: "int2", bits: 2, isSigned: true)
    public static let int4 = IntegerFormat(name: "int4", bits: 4, isSigned: true)
    public static let uint4 = IntegerFormat(name: "uint4", bits: 4, isSigned: false)
    public static let int8 = IntegerFormat(name: "int8", bits: 8, isSigned: true)
    public static let uint8 = IntegerFormat(name: "uint8", bits: 8, isSigned: false)
    public static let int16 = IntegerFormat(name: "int16", bits: 16, isSigned: true)
    public static let int32 = IntegerFormat(name: "int32", bits: 32, isSigned: true)
    public static let int64 = IntegerFormat(name: "int64", bits: 64, isSigned: true)

    public static let builtIn: [IntegerFormat] = [int2, int4, uint4, int8, uint8, int16, int32, int64]
}
