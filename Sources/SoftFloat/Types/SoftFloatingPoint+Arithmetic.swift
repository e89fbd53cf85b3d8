extension SoftFloatingPoint {
    /// self + other, rounded once in the given mode, with the flags it raised.
    ///
    ///     let big: SoftFloat16 = 65504                // the largest finite float16
    ///     big.adding(8, rounding: .nearestEven)     // (65504.0, inexact)
    ///     big.adding(16, rounding: .nearestEven)    // (inf, overflow,inexact): 65520 ties to 2^16
    ///     big.adding(16, rounding: .towardZero)     // (65504.0, inexact): 65520 truncates to 65504
    ///     big.adding(32, rounding: .towardZero)     // (65504.0, overflow,inexact): 65536 is past the top
    ///
    /// - Parameter random: 64 random bits, read only by ``RoundingMode/stochastic``
    ///   (draw them from ``SplitMix64`` for reproducible runs).
    @inlinable
    public func adding(_ other: Self, rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        adding(other, options: RoundingOptions(rounding: rounding), random: random)
    }

    /// self + other under full ``RoundingOptions`` (mode, overflow and subnormal policy).
    @inlinable
    public func adding(_ other: Self, options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.add(code, other.code, options: options, random: random))
    }

    /// self − other, rounded once in the given mode.
    @inlinable
    public func subtracting(_ other: Self, rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        subtracting(other, options: RoundingOptions(rounding: rounding), random: random)
    }

    /// self − other under full ``RoundingOptions``.
    @inlinable
    public func subtracting(_ other: Self, options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.subtract(code, other.code, options: options, random: random))
    }

    /// self × other, rounded once in the given mode.
    ///
    ///     let third: BFloat16 = 0.333984375               // 1/3 rounded up: 0x3eab
    ///     BFloat16(3).multiplied(by: third, rounding: .towardZero)   // (1.0, inexact)
    ///     BFloat16(3).multiplied(by: third, rounding: .up)           // (1.0078125, inexact)
    @inlinable
    public func multiplied(by other: Self, rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        multiplied(by: other, options: RoundingOptions(rounding: rounding), random: random)
    }

    /// self × other under full ``RoundingOptions``.
    @inlinable
    public func multiplied(by other: Self, options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.multiply(code, other.code, options: options, random: random))
    }

    /// self ÷ other, rounded once in the given mode.
    ///
    ///     SoftFloat16(1).divided(by: 3, rounding: .down)   // (0.33325, inexact) = 0x3555
    @inlinable
    public func divided(by other: Self, rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        divided(by: other, options: RoundingOptions(rounding: rounding), random: random)
    }

    /// self ÷ other under full ``RoundingOptions``.
    @inlinable
    public func divided(by other: Self, options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.divide(code, other.code, options: options, random: random))
    }

    /// √self, rounded once in the given mode.
    @inlinable
    public func squareRoot(rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        squareRoot(options: RoundingOptions(rounding: rounding), random: random)
    }

    /// √self under full ``RoundingOptions``.
    @inlinable
    public func squareRoot(options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.squareRoot(code, options: options, random: random))
    }

    /// self + lhs × rhs with a single rounding, in the given mode.
    @inlinable
    public func addingProduct(_ lhs: Self, _ rhs: Self, rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        addingProduct(lhs, rhs, options: RoundingOptions(rounding: rounding), random: random)
    }

    /// self + lhs × rhs with a single rounding, under full ``RoundingOptions``.
    @inlinable
    public func addingProduct(_ lhs: Self, _ rhs: Self, options: RoundingOptions, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.fusedMultiplyAdd(lhs.code, rhs.code, code, options: options, random: random))
    }

    /// The IEEE remainder self − n × other, n = self ÷ other rounded to nearest even (exact).
    @inlinable
    public func remainder(dividingBy other: Self, options: RoundingOptions) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.remainder(code, other.code, options: options))
    }

    /// self rounded to an integral value in the given mode; `inexact` is raised when it changes.
    ///
    ///     Float8E4M3FN(2.5).roundedToIntegral(rounding: .nearestEven)   // (2.0, inexact)
    @inlinable
    public func roundedToIntegral(rounding: RoundingMode, random: UInt64 = 0) -> (result: Self, flags: FloatFlags) {
        Self.wrap(Self.format.roundToIntegral(code, options: RoundingOptions(rounding: rounding), random: random))
    }

    /// self converted to `Int64`, rounding a fraction in the given mode. NaN gives 0 and values
    /// out of range saturate, both with `invalid`.
    @inlinable
    public func convertedToInt64(rounding: RoundingMode, random: UInt64 = 0) -> (value: Int64, flags: FloatFlags) {
        Self.format.convertToInt64(code, rounding: rounding, random: random)
    }

    /// IEEE 754-2019 minimum: the lesser value, −0 below +0, NaN when either is NaN.
    @inlinable
    public static func minimumPropagatingNaN(_ x: Self, _ y: Self) -> (result: Self, flags: FloatFlags) {
        wrap(format.minimum(x.code, y.code))
    }

    /// IEEE 754-2019 maximum: the greater value, +0 above −0, NaN when either is NaN.
    @inlinable
    public static func maximumPropagatingNaN(_ x: Self, _ y: Self) -> (result: Self, flags: FloatFlags) {
        wrap(format.maximum(x.code, y.code))
    }

    /// IEEE 754-2019 minimumNumber: like ``minimumPropagatingNaN(_:_:)`` but a number beats a NaN.
    @inlinable
    public static func minimumNumber(_ x: Self, _ y: Self) -> (result: Self, flags: FloatFlags) {
        wrap(format.minimumNumber(x.code, y.code))
    }

    /// IEEE 754-2019 maximumNumber: like ``maximumPropagatingNaN(_:_:)`` but a number beats a NaN.
    @inlinable
    public static func maximumNumber(_ x: Self, _ y: Self) -> (result: Self, flags: FloatFlags) {
        wrap(format.maximumNumber(x.code, y.code))
    }
}
