import CMPFR
import SoftFloat

/// One rounding target: a format plus the direction and policies, and the code that turns an
/// MPFR computation into that format's code and IEEE flags.
///
/// The recipe (MPFR manual, `mpfr_subnormalize`), with precision p = mantissaBits + 1:
///
/// 1. Compute the operation at precision p in MPFR's widest exponent range. This is "the
///    result rounded to p bits with an unbounded exponent", `r`, with ternary value `t`.
/// 2. Overflow: `|r|` above the format's largest finite value (float8_e4m3fn: 480 > 448)
///    gives the overflow policy's result with `overflow` and `inexact`.
/// 3. Tininess after rounding: `|r| < 2^minNormalExponent`. Tiny results are flushed
///    (`SubnormalPolicy.flush`), become code 0 (formats without zero), or go through the
///    emulation range emin = minNormalExponent − p + 2, emax = maxExponent + 1 with
///    `mpfr_check_range(r, t)` then `mpfr_subnormalize(r, t)`, which rounds to the subnormal
///    grid using `t` to avoid double rounding. `underflow` = tiny and inexact.
/// 4. Encode the value into bits from the descriptor fields.
///
///     // float16: emin = −14 − 11 + 2 = −23, emax = 15 + 1 = 16 (MPFR's 0.1b × 2^E convention)
///     FormatEmulation(format: .float16, direction: .nearestEven, overflow: .default, subnormals: .keep)
///         .round { rop, rnd in mpfr_set_d(rop, 65520, rnd) }
///     // Rounded(bits: 0x7c00, flags: [.overflow, .inexact])
struct FormatEmulation {
    let format: FloatFormat
    /// MPFR's direction; for a derived mode, the one whose overflow rule it shares
    /// (toward zero for `odd`, nearest-even for `nearestAway`).
    let direction: MPFRRounding
    let overflow: OverflowPolicy
    let subnormals: SubnormalPolicy
    /// `nearestAway` or `odd`, which MPFR lacks and `round(_:)` derives from its directions.
    var derived: RoundingMode? = nil

    /// MPFR's emin for the format: the smallest subnormal 2^(minNormalExponent − mantissaBits)
    /// is 0.1b × 2^emin. float64: −1022 − 53 + 2 = −1073.
    var emulationEmin: Int { format.minNormalExponent - format.precision + 2 }
    /// MPFR's emax for the format: values below 2^(maxExponent + 1). float64: 1024.
    var emulationEmax: Int { format.maxExponent + 1 }

    /// Rounds the result of `compute` into the format. `compute` must write its correctly
    /// rounded result into the given destination (precision p) in the given direction and
    /// return MPFR's ternary value; it runs with the widest exponent range and clear flags.
    /// NaN operands must have been handled by the caller: a NaN result here means `invalid`.
    func round(_ compute: (mpfr_ptr, mpfr_rnd_t) -> Int32) -> Rounded {
        if let derived { return roundDerived(derived, compute) }
        return MPFRThreadState.isolated {
            let result = MPFRValue(precision: format.precision)
            let maxFinite = MPFRValue(bits: format.maxFiniteBits, format: format)
            let scratch = MPFRValue(precision: 64)
            mpfr_clear_flags()
            let ternary = compute(result.pointer, direction.mpfr)
            return withExtendedLifetime((result, maxFinite, scratch)) {
                finish(result.pointer, ternary: ternary, mpfrFlags: mpfr_flags_save(), maxFinite: maxFinite.pointer, scratch: scratch.pointer)
            }
        }
    }

