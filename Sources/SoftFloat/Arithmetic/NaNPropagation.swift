/// The one place where PrecisionLab decides which NaN an operation returns, in the manner of
/// Berkeley SoftFloat's "specialization" files.
///
/// The rule, for every operation and every format:
///
/// 1. **Signaling NaNs raise `invalid`.** Only IEEE-family formats have them (a NaN whose
///    quiet bit, the top mantissa bit, is clear: float16 0x7c01…0x7dff). `fn` and `fnuz` NaNs
///    are quiet.
/// 2. **The first NaN operand wins, quieted.** Operands are scanned in argument order (a, then
///    b, then c for fused multiply-add); the first NaN is returned with its sign and payload
///    and the quiet bit set:
///
///        float16: add(0x7d01, 0x7e55)   // 0x7f01 (a's payload, quieted) with invalid
///        float16: add(0x3c00, 0xfe55)   // 0xfe55 (b's, sign kept), no flags
///
///    `fn` formats keep the sign of the NaN (float8_e4m3fn 0x7f or 0xff); `fnuz` formats have
///    the single NaN 0x80.
/// 3. **An invalid operation on numbers gives the default NaN with `invalid`:** ∞ − ∞, 0 × ∞,
///    0 / 0, ∞ / ∞, √x for x < 0, remainder(∞, y) and remainder(x, 0). The default NaN is
///    ``FloatFormat/nanBits``: positive, quiet, zero payload (float32 0x7fc00000, float16
///    0x7e00, float8_e4m3fn 0x7f, fnuz 0x80), as on ARM and RISC-V.
/// 4. **fma(0, ∞, c) raises `invalid` even when c is a quiet NaN**, and returns c quieted (as
///    SoftFloat does; IEEE 754 leaves the flag to the implementation).
/// 5. **Formats without NaN** (finite-only float6/float4): the NaN result is replaced by +0
///    and `invalid` is raised — the same stand-in conversions use (rule 7). Such formats have
///    no NaN operands, so only rule 3 applies.
/// 6. **Unsigned float8_e8m0fnu** has no zero and no negatives: a result that would be zero or
///    negative (1 − 1, 1 − 2, 0x00 × 2^-127 rounding to 0 under the flush policy …) is its
///    NaN 0xff with `invalid` (``invalid(format:)``, called by the rounding core).
/// 7. **Conversions** (between formats, from a hardware float, scaled by a power of two) keep
///    the NaN's sign and, between IEEE formats, as many top payload bits as the target holds,
///    with the quiet bit set; a signaling source raises `invalid`. fn targets give 0x7f/0xff,
///    fnuz targets 0x80, formats without NaN +0 with `invalid`:
///
///        float32 0xff800001 → float16   // 0xfe00 with invalid (signaling; low payload bits dropped)
///        float32 0x7fd00000 → float16   // 0x7e80 (quiet; top payload bits kept)
///        float32 0xffc00000 → float8_e4m3fn  // 0xff
/// 8. **The NaN an overflow or a missing infinity becomes** in fn/fnuz formats is the
///    canonical NaN with the value's sign where the format can carry one
///    (``canonical(negative:format:)``); the rounding core and ``FloatFormat/packInfinity(negative:options:)``
///    ask for it here.
public enum NaNPropagation {
    /// The canonical NaN of `format` with the given sign where the format can carry one
    /// (IEEE: 0x7e00/0xfe00 for float16; fn: 0x7f/0xff; fnuz: always 0x80), or 0 in a format
    /// without NaN.
    @inlinable
    public static func canonical(negative: Bool, format: FloatFormat) -> UInt64 {
        guard let nan = format.nanBits else { return 0 }
        switch format.nonFinite {
        case .ieee, .nanAllOnes: return nan | (negative ? format.signMask : 0)
        case .nanNegativeZero, .finiteOnly: return nan
        }
    }

