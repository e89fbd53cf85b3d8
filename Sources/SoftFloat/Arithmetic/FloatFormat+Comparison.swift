extension FloatFormat {
    /// Compares two codes numerically (IEEE 754 §5.11).
    ///
    ///     FloatFormat.float16.compare(0x3c00, 0x4000)                   // (.less, [])
    ///     FloatFormat.float16.compare(0x7e00, 0x3c00)                   // (.unordered, [])
    ///     FloatFormat.float16.compare(0x7e00, 0x3c00, signaling: true)  // (.unordered, .invalid)
    ///
    /// −0 equals +0; NaN is unordered with everything, itself included. Quiet comparisons
    /// (`signaling: false`, IEEE's compareQuiet…) raise `invalid` only for a signaling NaN
    /// operand; signaling comparisons (compareSignaling…, what `<` means in C) raise it for any
    /// NaN operand.
    @inlinable
    public func compare(_ a: UInt64, _ b: UInt64, signaling: Bool = false) -> (result: FloatComparisonResult, flags: FloatFlags) {
        if isNaN(a) || isNaN(b) {
            let raises = signaling || NaNPropagation.isSignaling(a, format: self) || NaNPropagation.isSignaling(b, format: self)
            return (.unordered, raises ? .invalid : [])
        }
        let keyA = numericKey(a)
        let keyB = numericKey(b)
        return (keyA < keyB ? .less : keyA == keyB ? .equal : .greater, [])
    }

    /// a == b (IEEE compareQuietEqual, or compareSignalingEqual when `signaling`).
    @inlinable
    public func isEqual(_ a: UInt64, _ b: UInt64, signaling: Bool = false) -> (result: Bool, flags: FloatFlags) {
        let (order, flags) = compare(a, b, signaling: signaling)
        return (order == .equal, flags)
    }

    /// a < b (IEEE compareSignalingLess by default, compareQuietLess with `signaling: false`).
    @inlinable
    public func isLess(_ a: UInt64, _ b: UInt64, signaling: Bool = true) -> (result: Bool, flags: FloatFlags) {
        let (order, flags) = compare(a, b, signaling: signaling)
        return (order == .less, flags)
    }

    /// a ≤ b (IEEE compareSignalingLessEqual by default, compareQuietLessEqual with `signaling: false`).
    @inlinable
    public func isLessEqual(_ a: UInt64, _ b: UInt64, signaling: Bool = true) -> (result: Bool, flags: FloatFlags) {
        let (order, flags) = compare(a, b, signaling: signaling)
        return (order == .less || order == .equal, flags)
    }

    /// True when a or b is NaN (IEEE compareQuietUnordered, or the signaling variant).
    @inlinable
    public func isUnordered(_ a: UInt64, _ b: UInt64, signaling: Bool = false) -> (result: Bool, flags: FloatFlags) {
        let (order, flags) = compare(a, b, signaling: signaling)
        return (order == .unordered, flags)
    }

    /// IEEE 754 totalOrder(a, b): true when a precedes or equals b in the order
    /// −NaN < −∞ < … < −0 < +0 < … < +∞ < +NaN, NaNs ordered by payload with signaling
    /// below quiet for positive NaNs (mirrored for negative ones). Raises no flags.
    ///
    ///     FloatFormat.float16.totalOrder(0x8000, 0x0000)   // true:  −0 before +0
    ///     FloatFormat.float16.totalOrder(0x0000, 0x8000)   // false
    ///     FloatFormat.float16.totalOrder(0x7c00, 0x7c01)   // true:  +∞ before +sNaN
    ///
    /// fnuz formats' single NaN 0x80 is unsigned and placed after +max; float8_e8m0fnu's 0xff
    /// likewise comes last.
    @inlinable
    public func totalOrder(_ a: UInt64, _ b: UInt64) -> Bool {
        totalOrderKey(a) <= totalOrderKey(b)
    }

    /// A signed integer increasing with the value of a non-NaN code; ±0 map to 0.
    @inlinable
    func numericKey(_ bits: UInt64) -> Int64 {
        let magnitude = Int64(bitPattern: bits & magnitudeMask)
        return bits & signMask != 0 ? -magnitude : magnitude
    }

    /// A signed integer increasing in IEEE total order; −0 maps to −1 and +0 to 0.
    @inlinable
    func totalOrderKey(_ bits: UInt64) -> Int64 {
        if nonFinite == .nanNegativeZero && isNaN(bits) { return .max }
        let magnitude = Int64(bitPattern: bits & magnitudeMask)
        return bits & signMask != 0 ? ~magnitude : magnitude
    }
}
