extension SoftFloatingPoint {
    /// IEEE equality: −0 == +0, and NaN is unequal to everything, itself included.
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool {
        format.compare(lhs.code, rhs.code).result == .equal
    }

    /// IEEE less-than: false whenever either side is NaN.
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool {
        format.compare(lhs.code, rhs.code).result == .less
    }

    @inlinable public static func <= (lhs: Self, rhs: Self) -> Bool {
        let result = format.compare(lhs.code, rhs.code).result
        return result == .less || result == .equal
    }

    @inlinable public static func > (lhs: Self, rhs: Self) -> Bool { rhs < lhs }
    @inlinable public static func >= (lhs: Self, rhs: Self) -> Bool { rhs <= lhs }

    /// The IEEE comparison with its flags: quiet (`invalid` only for signaling NaNs) or signaling.
    ///
    ///     SoftFloat16.nan.compare(1, signaling: true)   // (.unordered, invalid)
    @inlinable
    public func compare(_ other: Self, signaling: Bool) -> (result: FloatComparisonResult, flags: FloatFlags) {
        Self.format.compare(code, other.code, signaling: signaling)
    }

    /// IEEE 754 totalOrder: −NaN < −∞ < … < −0 < +0 < … < +∞ < +NaN.
    @inlinable public func isTotallyOrdered(belowOrEqualTo other: Self) -> Bool {
        Self.format.totalOrder(code, other.code)
    }
}
