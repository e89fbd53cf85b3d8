import SoftFloat

/// Arm A64 `BFDOT` and `BFMMLA` without FEAT_EBF16 (or with FPCR.EBF = 0), for one element of
/// D, as the Arm Architecture Reference Manual's shared pseudocode gives it (`BFDotAdd`,
/// `BFMulH`, `FPAdd_BF16`, `BFUnpack`, `BFRound`):
///
///     BFDotAdd(addend, a₀, a₁, b₀, b₁) = FPAdd_BF16(addend, FPAdd_BF16(BFMulH(a₀, b₀), BFMulH(a₁, b₁)))
///
/// `BFDOT` is one `BFDotAdd` per f32 element (K = 2); `BFMMLA` chains two per element of its
/// 2×2 result (K = 4: elements 0–1, then 2–3). Every step is rounded to f32 by `BFRound`:
/// round to odd (truncate, then set the last bit when anything was dropped), a result whose
/// exact exponent is below −126 becomes a zero of its sign, and one of 2^128 or more becomes
/// an infinity. `BFUnpack` reads every subnormal operand (bf16 inputs, the addend, partial
/// sums) as a zero of its sign and every NaN as quiet; any NaN, inf·0 or inf − inf gives the
/// default NaN 0x7fc00000. An exact zero sum of nonzero terms is +0.
///
///     // a = [1 + 2^-7, 0], b = [1 + 2^-7, 0] (bf16 0x3f81, 0), c = 2^25 (0x4c000000):
///     // product 1 + 2^-6 + 2^-14 (exact); 2^25 + 1.0157… has ulp 4: truncated to 2^25, and
///     // inexact, so made odd: 2^25 + 4 → 0x4c000001 (nearest-even would give 2^25, 0x4c000000)
enum ArmBFloat16DotProduct {
    static let defaultNaN: UInt64 = 0x7fc0_0000
    static let options = RoundingOptions(rounding: .odd, subnormals: .flush)
    static let single = FloatFormat.float32

    /// `BFUnpack` on an f32 code: a subnormal becomes the zero of its sign; nil for a NaN.
    @inline(__always) static func unpacked(_ code: UInt64) -> UInt64? {
        if code & 0x7f80_0000 == 0x7f80_0000 && code & 0x007f_ffff != 0 { return nil }
        return code & 0x7f80_0000 == 0 ? code & 0x8000_0000 : code
    }

    /// `BFRound`'s range rules on an f32 result rounded to odd with flushing: NaN → the
    /// default NaN, overflow → infinity (round to odd alone would stop at the largest finite).
    @inline(__always) static func finished(_ rounded: Rounded) -> UInt64 {
        if single.classify(rounded.bits) == .nan { return defaultNaN }
        if rounded.flags.contains(.overflow) { return single.packInfinity(negative: rounded.bits & 0x8000_0000 != 0).bits }
        return rounded.bits
    }

    /// `BFMulH`: the f32 product of two bf16 codes (exact in 16 bits, so only the range rules round).
    static func product(_ x: UInt64, _ y: UInt64) -> UInt64 {
        guard let x = unpacked((x & 0xffff) << 16), let y = unpacked((y & 0xffff) << 16) else { return defaultNaN }
        return finished(single.multiply(x, y, options: options))
    }

    /// `FPAdd_BF16` of two f32 codes.
    static func sum(_ x: UInt64, _ y: UInt64) -> UInt64 {
        guard let x = unpacked(x), let y = unpacked(y) else { return defaultNaN }
        return finished(single.add(x, y, options: options))
    }

    /// d for one element: `a.count` (even) bf16 codes of A and of B, C an f32 code; one
    /// `BFDotAdd` per pair, in index order.
    static func evaluate(a: UnsafeBufferPointer<UInt64>, b: UnsafeBufferPointer<UInt64>, c: UInt64) -> UInt64 {
        var accumulator = c & 0xffff_ffff
        var index = 0
        while index + 1 < a.count {
            accumulator = sum(accumulator, sum(product(a[index], b[index]), product(a[index + 1], b[index + 1])))
            index += 2
        }
        return accumulator
    }
}
