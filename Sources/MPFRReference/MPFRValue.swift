import CMPFR

/// An arbitrary-precision binary floating-point number: a Swift owner of one MPFR `mpfr_t`.
///
/// The value is fixed once an initializer returns (the public API never mutates it), so an
/// instance can be shared between threads; `deinit` releases the C storage with `mpfr_clear`.
/// The `mpfr_t` lives at a stable heap address, so the module can hand one value to MPFR as
/// both source and destination without tripping Swift's exclusivity rules.
///
///     let third = MPFRValue(significand: 0x5555_5555_5555_5555, exponent: -64)
///     third.precision   // 63 (just enough bits for the significand)
///     third.exponent    // -2: the value lies in [2^-2, 2^-1)
///
///     let big = MPFRValue(significand: UInt128(1) << 100 | 1, exponent: 0, negative: true)
///     big.isNegative    // true
///     big.precision     // 101
public final class MPFRValue: @unchecked Sendable {
    // @unchecked: the only mutation happens inside initializers and inside module functions
    // that create a value, fill it and hand it out; published values are read-only, and
    // MPFR reads of an `mpfr_srcptr` are thread-safe.

    /// The owned `mpfr_t`, initialised for the object's whole lifetime.
    let pointer: UnsafeMutablePointer<__mpfr_struct>

    /// Creates a NaN of the given precision, as `mpfr_init2` leaves a fresh variable.
    ///
    ///     MPFRValue(precision: 24).isNaN   // true
    ///
    /// - Parameter precision: significand bits, at least 1 (`MPFR_PREC_MIN`).
    public init(precision: Int) {
        precondition(precision >= Int(MPFR_PREC_MIN) && precision <= 1 << 40,
                     "MPFR precision must be between 1 and 2^40 bits, got \(precision)")
        pointer = .allocate(capacity: 1)
        mpfr_init2(pointer, mpfr_prec_t(precision))
    }

    deinit {
        mpfr_clear(pointer)
        pointer.deallocate()
    }

    /// The exact value `(−1)^negative × significand × 2^exponent`, with just enough precision.
    ///
    ///     MPFRValue(significand: 3, exponent: -1)                   // 1.5
    ///     MPFRValue(significand: 0, exponent: 0, negative: true)    // −0
    ///     MPFRValue(significand: -5, exponent: 2)                   // −20 (a negative significand flips the sign)
    ///
    /// The result is exact as long as it stays inside MPFR's default exponent range
    /// (about 2^±1073741823); beyond it MPFR overflows to ±inf or underflows to ±0.
    public convenience init(significand: some BinaryInteger, exponent: Int, negative: Bool = false) {
        let magnitude = significand.magnitude
        let isNegative = negative != (significand.signum() < 0)
        // Little-endian machine words of the magnitude, high zero words dropped.
        var words = Array(magnitude.words.map { UInt64($0) })
        while let last = words.last, last == 0 { words.removeLast() }
        guard let top = words.last else {
            self.init(precision: 1)
            mpfr_set_zero(pointer, isNegative ? -1 : 1)
            return
        }
        let bitCount = 64 * (words.count - 1) + (64 - top.leadingZeroBitCount)
        self.init(precision: bitCount)
        // Every intermediate has at most `bitCount` significant bits, so each step is exact.
        mpfr_set_ui(pointer, UInt(top), MPFR_RNDN)
        for word in words.dropLast().reversed() {
            mpfr_mul_2ui(pointer, pointer, 64, MPFR_RNDN)
            mpfr_add_ui(pointer, pointer, UInt(word), MPFR_RNDN)
        }
        mpfr_mul_2si(pointer, pointer, exponent, MPFR_RNDN)
        if isNegative { mpfr_neg(pointer, pointer, MPFR_RNDN) }
    }

    /// The exact value of a `Double`, at precision 53 (NaN, ±inf and ±0 included).
    ///
    ///     MPFRValue(0.1).exactDecimal   // "0.1000000000000000055511151231257827021181583404541015625"
    public convenience init(_ value: Double) {
        self.init(precision: 53)
        mpfr_set_d(pointer, value, MPFR_RNDN)
    }

    /// `value` rounded once to `precision` bits in the given direction.
    ///
    ///     MPFRValue(MPFRValue(1.0 / 3.0), precision: 11).exactDecimal   // "0.333251953125"
    public convenience init(_ value: MPFRValue, precision: Int, direction: MPFRRounding = .nearestEven) {
        self.init(precision: precision)
        mpfr_set(pointer, value.pointer, direction.mpfr)
    }

    /// The significand precision in bits.
    public var precision: Int { Int(mpfr_get_prec(pointer)) }

    /// True for NaN.
    public var isNaN: Bool { mpfr_nan_p(pointer) != 0 }
    /// True for ±infinity.
    public var isInfinite: Bool { mpfr_inf_p(pointer) != 0 }
    /// True for ±0.
    public var isZero: Bool { mpfr_zero_p(pointer) != 0 }
    /// True for zero and every finite nonzero value (not NaN, not infinity).
    public var isFinite: Bool { mpfr_number_p(pointer) != 0 }

    /// True when the sign bit is set: negative numbers, −0, −inf and NaNs carrying a minus sign.
    public var isNegative: Bool { cmpfr_signbit(pointer) != 0 }

    /// The sign, as the standard library spells it (`.minus` for −0).
    public var sign: FloatingPointSign { isNegative ? .minus : .plus }

    /// The exponent `e` of the leading bit, so that `2^e ≤ |x| < 2^(e+1)`; nil for zero,
    /// infinity and NaN.
    ///
    /// MPFR itself writes `x = 0.1b… × 2^E` and reports `E = e + 1` from `mpfr_get_exp`.
    ///
    ///     MPFRValue(1.0).exponent    // 0 (mpfr_get_exp says 1)
    ///     MPFRValue(0.75).exponent   // -1
    public var exponent: Int? {
        guard mpfr_regular_p(pointer) != 0 else { return nil }
        return Int(mpfr_get_exp(pointer)) - 1
    }

    /// The nearest `Double` (ties to even), for display and quick checks.
    public var doubleValue: Double { mpfr_get_d(pointer, MPFR_RNDN) }

    /// Calls `body` with the underlying `mpfr_srcptr`, for MPFR functions this module does not
    /// wrap. `body` must not keep the pointer or change the value.
    public func withUnsafeMPFRPointer<Result>(_ body: (mpfr_srcptr) throws -> Result) rethrows -> Result {
        try body(pointer)
    }
}