    /// Turns MPFR's result `x` (precision p, computed in the widest exponent range with clear
    /// flags; `ternary` and `mpfrFlags` are what the computation returned and raised) into the
    /// format's code and IEEE flags. Runs inside ``MPFRThreadState/isolated(_:)``; may round
    /// `x` again in place (subnormals). `maxFinite` holds the format's largest finite value and
    /// `scratch` is a 64-bit value for ``encode(_:scratch:)``: ``round(_:)`` makes them per
    /// call, ``MPFRCodeEvaluator`` once per thread.
    func finish(_ x: mpfr_ptr, ternary: Int32, mpfrFlags: mpfr_flags_t, maxFinite: mpfr_srcptr, scratch: mpfr_ptr) -> Rounded {
        let negative = cmpfr_signbit(x) != 0
        let isZero = mpfr_zero_p(x) != 0
        if mpfr_nan_p(x) != 0 {
            return nan(negative: negative, flags: .invalid)
        }
        if mpfr_inf_p(x) != 0 {
            // Only an exact infinity (an infinite operand, or x/0) or an overflow of MPFR's
            // widest range (|x| ≥ 2^(2^62)) gets here.
            if mpfrFlags & mpfr_flags_t(MPFR_FLAGS_OVERFLOW) != 0 { return overflowResult(negative: negative) }
            var rounded = infinity(negative: negative)
            if mpfrFlags & mpfr_flags_t(MPFR_FLAGS_DIVBY0) != 0 { rounded.flags.insert(.divideByZero) }
            return rounded
        }
        if negative && !format.isSigned && !(isZero && ternary == 0) {
            return nan(negative: true, flags: .invalid)
        }
        if isZero && ternary == 0 {
            return zero(negative: negative)
        }
        if !isZero && mpfr_cmpabs(x, maxFinite) > 0 {
            return overflowResult(negative: negative)
        }
        // A zero with a nonzero ternary value underflowed even MPFR's widest range: tiny.
        let tiny = isZero || Int(mpfr_get_exp(x)) - 1 < format.minNormalExponent
        guard tiny else {
            return Rounded(bits: encode(x, scratch: scratch), flags: ternary != 0 ? .inexact : [])
        }
        if !format.hasZero {
            // No zero and no subnormals (float8_e8m0fnu): the smallest code stands in.
            return Rounded(bits: negative ? format.signMask : 0, flags: [.underflow, .inexact])
        }
        if subnormals == .flush {
            return Rounded(bits: zero(negative: negative).bits, flags: [.underflow, .inexact])
        }
        let subnormalTernary = MPFRThreadState.withExponentRange(emin: emulationEmin, emax: emulationEmax) {
            let ranged = mpfr_check_range(x, ternary, direction.mpfr)
            return mpfr_subnormalize(x, ranged, direction.mpfr)
        }
        let flags: FloatFlags = subnormalTernary != 0 ? [.underflow, .inexact] : []
        if mpfr_zero_p(x) != 0 {
            return Rounded(bits: zero(negative: negative).bits, flags: flags)
        }
        return Rounded(bits: encode(x, scratch: scratch), flags: flags)
    }

