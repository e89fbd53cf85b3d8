extension SoftBinaryFloatingPoint {
    /// other − self, rounded to nearest even.
    @inlinable public func distance(to other: Self) -> Self { other - self }
    /// self + amount, rounded to nearest even.
    @inlinable public func advanced(by amount: Self) -> Self { self + amount }
}
