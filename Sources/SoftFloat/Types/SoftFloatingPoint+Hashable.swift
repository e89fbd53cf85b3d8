extension SoftFloatingPoint {
    /// Hashes consistently with IEEE `==`: +0 and −0 hash alike.
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(isZero ? 0 : code)
    }
}
