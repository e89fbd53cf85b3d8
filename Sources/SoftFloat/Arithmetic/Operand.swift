/// An operand unpacked for arithmetic: a finite nonzero value `(−1)^negative × significand ×
/// 2^exponent`, or a marker that the operand is special (zero, infinity or NaN) and must take
/// the slow path through ``FloatFormat/decode(_:)``.
///
///     FloatFormat.float16.unpack(0x3c00)   // finite, significand 0x400, exponent −10: 1024 × 2^-10 = 1
///     FloatFormat.float16.unpack(0x7c00)   // isSpecial: infinity
@usableFromInline
struct Operand {
    @usableFromInline var negative: Bool
    @usableFromInline var significand: UInt64
    @usableFromInline var exponent: Int
    /// True for zero, infinity and NaN.
    @usableFromInline var isSpecial: Bool

    @inlinable init(negative: Bool, significand: UInt64, exponent: Int, isSpecial: Bool) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
        self.isSpecial = isSpecial
    }
}

extension FloatFormat {
    /// Unpacks a code with a handful of shifts and masks: normal codes (the common case) never
    /// reach the general ``decode(_:)``, whose classification covers every format family.
    @inlinable @inline(always)
    func unpack(_ bits: UInt64) -> Operand {
        let biased = (bits &>> UInt64(truncatingIfNeeded: mantissaBits)) & exponentFieldMask
        // Biased exponents strictly between 0 and all ones are normal in every family; one
        // unsigned comparison tests both ends (0 wraps around to the largest UInt64).
        if biased &- 1 < exponentFieldMask &- 1 {
            return Operand(
                negative: bits & signMask != 0,
                significand: (bits & mantissaMask) | (mantissaMask &+ 1),
                exponent: Int(truncatingIfNeeded: biased) &- bias &- mantissaBits,
                isSpecial: false)
        }
        return unpackEdge(bits)
    }

    /// Zero, subnormal, the all-ones binade, and formats without zero: the general decoder,
    /// except for the numbers in the all-ones binade of formats without infinity
    /// (float8_e4m3fn: 0x78–0x7e are 256–448, 0x7f is NaN), which unpack like any normal code.
    @usableFromInline
    func unpackEdge(_ bits: UInt64) -> Operand {
        let biased = (bits &>> UInt64(truncatingIfNeeded: mantissaBits)) & exponentFieldMask
        if biased == exponentFieldMask && nonFinite != .ieee && bits & magnitudeMask != magnitudeMask {
            return Operand(
                negative: bits & signMask != 0,
                significand: (bits & mantissaMask) | (mantissaMask &+ 1),
                exponent: Int(truncatingIfNeeded: biased) &- bias &- mantissaBits,
                isSpecial: false)
        }
        switch decode(bits) {
        case .finite(let negative, let significand, let exponent):
            return Operand(negative: negative, significand: significand, exponent: exponent, isSpecial: false)
        case .zero(let negative), .infinity(let negative), .nan(let negative, _):
            return Operand(negative: negative, significand: 0, exponent: 0, isSpecial: true)
        }
    }
}
