/// A code of some format together with the flags its computation raised.
public struct Rounded: Sendable, Hashable {
    /// The code, in the low `bitWidth` bits.
    public var bits: UInt64
    public var flags: FloatFlags

    @inlinable public init(bits: UInt64, flags: FloatFlags = []) {
        self.bits = bits
        self.flags = flags
    }
}