    /// The NaN a conversion delivers (rule 7) for a NaN source given by its sign, its payload
    /// left-aligned in 64 bits (the top bit is the source's quiet bit; 0 for a source without
    /// payloads) and whether it is signaling.
    public static func converted(negative: Bool, payload: UInt64, signaling: Bool, to target: FloatFormat) -> Rounded {
        let flags: FloatFlags = signaling ? .invalid : []
        switch target.nonFinite {
        case .ieee:
            let kept = payload >> UInt64(64 - target.mantissaBits)
            let quiet = UInt64(1) << UInt64(target.mantissaBits - 1)
            return Rounded(bits: (negative ? target.signMask : 0) | target.infinityBits! | kept | quiet, flags: flags)
        case .nanAllOnes, .nanNegativeZero:
            return Rounded(bits: canonical(negative: negative, format: target), flags: flags)
        case .finiteOnly:
            return Rounded(bits: 0, flags: flags.union(.invalid))
        }
    }

    /// The NaN a conversion of the NaN code `bits` of `source` delivers (rule 7).
    ///
    ///     NaNPropagation.converted(0x7fd00000, from: .float32, to: .float16)   // 0x7e80, no flags
    public static func converted(_ bits: UInt64, from source: FloatFormat, to target: FloatFormat) -> Rounded {
        guard case .nan(let negative, let payload) = source.decode(bits) else {
            preconditionFailure("\(source.hexString(bits)) is not a NaN of \(source.name)")
        }
        let isIEEE = source.nonFinite == .ieee
        return converted(negative: negative, payload: isIEEE ? payload << UInt64(64 - source.mantissaBits) : 0,
                         signaling: isSignaling(bits, format: source), to: target)
    }

    /// True for an IEEE signaling NaN: NaN with the quiet bit clear (float32 0x7f800001).
    @inlinable
    public static func isSignaling(_ bits: UInt64, format: FloatFormat) -> Bool {
        guard format.nonFinite == .ieee, format.isNaN(bits) else { return false }
        return bits & (1 << UInt64(format.mantissaBits - 1)) == 0
    }

    /// The quiet version of a NaN code of `format` (sign and payload kept).
    @inlinable
    public static func quieted(_ bits: UInt64, format: FloatFormat) -> UInt64 {
        switch format.nonFinite {
        case .ieee: return (bits & format.codeMask) | 1 << UInt64(format.mantissaBits - 1)
        case .nanAllOnes: return bits & format.codeMask
        case .nanNegativeZero: return format.signMask
        case .finiteOnly: return 0
        }
    }

    /// The default NaN with `invalid`, for an invalid operation on numbers (rule 3), or +0 with
    /// `invalid` in a format without NaN (rule 5).
    @inlinable
    public static func invalid(format: FloatFormat) -> Rounded {
        Rounded(bits: format.nanBits ?? 0, flags: .invalid)
    }

    /// The result of a one-operand operation whose operand is NaN.
    @inlinable
    public static func propagate(_ a: UInt64, format: FloatFormat) -> Rounded {
        Rounded(bits: quieted(a, format: format), flags: isSignaling(a, format: format) ? .invalid : [])
    }

    /// The result of a two-operand operation with at least one NaN operand: the first NaN,
    /// quieted; `invalid` when either operand is a signaling NaN.
    @inlinable
    public static func propagate(_ a: UInt64, _ b: UInt64, format: FloatFormat) -> Rounded {
        let flags: FloatFlags = isSignaling(a, format: format) || isSignaling(b, format: format) ? .invalid : []
        let first = format.isNaN(a) ? a : b
        return Rounded(bits: quieted(first, format: format), flags: flags)
    }

    /// The result of a three-operand operation with at least one NaN operand (rule 2).
    @inlinable
    public static func propagate(_ a: UInt64, _ b: UInt64, _ c: UInt64, format: FloatFormat) -> Rounded {
        let flags: FloatFlags = isSignaling(a, format: format) || isSignaling(b, format: format)
            || isSignaling(c, format: format) ? .invalid : []
        let first = format.isNaN(a) ? a : format.isNaN(b) ? b : c
        return Rounded(bits: quieted(first, format: format), flags: flags)
    }
}
