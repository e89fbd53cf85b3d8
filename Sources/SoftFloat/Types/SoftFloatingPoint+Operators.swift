extension SoftFloatingPoint {
    // Operators round to nearest, ties to even, with the format's own overflow behaviour and
    // gradual underflow (RoundingOptions.standard), and drop the flags.

    @inlinable public static func + (lhs: Self, rhs: Self) -> Self { Self(code: format.add(lhs.code, rhs.code).bits) }
    @inlinable public static func - (lhs: Self, rhs: Self) -> Self { Self(code: format.subtract(lhs.code, rhs.code).bits) }
    @inlinable public static func * (lhs: Self, rhs: Self) -> Self { Self(code: format.multiply(lhs.code, rhs.code).bits) }
    @inlinable public static func / (lhs: Self, rhs: Self) -> Self { Self(code: format.divide(lhs.code, rhs.code).bits) }
    @inlinable public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    @inlinable public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    @inlinable public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
    @inlinable public static func /= (lhs: inout Self, rhs: Self) { lhs = lhs / rhs }

    /// −x, exact: flips the sign bit (NaN, fnuz zero and unsigned formats are left alone).
    @inlinable public static prefix func - (operand: Self) -> Self { Self(code: format.negate(operand.code)) }
}
