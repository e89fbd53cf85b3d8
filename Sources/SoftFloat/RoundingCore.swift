/// The one rounding core. Every conversion and every arithmetic operation ends here.
///
/// This is Berkeley SoftFloat's `roundPack` idea, generalised to any ``FloatFormat`` and with
/// the mode, policies and flags passed explicitly: the caller supplies the exact value as
/// `(−1)^sign × (significand + tail) × 2^exponent`, where `tail` is some number strictly
/// between 0 and 1 when `sticky` is set (bits shifted out earlier, "jammed"), and gets back
/// the code plus the IEEE flags.
///
///     // 464 = 29 × 2^4 into float8_e4m3fn: a tie between 448 and 480 → 448 (even mantissa).
///     RoundingCore.roundPack(negative: false, exponent: 4, significand: 29, sticky: false,
///                            format: .float8_e4m3fn, options: .standard)
///     // Rounded(bits: 0x7e, flags: .inexact)
public enum RoundingCore {
    /// Rounds an exact nonzero value (or zero, when `significand == 0 && !sticky`) to `format`.
    ///
    /// - Parameters:
    ///   - negative: the sign of the value.
    ///   - exponent: the scale of the significand's least significant bit.
    ///   - significand: the integer significand, any width up to 128 bits.
    ///   - sticky: true when a nonzero tail below the significand's last bit was discarded.
    ///   - random: 64 uniformly random bits, read only by ``RoundingMode/stochastic``.
    /// - Returns: the code and flags. Overflow is checked after rounding, tininess after
    ///   rounding, and the subnormal and overflow policies of `options` are applied.
    public static func roundPack(
        negative: Bool, exponent: Int, significand: UInt128, sticky: Bool,
        format: FloatFormat, options: RoundingOptions, random: UInt64 = 0
    ) -> Rounded {
        if significand >> 64 == 0 {
            return roundPackAnyWidth(negative: negative, exponent: exponent, significand: UInt64(significand),
                                     sticky: sticky, format: format, options: options, random: random)
        }
        return roundPackAnyWidth(negative: negative, exponent: exponent, significand: significand,
                                 sticky: sticky, format: format, options: options, random: random)
    }

    /// ``roundPack(negative:exponent:significand:sticky:format:options:random:)`` for a
    /// significand that fits in 64 bits (conversions, and products of formats up to 32 bits).
    @inlinable
    public static func roundPack(
        negative: Bool, exponent: Int, significand: UInt64, sticky: Bool,
        format: FloatFormat, options: RoundingOptions, random: UInt64 = 0
    ) -> Rounded {
        roundPackAnyWidth(negative: negative, exponent: exponent, significand: significand,
                          sticky: sticky, format: format, options: options, random: random)
    }

    /// The rounding itself, for any unsigned significand width. It is generic only so that
    /// the common ≤ 64-bit significands run in 64-bit registers; there is one algorithm.
    ///
    /// The case that nearly every operation ends in — nearest-even, a result in the normal
    /// range — is answered inline by ``roundPackNormalNearestEven(negative:exponent:significand:sticky:format:options:)``
    /// in about twenty instructions; everything else (other modes, subnormal results,
    /// overflow, policies) takes the out-of-line ``roundPackGeneral(negative:exponent:significand:sticky:format:options:random:)``.
    /// Both are the same rounding: the fast one is the general one with the branches that
    /// cannot be taken in that case removed. `RoundingCoreFastPathTests` feeds both 3.3 million
    /// values biased towards ties, sticky tails, carries and range edges and requires equal
    /// bits and flags; the MPFR tests check the sum of the two against an independent oracle.
    @inlinable @inline(always)
    static func roundPackAnyWidth<Significand: FixedWidthInteger & UnsignedInteger>(
        negative: Bool, exponent: Int, significand: Significand, sticky: Bool,
        format: FloatFormat, options: RoundingOptions, random: UInt64 = 0
    ) -> Rounded {
        if let rounded = roundPackNormalNearestEven(
            negative: negative, exponent: exponent, significand: significand, sticky: sticky,
            format: format, options: options)
        {
            return rounded
        }
        return roundPackGeneral(negative: negative, exponent: exponent, significand: significand, sticky: sticky,
                                format: format, options: options, random: random)
    }

