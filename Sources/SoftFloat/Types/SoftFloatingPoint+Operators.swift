extension SoftFloatingPoint {
    // Operators round to nearest, ties to even, with the format's own overflow behaviour and
    // gradual underflow (RoundingOptions.standard), and drop the flags.

    @inlinable public static func + (lhs: Self, rhs: Self) -> Self { Self(code: format.add(lhs.code, rhs.code).bits) }
    @inlinable public static func - (lhs: Self, rhs: Self) -> Self { Self(code: format.subtract(lhs.code, rhs.code).bits) }
    @inlinable public static func * (lhs: Self, rhs: Self) -> Self { Self(code: format.multiply(lhs.code, rhs.code).bits) }
    @inlinable public static func / (lhs: Self, rhs: Self) -> Self { Self(code: format.divide(lhs.code, rhs.code).bits) }
    // += and −= are AdditiveArithmetic's (lhs = lhs ± rhs); zero is the literal 0.
    @inlinable public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
    @inlinable public static func /= (lhs: inout Self, rhs: Self) { lhs = lhs / rhs }

    /// −x, exact: flips the sign bit. In IEEE formats that includes NaN, as IEEE 754's negate
    /// and `-Float.nan` do (float16 0x7e00 → 0xfe00); elsewhere ``FloatFormat/negate(_:)``
    /// leaves NaN, the fnuz zero and unsigned formats alone (fnuz's NaN 0x80 must not become 0).
    @inlinable public static prefix func - (operand: Self) -> Self { operand.negated }

    /// −x (see the unary minus); also the tie-breaker `SoftBinaryFloatingPoint` names, where
    /// SignedNumeric offers a unary minus of its own.
    @inlinable var negated: Self {
        Self(code: Self.format.nonFinite == .ieee ? code ^ Self.format.signMask : Self.format.negate(code))
    }
}
