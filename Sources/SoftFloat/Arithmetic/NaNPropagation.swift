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
///    and `invalid` is raised — the same stand-in ``FloatFormat/packNaN(negative:payload:flags:)``
///    uses for conversions. Such formats have no NaN operands, so only rule 3 applies.
/// 6. **Unsigned float8_e8m0fnu** has no zero and no negatives: a result that would be zero or
///    negative (1 − 1, 1 − 2, 0x00 × 2^-127 rounding to 0 under the flush policy …) is its
///    NaN 0xff with `invalid`, decided by the rounding core.
public enum NaNPropagation {
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