    /// Nearest-even rounding of a value whose result is a normal number of `format`, or nil
    /// when the value is not that case (another mode, zero, below the normal range, beyond
    /// the largest finite value, a negative value in an unsigned format).
    ///
    /// The significand's leading bit fixes the binade, so the result's mantissa is the top
    /// `mantissaBits + 1` bits, plus one when the discarded fraction (left-aligned in the
    /// register, so that one half is the top bit) is above one half, or exactly one half with
    /// an odd kept part. A carry out of the mantissa needs no special case: the code is built
    /// by *adding* the rounded significand to the exponent field, so 2^(m+1) bumps the exponent.
    ///
    ///     // float16, 1 + 2^-10 + 2^-11 = 0x803 × 2^-11 (a tie, odd kept part):
    ///     // leading bit 11, shift 1, kept 0x401 + 1 = 0x402; biased exponent 15: 0x3c00 + 0x402 − 0x400 = 0x3c02
    ///     RoundingCore.roundPackNormalNearestEven(negative: false, exponent: -11, significand: 0x803 as UInt64,
    ///                                             sticky: false, format: .float16, options: .standard)
    ///     // Rounded(bits: 0x3c02, flags: .inexact)
    @inlinable @inline(always)
    static func roundPackNormalNearestEven<Significand: FixedWidthInteger & UnsignedInteger>(
        negative: Bool, exponent: Int, significand: Significand, sticky: Bool,
        format: FloatFormat, options: RoundingOptions
    ) -> Rounded? {
        guard options.rounding == .nearestEven, significand != 0, !negative || format.isSigned else { return nil }
        let width = Significand.bitWidth
        let leadingBit = width &- 1 &- significand.leadingZeroBitCount
        let valueExponent = exponent &+ leadingBit
        let biasedExponent = valueExponent &+ format.bias
        guard valueExponent >= format.minNormalExponent, biasedExponent <= format.maxFiniteBiasedExponent else { return nil }
        let mantissaBits = format.mantissaBits
        let shift = leadingBit &- mantissaBits
        var kept: Significand
        let inexact: Bool
        if shift > 0 {  // 1 ≤ shift ≤ width − 1
            kept = significand &>> Significand(truncatingIfNeeded: shift)
            // The discarded bits, left-aligned: one half is the top bit. Bit 0 is always a
            // shifted-in zero, so the sticky tail can be jammed there without changing any
            // comparison with one half except "exactly half" → "above half".
            let fraction = significand &<< Significand(truncatingIfNeeded: width &- shift) | (sticky ? 1 : 0)
            let half = Significand(1) &<< Significand(truncatingIfNeeded: width &- 1)
            // Branch-free nearest-even: fraction + (half − 1 + odd) carries out of the register
            // exactly when fraction > half, or fraction == half and the kept part is odd.
            let (_, roundsUp) = fraction.addingReportingOverflow((half &- 1) &+ (kept & 1))
            kept &+= roundsUp ? 1 : 0
            inexact = fraction != 0
        } else {  // the whole significand fits; a tail is below half an ulp
            kept = significand &<< Significand(truncatingIfNeeded: 0 &- shift)
            inexact = sticky
        }
        let implicitBit = UInt64(1) &<< UInt64(truncatingIfNeeded: mantissaBits)
        let magnitude = (UInt64(truncatingIfNeeded: biasedExponent) &<< UInt64(truncatingIfNeeded: mantissaBits))
            &+ (UInt64(truncatingIfNeeded: kept) &- implicitBit)
        guard magnitude <= format.maxFiniteBits else { return nil }  // rounded up past the largest finite
        return Rounded(bits: (negative ? format.signMask : 0) | magnitude, flags: inexact ? .inexact : [])
    }

