/// The exact sum of two signed binary terms, rounded once: the shared last step of addition,
/// subtraction and fused multiply-add.
///
/// Each term is `(−1)^negative × significand × 2^exponent`. The term whose leading bit is
/// higher is placed with that bit at position W − 3 of a W-bit window (W = 64, or 128 for
/// float64's fused multiply-add), leaving two bits of headroom; the other term is aligned to
/// it. If the other term reaches below bit 0, its low bits are shifted out and remembered as
/// a sticky bit ("shift right and jam").
///
/// A discarded tail `t` (0 < t < 1 in units of bit 0) is carried exactly in
/// ``RoundingCore/roundPack(negative:exponent:significand:sticky:format:options:random:)``'s
/// convention of "integer plus a tail strictly between 0 and 1":
///
///     big + (small + t) = (big + small) + t
///     big − (small + t) = (big − small − 1) + (1 − t)
///
/// For example 1 − 2^-80 in float32 (64-bit window): big = 2^61 (scale 2^-61), and small,
/// 2^23 × 2^-103, lies wholly below bit 0, so the sum is 2^61 − 1 plus a tail; it rounds to
/// 1 under nearest-even and to 1 − 2^-24 under `.down`.
enum ExactSum {
    /// Rounds `(−1)^negativeA × significandA × 2^exponentA + (−1)^negativeB × significandB ×
    /// 2^exponentB` once. Both significands must be nonzero and at most `Window.bitWidth − 6`
    /// bits wide (58 bits in a 64-bit window: any addition, and float32's fused multiply-add;
    /// 122 in a 128-bit window: float64's 106-bit products).
    ///
    /// With the leading bit at `W − 3`, bits are lost only when the lower term's leading bit is
    /// at most `W − 8`, so the difference keeps at least `W − 4` bits (60 or 124) above the
    /// sticky bit — more than the 55 that rounding to 53 bits needs.
    @inline(always)
    static func roundPack<Window: FixedWidthInteger & UnsignedInteger>(
        negativeA: Bool, significandA: Window, exponentA: Int,
        negativeB: Bool, significandB: Window, exponentB: Int,
        format: FloatFormat, options: RoundingOptions, random: UInt64
    ) -> Rounded {
        let width = Window.bitWidth
        let topA = exponentA &+ (width &- 1 &- significandA.leadingZeroBitCount)
        let topB = exponentB &+ (width &- 1 &- significandB.leadingZeroBitCount)
        let aIsBig = topA >= topB
        let bigSignificand = aIsBig ? significandA : significandB
        let smallSignificand = aIsBig ? significandB : significandA
        let bigNegative = aIsBig ? negativeA : negativeB
        let smallNegative = aIsBig ? negativeB : negativeA
        let bigShift = bigSignificand.leadingZeroBitCount &- 2
        let windowExponent = (aIsBig ? exponentA : exponentB) &- bigShift
        let bigValue = bigSignificand &<< Window(truncatingIfNeeded: bigShift)
        var smallValue: Window
        var sticky = false
        let smallShift = (aIsBig ? exponentB : exponentA) &- windowExponent
        if smallShift >= 0 {
            smallValue = smallSignificand &<< Window(truncatingIfNeeded: smallShift)  // its top is at most the big one's: fits
        } else if smallShift > -width {
            let dropped = 0 &- smallShift
            smallValue = smallSignificand &>> Window(truncatingIfNeeded: dropped)
            sticky = smallSignificand & ((1 &<< Window(truncatingIfNeeded: dropped)) &- 1) != 0
        } else {
            smallValue = 0
            sticky = true
        }
        let significand: Window
        let negative: Bool
        if bigNegative == smallNegative {
            significand = bigValue &+ smallValue
            negative = bigNegative
        } else if bigValue > smallValue {
            // With a tail, big − (small + t) = (big − small − 1) + (1 − t).
            significand = bigValue &- smallValue &- (sticky ? 1 : 0)
            negative = bigNegative
        } else if smallValue > bigValue {
            // Only reached without a tail: when bits were dropped, big ≥ 2^(W−3) > small.
            significand = smallValue &- bigValue
            negative = smallNegative
        } else {
            // Equal magnitudes, opposite signs: the exact sum is zero (IEEE 754 §6.3).
            return RoundingCore.packZero(negative: options.rounding == .down, format: format)
        }
        return RoundingCore.roundPackAnyWidth(
            negative: negative, exponent: windowExponent, significand: significand, sticky: sticky,
            format: format, options: options, random: random)
    }
}
