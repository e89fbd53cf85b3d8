/// Everything that decides how an exact value becomes a code: rounding mode, overflow policy
/// and subnormal policy. Passed explicitly to every operation; there is no global state.
public struct RoundingOptions: Sendable, Hashable {
    public var rounding: RoundingMode
    public var overflow: OverflowPolicy
    public var subnormals: SubnormalPolicy

    @inlinable public init(rounding: RoundingMode = .nearestEven, overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep) {
        self.rounding = rounding
        self.overflow = overflow
        self.subnormals = subnormals
    }

    /// nearest-even, the format's own overflow behaviour, gradual underflow.
    @inlinable public static var standard: RoundingOptions { RoundingOptions() }

    /// True for ``standard``: the options the scalar fast path serves.
    @inlinable @inline(__always) public var isStandard: Bool { rounding == .nearestEven && overflow == .default && subnormals == .keep }
}