    /// Every case of the rounding: all modes, subnormal and tiny results, overflow, the
    /// subnormal and overflow policies, formats without zero or sign.
    @inlinable @inline(never)
    static func roundPackGeneral<Significand: FixedWidthInteger & UnsignedInteger>(
        negative: Bool, exponent: Int, significand: Significand, sticky: Bool,
        format: FloatFormat, options: RoundingOptions, random: UInt64 = 0
    ) -> Rounded {
        guard significand != 0 else {
            // Callers jam a tail into a nonzero significand; a bare tail has no defined scale.
            return sticky ? packTinyTail(negative: negative, exponent: exponent, format: format, options: options, random: random)
                          : packZero(negative: negative, format: format)
        }
        if negative && !format.isSigned {
            return NaNPropagation.invalid(format: format)
        }
        let mantissaBits = format.mantissaBits
        let minNormalExponent = format.minNormalExponent
        let leadingBit = Significand.bitWidth - 1 - significand.leadingZeroBitCount
        // The value lies in [2^valueExponent, 2^(valueExponent + 1)).
        let valueExponent = exponent + leadingBit
        if valueExponent > format.maxFiniteBiasedExponent - format.bias + 1 {
            // At least 2^(emax + 2): beyond the largest finite value however it rounds.
            return packOverflow(negative: negative, format: format, options: options)
        }
        if valueExponent < minNormalExponent - mantissaBits - 1 && format.hasZero && options.rounding != .stochastic {
            // Below half the smallest subnormal: tiny and inexact; zero, or the smallest
            // subnormal in the modes that round away from zero (the general steps below
            // give the same, with more work).
            return packFarBelowSubnormals(negative: negative, format: format, options: options)
        }
        let isBelowNormalRange = valueExponent < minNormalExponent
        let keepsSubnormals = format.hasZero && options.subnormals == .keep
        let fullPrecisionLSB = valueExponent - mantissaBits
        let lsbExponent = isBelowNormalRange && keepsSubnormals ? minNormalExponent - mantissaBits : fullPrecisionLSB

        var (kept, inexact) = roundSignificand(
            significand, sticky: sticky, shift: lsbExponent - exponent,
            negative: negative, mode: options.rounding, random: random)
        var resultLSB = lsbExponent
        if kept >> (mantissaBits + 1) != 0 {  // carried into the next binade
            kept >>= 1
            resultLSB += 1
        }
        var flags: FloatFlags = inexact ? .inexact : []

        if isBelowNormalRange {
            // Tininess after rounding: would rounding to full precision reach 2^minNormalExponent?
            let tiny: Bool
            if lsbExponent == fullPrecisionLSB {
                tiny = kept == 0 || resultLSB + mantissaBits < minNormalExponent
            } else if valueExponent == minNormalExponent - 1 {
                let (fullKept, _) = roundSignificand(
                    significand, sticky: sticky, shift: fullPrecisionLSB - exponent,
                    negative: negative, mode: options.rounding, random: random)
                tiny = fullKept >> (mantissaBits + 1) == 0
            } else {
                tiny = true
            }
            if tiny {
                if !format.hasZero {
                    // No zero and no subnormals (E8M0): every tiny value becomes the smallest code.
                    return Rounded(bits: 0, flags: [.underflow, .inexact])
                }
                if !keepsSubnormals {
                    return Rounded(bits: packZero(negative: negative, format: format).bits, flags: [.underflow, .inexact])
                }
                if inexact { flags.insert(.underflow) }
            }
            if kept == 0 {
                return Rounded(bits: packZero(negative: negative, format: format).bits, flags: flags)
            }
        }

        let implicitBit = Significand(1) << mantissaBits
        let signBit = negative ? format.signMask : 0
        if kept < implicitBit {  // subnormal: biased exponent 0
            return Rounded(bits: signBit | UInt64(kept), flags: flags)
        }
        let biasedExponent = resultLSB + mantissaBits + format.bias
        let mantissa = UInt64(kept - implicitBit)
        if biasedExponent > format.maxFiniteBiasedExponent
            || (biasedExponent == format.maxFiniteBiasedExponent
                && UInt64(biasedExponent) << UInt64(mantissaBits) | mantissa > format.maxFiniteBits)
        {
            return packOverflow(negative: negative, format: format, options: options)
        }
        return Rounded(bits: signBit | UInt64(biasedExponent) << UInt64(mantissaBits) | mantissa, flags: flags)
    }

    /// Shifts `significand` right by `shift` bits and rounds the result according to `mode`.
    ///
    /// Returns the rounded integer (possibly one bit wider after a carry) and whether any
    /// nonzero bits were discarded.
    @inlinable @inline(__always)
    static func roundSignificand<Significand: FixedWidthInteger & UnsignedInteger>(
        _ significand: Significand, sticky: Bool, shift: Int,
        negative: Bool, mode: RoundingMode, random: UInt64
    ) -> (Significand, Bool) {
        let width = Significand.bitWidth
        if shift <= 0 {
            let kept = significand << -shift
            guard sticky else { return (kept, false) }
            // Only the tail is discarded: below half an ulp, but not zero.
            return (adjust(kept, discardedAboveHalf: false, tie: false, inexact: true,
                           fraction64: 0, negative: negative, mode: mode, random: random), true)
        }
        let kept: Significand
        let discarded: Significand
        let half: Significand
        if shift >= width {
            kept = 0
            discarded = significand
            half = shift == width ? Significand(1) << (width - 1) : 0
        } else {
            kept = significand >> shift
            discarded = significand & ((Significand(1) << shift) &- 1)
            half = Significand(1) << (shift - 1)
        }
        let inexact = discarded != 0 || sticky
        guard inexact else { return (kept, false) }
        let aboveHalf: Bool
        let tie: Bool
        if shift > width {
            aboveHalf = false  // discarded < 2^width ≤ half an ulp
            tie = false
        } else {
            aboveHalf = discarded > half || (discarded == half && sticky)
            tie = discarded == half && !sticky
        }
        var fraction64: UInt64 = 0
        if mode == .stochastic {
            if shift <= 64 {
                fraction64 = UInt64(truncatingIfNeeded: discarded) << UInt64(64 - shift)
            } else if shift - 64 < width {
                fraction64 = UInt64(truncatingIfNeeded: discarded >> (shift - 64))
            }
        }
        return (adjust(kept, discardedAboveHalf: aboveHalf, tie: tie, inexact: true,
                       fraction64: fraction64, negative: negative, mode: mode, random: random), true)
    }