    /// Encodes a finite nonzero value that the format represents exactly.
    ///
    /// Sign bit at `exponentBits + mantissaBits` (signed formats only); a normal value
    /// `1.f × 2^e` gets biased exponent `e + bias` and fraction `f`; a value below
    /// `2^minNormalExponent` (formats with zero) is subnormal: biased exponent 0 and fraction
    /// `|x| / 2^(minNormalExponent − mantissaBits)`. Results of at most 64 bits are read from
    /// their one limb; wider ones are scaled in `scratch` (precision 64, overwritten).
    func encode(_ x: mpfr_srcptr, scratch: mpfr_ptr) -> UInt64 {
        let mantissaBits = format.mantissaBits
        let leadingExponent = Int(mpfr_get_exp(x)) - 1
        let isSubnormal = format.hasZero && leadingExponent < format.minNormalExponent
        let lsbExponent = (isSubnormal ? format.minNormalExponent : leadingExponent) - mantissaBits
        // |x| / 2^lsbExponent, an integer below 2^(mantissaBits + 1).
        let significand: UInt64
        if mpfr_get_prec(x) <= 64 {
            // One limb holds the significand left-aligned: |x| = limb × 2^(E − 64), E = mpfr_get_exp.
            let limb = UInt64(mpfr_custom_get_significand(x)!.assumingMemoryBound(to: mp_limb_t.self).pointee)
            let shift = lsbExponent - (leadingExponent + 1 - 64)
            precondition(shift >= 0 && shift < 64 && limb & ((1 << UInt64(shift)) - 1) == 0, "value is not on the \(format.name) grid")
            significand = limb >> UInt64(shift)
        } else {
            // Exact at 64 bits.
            mpfr_mul_2si(scratch, x, -lsbExponent, MPFR_RNDN)
            mpfr_abs(scratch, scratch, MPFR_RNDN)
            precondition(mpfr_integer_p(scratch) != 0, "value is not on the \(format.name) grid")
            significand = UInt64(mpfr_get_ui(scratch, MPFR_RNDN))
        }
        let sign: UInt64 = mpfr_signbit(x) != 0 ? format.signMask : 0
        if isSubnormal {
            precondition(significand < 1 << UInt64(mantissaBits))
            return sign | significand
        }
        let biased = leadingExponent + format.bias
        precondition(biased >= 0 && biased <= format.maxFiniteBiasedExponent && significand >> UInt64(mantissaBits) == 1,
                     "value is outside the \(format.name) range")
        return sign | UInt64(biased) << UInt64(mantissaBits) | (significand & format.mantissaMask)
    }

    /// A NaN result: the format's canonical NaN (IEEE quiet NaN, fn all-ones, both keeping the
    /// sign; the fnuz NaN 0x80), or, in finite-only formats, code 0 with `invalid`.
    func nan(negative: Bool, flags: FloatFlags) -> Rounded {
        switch format.nonFinite {
        case .ieee, .nanAllOnes:
            return Rounded(bits: format.nanBits! | (negative ? format.signMask : 0), flags: flags)
        case .nanNegativeZero:
            return Rounded(bits: format.nanBits!, flags: flags)
        case .finiteOnly:
            return Rounded(bits: 0, flags: flags.union(.invalid))
        }
    }

    /// An exact infinity: ±inf in IEEE formats; otherwise a stand-in with `invalid` — ±max
    /// under the saturate policy or in finite-only formats, NaN in fn/fnuz formats.
    func infinity(negative: Bool) -> Rounded {
        if negative && !format.isSigned { return nan(negative: true, flags: .invalid) }
        let sign = negative ? format.signMask : 0
        if let infinity = format.infinityBits { return Rounded(bits: sign | infinity) }
        if overflow == .saturate || format.nonFinite == .finiteOnly {
            return Rounded(bits: sign | format.maxFiniteBits, flags: .invalid)
        }
        return nan(negative: negative, flags: .invalid)
    }

    /// An exact zero: ±0, +0 where the format has no −0 (fnuz, unsigned), NaN with `invalid`
    /// in formats without zero (float8_e8m0fnu).
    func zero(negative: Bool) -> Rounded {
        guard format.hasZero else { return nan(negative: negative, flags: .invalid) }
        return Rounded(bits: negative && format.hasNegativeZero ? format.signMask : 0)
    }

    /// A result beyond the largest finite value: ±max when the policy saturates, the format
    /// is finite-only, or the direction points back toward zero (toward zero; `up` for
    /// negative and `down` for positive results); otherwise ±inf, or NaN in fn/fnuz formats.
    /// Always `overflow` and `inexact`.
    func overflowResult(negative: Bool) -> Rounded {
        let flags: FloatFlags = [.overflow, .inexact]
        let sign = negative ? format.signMask : 0
        if overflow == .saturate || format.nonFinite == .finiteOnly
            || direction.overflowsToMaxFinite(negative: negative)
        {
            return Rounded(bits: sign | format.maxFiniteBits, flags: flags)
        }
        if let infinity = format.infinityBits { return Rounded(bits: sign | infinity, flags: flags) }
        return nan(negative: negative, flags: flags)
    }
}
