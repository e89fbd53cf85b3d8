import CMPFR
import SoftFloat

/// The independent oracle: correctly rounded conversions and arithmetic in any
/// ``FloatFormat``, computed by MPFR, with codes decoded and encoded by this module's own code
/// from the format descriptor. The soft-float engine is tested against it.
///
/// Every function rounds exactly once from the exact value and returns the code plus IEEE
/// flags (tininess after rounding). Entry points taking a ``RoundingMode`` also serve the two
/// deterministic modes MPFR lacks, `nearestAway` and `odd`, built from MPFR's own directions
/// (see `FormatEmulation+DerivedModes.swift`), and return nil only for `stochastic`; the
/// `direction:` variants take an ``MPFRRounding`` and also offer MPFR's away-from-zero mode.
///
///     MPFRReference.round(MPFRValue(464.0), to: .float8_e4m3fn)       // 0x7e (448), inexact
///     try MPFRReference.round(text: "1/3", to: .float16)               // 0x3555, inexact
///     MPFRReference.convert(bits: 0x477ff000, from: .float32, to: .float16)
///     // 65520 → 0x7c00, overflow|inexact
///     MPFRReference.add(0x3c00, 0x0001, format: .float16)                // 1 + 2^-24 → 0x3c00, inexact
///
/// MPFR's exponent range and flags are per-thread; each call saves and restores them, so calls
/// may run on any number of threads at once.
public enum MPFRReference {
    /// Rounds an arbitrary-precision value to `format`.
    ///
    ///     MPFRReference.round(MPFRValue(65519.0), to: .float16)   // Rounded(bits: 0x7bff, flags: .inexact)
    ///     MPFRReference.round(MPFRValue(-0.0), to: .float8_e4m3fnuz)   // 0x00: fnuz has no −0
    ///
    /// NaN becomes the format's NaN with no flags (code 0 with `invalid` for finite-only
    /// formats); infinity becomes ±inf, or in formats without it NaN (±max when saturating or
    /// finite-only) with `invalid`.
    ///
    /// - Returns: the code and flags, or nil for `stochastic`.
    public static func round(
        _ value: MPFRValue, to format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        guard let emulation = FormatEmulation(format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
        else { return nil }
        return round(value, emulation)
    }

    /// Rounds an arbitrary-precision value to `format` in an MPFR rounding direction.
    ///
    ///     MPFRReference.round(MPFRValue(1.0 + 0x1p-30), to: .float16, direction: .awayFromZero)
    ///     // 0x3c01 (1 + 2^-10), inexact
    public static func round(
        _ value: MPFRValue, to format: FloatFormat, direction: MPFRRounding,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded {
        round(value, FormatEmulation(format: format, direction: direction, overflow: overflow, subnormals: subnormals))
    }

    static func round(_ value: MPFRValue, _ emulation: FormatEmulation) -> Rounded {
        if value.isNaN { return emulation.nan(negative: value.isNegative, flags: []) }
        return emulation.round { rop, rnd in mpfr_set(rop, value.pointer, rnd) }
    }

    /// Converts a code of one format to another, rounding once.
    ///
    ///     MPFRReference.convert(bits: 0x477fe000, from: .float32, to: .float16)   // 65504 → 0x7bff
    ///     MPFRReference.convert(bits: Double(-431.99999999999994).bitPattern,
    ///                           from: .float64, to: .float8_e4m3fn)             // 0xfd (−416)
    ///
    /// A signaling NaN (IEEE source, quiet bit clear) raises `invalid`; NaN payloads are not
    /// carried (the result is the target's canonical NaN with the source's sign).
    ///
    /// - Returns: the code and flags, or nil for `stochastic`.
    public static func convert(
        bits: UInt64, from source: FloatFormat, to target: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        guard let emulation = FormatEmulation(format: target, rounding: rounding, overflow: overflow, subnormals: subnormals)
        else { return nil }
        return convert(bits: bits, from: source, emulation)
    }

    /// Converts a code of one format to another in an MPFR rounding direction.
    public static func convert(
        bits: UInt64, from source: FloatFormat, to target: FloatFormat, direction: MPFRRounding,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded {
        convert(bits: bits, from: source, FormatEmulation(format: target, direction: direction, overflow: overflow, subnormals: subnormals))
    }

    static func convert(bits: UInt64, from source: FloatFormat, _ emulation: FormatEmulation) -> Rounded {
        let decoded = DecodedCode(bits: bits, format: source)
        if case .nan(let negative, let signaling) = decoded {
            return emulation.nan(negative: negative, flags: signaling ? .invalid : [])
        }
        return round(MPFRValue(decoded), emulation)
    }

    /// Rounds a number written as text to `format`, once, from its exact value.
    ///
    ///     try MPFRReference.round(text: "0.1", to: .float32)         // 0x3dcccccd, inexact
    ///     try MPFRReference.round(text: "-1e8", to: .float16)        // 0xfc00 (−inf), overflow|inexact
    ///     try MPFRReference.round(text: "0x1.8p-3", to: .float16)    // 0x3200 (0.1875), exact
    ///     try MPFRReference.round(text: "1/3", to: .float64)         // 0x3fd5555555555555
    ///
    /// Decimal, hexadecimal (`0x1.8p-3`) and binary (`0b1.1`) literals are rounded by
    /// `mpfr_strtofr` with no limit on length or exponent; a rational `a/b` (two decimal
    /// literals) by one correctly rounded division of exact integers. `inf` and `nan` work.
    ///
    /// - Throws: ``MPFRTextError`` when the text is not a number.
    /// - Returns: the code and flags, or nil for `stochastic`.
    public static func round(
        text: String, to format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) throws(MPFRTextError) -> Rounded? {
        let literal = try NumberLiteral.parse(text)
        guard let emulation = FormatEmulation(format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
        else { return nil }
        return round(literal, emulation)
    }

    /// Rounds a number written as text to `format` in an MPFR rounding direction.
    public static func round(
        text: String, to format: FloatFormat, direction: MPFRRounding,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) throws(MPFRTextError) -> Rounded {
        round(try NumberLiteral.parse(text), FormatEmulation(format: format, direction: direction, overflow: overflow, subnormals: subnormals))
    }

    static func round(_ literal: NumberLiteral, _ emulation: FormatEmulation) -> Rounded {
        if case .nan(let negative) = literal { return emulation.nan(negative: negative, flags: []) }
        return emulation.round { rop, rnd in literal.round(into: rop, rnd) }
    }
}
