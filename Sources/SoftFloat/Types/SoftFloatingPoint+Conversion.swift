extension SoftFloatingPoint {
    /// Rounds a `Double` to nearest even (NaN to the format's NaN; +0 in finite-only formats).
    ///
    ///     Float8E4M3FN(300.0)   // 288 = 1.125 × 2^8
    @inlinable public init(_ value: Double) {
        self = Self.converting(value, options: .standard).result
    }

    /// Rounds an integer to nearest even, once (any width: wider integers keep a sticky bit).
    ///
    ///     BFloat16(257)   // 256: halfway between 256 and 258, ties to even
    @inlinable public init<Source: BinaryInteger>(_ value: Source) {
        self = Self.converting(value, options: .standard).result
    }

    /// Rounds any binary floating-point value to this format once, from its exact value (sign,
    /// exponent and significand bit patterns), never through an intermediate type.
    @inlinable public init<Source: BinaryFloatingPoint>(_ value: Source) {
        self = Self.converting(value, options: .standard).result
    }

    /// The value in this type, rounded once under `options`, and the flags raised.
    ///
    ///     Float8E4M3FN.converting(500.0, options: .init(overflow: .saturate))   // (448, overflow,inexact)
    @inlinable
    public static func converting<Source: BinaryFloatingPoint>(
        _ value: Source, options: RoundingOptions, random: UInt64 = 0
    ) -> (result: Self, flags: FloatFlags) {
        if let double = value as? Double {
            return wrap(FloatFormat.float64.convert(double.bitPattern, to: format, options: options, random: random))
        }
        if let single = value as? Float {
            return wrap(FloatFormat.float32.convert(UInt64(single.bitPattern), to: format, options: options, random: random))
        }
        return wrap(exactValue(of: value, options: options, random: random))
    }

    /// An integer rounded once under `options`.
    @inlinable
    public static func converting<Source: BinaryInteger>(
        _ value: Source, options: RoundingOptions, random: UInt64 = 0
    ) -> (result: Self, flags: FloatFlags) {
        if let small = Int64(exactly: value) {
            return wrap(format.convert(fromInt64: small, options: options, random: random))
        }
        // Wider than 64 bits: keep the top 120 significant bits and a sticky bit.
        let magnitude = value.magnitude
        var shift = 0
        while magnitude >> shift > Source.Magnitude(UInt64.max) { shift += 64 }
        shift = max(0, shift - 56)
        let kept = UInt128(magnitude >> shift)
        let sticky = shift > 0 && magnitude & ((Source.Magnitude(1) << shift) - 1) != 0
        return wrap(RoundingCore.roundPack(
            negative: value < 0, exponent: shift, significand: kept, sticky: sticky,
            format: format, options: options, random: random))
    }

    /// This value converted to another soft type, rounded once under `options`.
    ///
    ///     SoftFloat32(1.0 / 3).converted(to: BFloat16.self, options: .standard)   // (0.333984375, inexact)
    @inlinable
    public func converted<Target: SoftFloatingPoint>(
        to target: Target.Type, options: RoundingOptions, random: UInt64 = 0
    ) -> (result: Target, flags: FloatFlags) {
        Target.wrap(Self.format.convert(code, to: Target.format, options: options, random: random))
    }

    /// The exact value as a `Double` (every format of at most 53 bits of precision and an
    /// exponent range inside float64's converts exactly; NaN becomes Double's NaN).
    @inlinable public var doubleValue: Double { Self.format.doubleValue(code) }

    /// Rounds the exact value of a generic binary floating-point number. Works for any source
    /// with at most 128 significand bits, Float80 included.
    @usableFromInline
    static func exactValue<Source: BinaryFloatingPoint>(of value: Source, options: RoundingOptions, random: UInt64) -> Rounded {
        let negative = value.sign == .minus
        if value.isNaN {
            let fractionBits = Source.significandBitCount
            let payload = UInt128(truncatingIfNeeded: value.significandBitPattern)
            let aligned = fractionBits >= 64 ? UInt64(truncatingIfNeeded: payload >> UInt128(fractionBits - 64))
                                             : UInt64(truncatingIfNeeded: payload) << UInt64(64 - fractionBits)
            return NaNPropagation.converted(negative: negative, payload: aligned, signaling: value.isSignalingNaN, to: format)
        }
        if value.isInfinite { return format.packInfinity(negative: negative, options: options) }
        if value.isZero { return RoundingCore.packZero(negative: negative, format: format) }
        let fractionBits = Source.significandBitCount
        let bias = (1 << (Source.exponentBitCount - 1)) - 1
        let biasedExponent = Int(value.exponentBitPattern)
        var significand = UInt128(value.significandBitPattern)
        var exponent = 1 - bias - fractionBits
        if biasedExponent != 0 {
            significand |= UInt128(1) << UInt128(fractionBits)
            exponent = biasedExponent - bias - fractionBits
        }
        return RoundingCore.roundPack(
            negative: negative, exponent: exponent, significand: significand, sticky: false,
            format: format, options: options, random: random)
    }
}
