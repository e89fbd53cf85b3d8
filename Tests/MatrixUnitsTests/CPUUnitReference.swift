import CMPFR
import MPFRReference
import SoftFloat

/// The CPU units' documented pseudocode, step by step, on MPFR: every step's exact value is
/// computed with 800-bit MPFR arithmetic (exact for these operands) and rounded to f32 by the
/// rule the manual gives — independently of the Swift evaluators.
///
/// - AMX `TDPBF16PS` (Intel SDM): nearest-even; a result whose 24-bit rounding (unbounded
///   exponent) is below 2^-126 is a zero of its sign (FTZ); subnormal operands read as zeros (DAZ).
/// - Arm `BFDotAdd` without FEAT_EBF16 (Arm ARM `BFRound`): a result whose exact exponent is
///   below −126 is a zero of its sign, one of 2^128 or more an infinity; otherwise truncated to
///   24 bits with the last bit set when inexact (round to odd). NaN → 0x7fc00000.
enum CPUUnitReference {
    enum Rounding { case nearestEvenFlushedAfterRounding, oddFlushedBeforeRounding }

    static func value(_ float32: UInt64) -> MPFRValue { MPFRValue(bits: float32 & 0xffff_ffff, format: .float32) }

    /// A subnormal f32 code read as the zero of its sign (DAZ, BFUnpack).
    static func zeroIfSubnormal(_ code: UInt64) -> UInt64 {
        code & 0x7f80_0000 == 0 ? code & 0x8000_0000 : code
    }

    /// `body` writes an exact result into an 800-bit MPFR value.
    static func exact(_ body: (mpfr_ptr) -> Void) -> MPFRValue {
        let result = MPFRValue(precision: 800)
        body(UnsafeMutablePointer(mutating: result.withUnsafeMPFRPointer { $0 }))
        return result
    }

    static func fma(_ x: MPFRValue, _ y: MPFRValue, _ z: MPFRValue) -> MPFRValue {
        exact { r in x.withUnsafeMPFRPointer { x in y.withUnsafeMPFRPointer { y in z.withUnsafeMPFRPointer { z in
            precondition(mpfr_fma(r, x, y, z, MPFR_RNDN) == 0 || mpfr_nan_p(r) != 0, "inexact reference fma")
        } } } }
    }

    static func add(_ x: MPFRValue, _ y: MPFRValue) -> MPFRValue {
        exact { r in x.withUnsafeMPFRPointer { x in y.withUnsafeMPFRPointer { y in
            precondition(mpfr_add(r, x, y, MPFR_RNDN) == 0 || mpfr_nan_p(r) != 0, "inexact reference add")
        } } }
    }

    static func multiply(_ x: MPFRValue, _ y: MPFRValue) -> MPFRValue {
        exact { r in x.withUnsafeMPFRPointer { x in y.withUnsafeMPFRPointer { y in
            precondition(mpfr_mul(r, x, y, MPFR_RNDN) == 0 || mpfr_nan_p(r) != 0, "inexact reference multiply")
        } } }
    }

    /// The f32 code of `exact` under `rounding` (a NaN is 0x7fc00000).
    static func float32Code(_ exact: MPFRValue, _ rounding: Rounding) -> UInt64 {
        if exact.isNaN { return 0x7fc0_0000 }
        let sign: UInt64 = exact.isNegative ? 0x8000_0000 : 0
        if exact.isInfinite { return sign | 0x7f80_0000 }
        if exact.isZero { return sign }
        switch rounding {
        case .nearestEvenFlushedAfterRounding:
            let rounded = MPFRValue(exact, precision: 24, direction: .nearestEven)
            let exponent = rounded.exponent!
            if exponent < -126 { return sign }
            if exponent >= 128 { return sign | 0x7f80_0000 }
            return UInt64(Float(rounded.doubleValue).bitPattern)
        case .oddFlushedBeforeRounding:
            let exponent = exact.exponent!
            if exponent < -126 { return sign }
            if exponent >= 128 { return sign | 0x7f80_0000 }
            let truncated = MPFRValue(exact, precision: 24, direction: .towardZero)
            let inexact = truncated.withUnsafeMPFRPointer { t in exact.withUnsafeMPFRPointer { e in mpfr_equal_p(t, e) == 0 } }
            return UInt64(Float(truncated.doubleValue).bitPattern) | (inexact ? 1 : 0)
        }
    }

    /// `TDPBF16PS` for one element (SDM pseudocode): two FMA chains from +0 over the even and
    /// odd indices, then `c + (even + odd)`.
    static func amx(a: [UInt64], b: [UInt64], c: UInt64) -> UInt64 {
        let rule = Rounding.nearestEvenFlushedAfterRounding
        func input(_ code: UInt64) -> MPFRValue { value(zeroIfSubnormal(code << 16)) }
        var even: UInt64 = 0, odd: UInt64 = 0
        for index in stride(from: 0, to: a.count, by: 2) {
            even = float32Code(fma(input(a[index]), input(b[index]), value(even)), rule)
            odd = float32Code(fma(input(a[index + 1]), input(b[index + 1]), value(odd)), rule)
        }
        let products = float32Code(add(value(even), value(odd)), rule)
        return float32Code(add(value(zeroIfSubnormal(c)), value(products)), rule)
    }

    /// `BFDOT` / `BFMMLA` for one element (Arm ARM pseudocode): `BFDotAdd` per pair from C.
    static func arm(a: [UInt64], b: [UInt64], c: UInt64) -> UInt64 {
        let rule = Rounding.oddFlushedBeforeRounding
        func unpacked(_ code: UInt64) -> MPFRValue { value(zeroIfSubnormal(code)) }
        func product(_ x: UInt64, _ y: UInt64) -> UInt64 {
            float32Code(multiply(unpacked(x << 16), unpacked(y << 16)), rule)
        }
        func sum(_ x: UInt64, _ y: UInt64) -> UInt64 { float32Code(add(unpacked(x), unpacked(y)), rule) }
        var accumulator = c
        for index in stride(from: 0, to: a.count, by: 2) {
            accumulator = sum(accumulator, sum(product(a[index], b[index]), product(a[index + 1], b[index + 1])))
        }
        return accumulator
    }
}
