extension FloatFormat {
    /// IEEE 754-2019 minimum(a, b): the lesser operand, −0 below +0, and NaN if either is NaN.
    ///
    ///     FloatFormat.float16.minimum(0x0000, 0x8000)   // 0x8000 (−0)
    ///     FloatFormat.float16.minimum(0x3c00, 0x7e00)   // 0x7e00 (NaN wins)
    ///
    /// The result is an operand's code unchanged (no rounding, no flush; bits above the format's
    /// width are cleared); NaNs follow
    /// ``NaNPropagation``.
    @inlinable
    public func minimum(_ a: UInt64, _ b: UInt64) -> Rounded {
        if isNaN(a) || isNaN(b) { return NaNPropagation.propagate(a, b, format: self) }
        return Rounded(bits: (totalOrderKey(a) <= totalOrderKey(b) ? a : b) & codeMask)
    }

    /// IEEE 754-2019 maximum(a, b): the greater operand, +0 above −0, and NaN if either is NaN.
    ///
    ///     FloatFormat.float16.maximum(0x0000, 0x8000)   // 0x0000 (+0)
    @inlinable
    public func maximum(_ a: UInt64, _ b: UInt64) -> Rounded {
        if isNaN(a) || isNaN(b) { return NaNPropagation.propagate(a, b, format: self) }
        return Rounded(bits: (totalOrderKey(a) >= totalOrderKey(b) ? a : b) & codeMask)
    }

    /// IEEE 754-2019 minimumNumber(a, b): like ``minimum(_:_:)``, but a number beats a NaN.
    ///
    ///     FloatFormat.float16.minimumNumber(0x3c00, 0x7e00)   // 0x3c00
    ///     FloatFormat.float16.minimumNumber(0x3c00, 0x7d00)   // 0x3c00 with invalid (sNaN)
    ///
    /// A signaling NaN operand raises `invalid` but is otherwise ignored unless both operands
    /// are NaN, in which case the result follows ``NaNPropagation``.
    @inlinable
    public func minimumNumber(_ a: UInt64, _ b: UInt64) -> Rounded {
        if let result = numberOverNaN(a, b) { return result }
        return minimum(a, b)
    }

    /// IEEE 754-2019 maximumNumber(a, b): like ``maximum(_:_:)``, but a number beats a NaN.
    @inlinable
    public func maximumNumber(_ a: UInt64, _ b: UInt64) -> Rounded {
        if let result = numberOverNaN(a, b) { return result }
        return maximum(a, b)
    }

    @inlinable
    func numberOverNaN(_ a: UInt64, _ b: UInt64) -> Rounded? {
        let nanA = isNaN(a)
        let nanB = isNaN(b)
        guard nanA != nanB else { return nil }
        let signaling = NaNPropagation.isSignaling(nanA ? a : b, format: self)
        return Rounded(bits: (nanA ? b : a) & codeMask, flags: signaling ? .invalid : [])
    }
}
