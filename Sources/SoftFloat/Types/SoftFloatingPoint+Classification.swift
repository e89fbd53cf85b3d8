extension SoftFloatingPoint {
    /// The sign, biased-exponent and mantissa fields of the code.
    ///
    ///     Float8E4M3FN(448).fields   // negative false, biasedExponent 15, mantissa 6
    @inlinable public var fields: FloatFields { Self.format.fields(of: code) }

    /// The IEEE class of the value: zero, subnormal, normal, infinity or NaN.
    @inlinable public var floatClass: FloatClass { Self.format.classify(code) }

    /// The exact value: ±significand × 2^exponent, or a special value.
    @inlinable public var decoded: DecodedValue { Self.format.decode(code) }

    @inlinable public var isNaN: Bool { Self.format.isNaN(code) }
    @inlinable public var isSignalingNaN: Bool { NaNPropagation.isSignaling(code, format: Self.format) }
    @inlinable public var isInfinite: Bool { floatClass == .infinity }
    @inlinable public var isFinite: Bool { let kind = floatClass; return kind != .infinity && kind != .nan }
    @inlinable public var isZero: Bool { floatClass == .zero }
    @inlinable public var isSubnormal: Bool { floatClass == .subnormal }
    @inlinable public var isNormal: Bool { floatClass == .normal }
    /// True for negative values, −0 and NaNs with the sign bit set.
    @inlinable public var isNegative: Bool { code & Self.format.signMask != 0 && !(Self.format.nonFinite == .nanNegativeZero && isNaN) }

    /// |x|: the sign bit cleared (NaN keeps its code in fnuz formats, where it sits on the sign bit).
    @inlinable public var magnitude: Self { isNegative ? -self : self }

    /// The least value greater than this one (NaN above the largest value in fn/fnuz formats).
    @inlinable public var nextUp: Self { Self(code: Self.format.nextUp(code)) }
    /// The greatest value less than this one.
    @inlinable public var nextDown: Self { Self(code: Self.format.nextDown(code)) }

    /// The largest finite value: float8_e4m3fn 448 = 1.75 × 2^8, float4_e2m1fn 6 = 1.5 × 2^2.
    @inlinable public static var greatestFiniteMagnitude: Self { Self(code: format.maxFiniteBits) }
    /// The smallest positive normal value: 2^minNormalExponent (float8_e4m3fn 2^-6).
    @inlinable public static var leastNormalMagnitude: Self {
        Self(code: format.hasZero ? UInt64(1) << UInt64(format.mantissaBits) : 0)
    }
    /// The smallest positive value: the least subnormal (float8_e4m3fn 2^-9), or 2^-127 for E8M0.
    @inlinable public static var leastNonzeroMagnitude: Self { Self(code: format.hasZero ? 1 : 0) }
}
