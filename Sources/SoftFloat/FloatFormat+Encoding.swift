extension FloatFormat {
    /// Splits a code into sign, biased exponent and mantissa fields.
    @inlinable public func fields(of bits: UInt64) -> FloatFields {
        FloatFields(
            negative: bits & signMask != 0,
            biasedExponent: (bits >> UInt64(mantissaBits)) & exponentFieldMask,
            mantissa: bits & mantissaMask)
    }

    /// Assembles a code from its fields; fields wider than the format are masked.
    @inlinable public func encode(_ fields: FloatFields) -> UInt64 {
        (fields.negative ? signMask : 0)
            | (fields.biasedExponent & exponentFieldMask) << UInt64(mantissaBits)
            | fields.mantissa & mantissaMask
    }

    /// True when the code is a NaN of this format.
    @inlinable @inline(__always) public func isNaN(_ bits: UInt64) -> Bool {
        let magnitude = bits & magnitudeMask
        switch nonFinite {
        case .ieee: return magnitude > infinityBits!
        case .nanAllOnes: return magnitude == magnitudeMask
        case .nanNegativeZero: return bits & codeMask == signMask
        case .finiteOnly: return false
        }
    }

    /// Classifies a code: float16 0x0001 is subnormal, 0x7c00 infinity, e4m3fn 0x7f NaN.
    @inlinable @inline(__always) public func classify(_ bits: UInt64) -> FloatClass {
        if isNaN(bits) { return .nan }
        let magnitude = bits & magnitudeMask
        if let infinity = infinityBits, magnitude == infinity { return .infinity }
        if !hasZero { return .normal }
        if magnitude == 0 { return .zero }
        return magnitude >> UInt64(mantissaBits) == 0 ? .subnormal : .normal
    }

    /// The exact value of a code.
    @inlinable @inline(__always) public func decode(_ bits: UInt64) -> DecodedValue {
        let parts = fields(of: bits & codeMask)
        switch classify(bits) {
        case .nan: return .nan(negative: nonFinite == .nanNegativeZero ? false : parts.negative, payload: nonFinite == .ieee ? parts.mantissa : 0)
        case .infinity: return .infinity(negative: parts.negative)
        case .zero: return .zero(negative: parts.negative)
        case .subnormal:
            return .finite(negative: parts.negative, significand: parts.mantissa, exponent: minNormalExponent - mantissaBits)
        case .normal:
            return .finite(
                negative: parts.negative, significand: parts.mantissa | 1 << UInt64(mantissaBits),
                exponent: Int(parts.biasedExponent) - bias - mantissaBits)
        }
    }
}