    @inlinable @inline(__always)
    static func adjust<Significand: FixedWidthInteger & UnsignedInteger>(
        _ kept: Significand, discardedAboveHalf: Bool, tie: Bool, inexact: Bool,
        fraction64: UInt64, negative: Bool, mode: RoundingMode, random: UInt64
    ) -> Significand {
        let increment: Bool
        switch mode {
        case .nearestEven: increment = discardedAboveHalf || (tie && kept & 1 == 1)
        case .nearestAway: increment = discardedAboveHalf || tie
        case .towardZero: increment = false
        case .up: increment = inexact && !negative
        case .down: increment = inexact && negative
        case .odd: return inexact ? kept | 1 : kept
        case .stochastic: increment = random < fraction64
        }
        return increment ? kept + 1 : kept
    }

    /// The code of ±0 in `format`: +0 in fnuz formats (they have no −0), NaN with `invalid`
    /// in formats without zero (float8_e8m0fnu, matching ml_dtypes).
    public static func packZero(negative: Bool, format: FloatFormat) -> Rounded {
        guard format.hasZero else { return NaNPropagation.invalid(format: format) }
        return Rounded(bits: negative && format.hasNegativeZero ? format.signMask : 0)
    }

    /// A value below half the smallest subnormal of a format with zero (nonzero, not
    /// stochastic): ±0 or the smallest subnormal, with `underflow` and `inexact`.
    ///
    ///     // float16, 2^-26 (half of 2^-24 is 2^-25): +0 under nearest-even, 0x0001 under `.up`
    @usableFromInline
    static func packFarBelowSubnormals(negative: Bool, format: FloatFormat, options: RoundingOptions) -> Rounded {
        let flags: FloatFlags = [.underflow, .inexact]
        let roundsAway: Bool
        switch options.rounding {
        case .up: roundsAway = !negative
        case .down: roundsAway = negative
        case .odd: roundsAway = true
        case .nearestEven, .nearestAway, .towardZero, .stochastic: roundsAway = false
        }
        guard roundsAway && options.subnormals == .keep else {
            return Rounded(bits: packZero(negative: negative, format: format).bits, flags: flags)
        }
        return Rounded(bits: (negative ? format.signMask : 0) | 1, flags: flags)
    }

    /// The result of an overflow under `options`: ±infinity, NaN (fn/fnuz) or ±max finite.
    public static func packOverflow(negative: Bool, format: FloatFormat, options: RoundingOptions) -> Rounded {
        let flags: FloatFlags = [.overflow, .inexact]
        let signBit = negative ? format.signMask : 0
        if options.overflow == .saturate || format.nonFinite == .finiteOnly
            || options.rounding.overflowsToMaxFinite(negative: negative)
        {
            return Rounded(bits: signBit | format.maxFiniteBits, flags: flags)
        }
        if let infinity = format.infinityBits { return Rounded(bits: signBit | infinity, flags: flags) }
        return Rounded(bits: NaNPropagation.canonical(negative: negative, format: format), flags: flags)
    }

    /// The canonical NaN of `format` with the given sign where the format can carry one.
    @available(*, deprecated, renamed: "NaNPropagation.canonical(negative:format:)")
    public static func nanCode(negative: Bool, format: FloatFormat) -> UInt64 {
        NaNPropagation.canonical(negative: negative, format: format)
    }

    /// A value known only to be a nonzero tail below 2^exponent: treated as 2^(exponent − 1)
    /// plus a sticky remainder, which rounds identically whenever 2^exponent is below half an ulp.
    @usableFromInline
    static func packTinyTail(negative: Bool, exponent: Int, format: FloatFormat, options: RoundingOptions, random: UInt64) -> Rounded {
        roundPack(negative: negative, exponent: exponent - 2, significand: 1 as UInt64, sticky: true,
                  format: format, options: options, random: random)
    }
}
