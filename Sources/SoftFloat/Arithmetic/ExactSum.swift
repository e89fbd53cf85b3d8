/// The exact sum of two signed binary terms, rounded once: the shared last step of addition,
/// subtraction and fused multiply-add.
///
/// Each term is `(−1)^negative × significand × 2^exponent` with a significand of at most
/// 106 bits (a product of two 53-bit significands). The term whose leading bit is higher is
/// placed with that bit at position 125 of a 128-bit window, leaving two bits of headroom;
/// the other term is aligned to it. If the other term reaches below bit 0, its low bits are
/// shifted out and remembered as a sticky bit ("shift right and jam"). Bits are only lost
/// when the lower term's leading bit is at most position 104, so the sum keeps at least 124
/// significant bits above the sticky bit — far more than the 55 a 53-bit rounding needs.
///
/// A discarded tail `t` (0 < t < 1 in units of bit 0) is carried exactly in
/// ``RoundingCore/roundPack(negative:exponent:significand:sticky:format:options:random:)``'s
/// convention of "integer plus a tail strictly between 0 and 1":
///
///     big + (small + t) = (big + small) + t
///     big − (small + t) = (big − small − 1) + (1 − t)
///
/// For example 1 − 2^-80 in float32: big = 2^125 (scale 2^-125), small = 2^45 shifted by 125
/// places loses everything, so the sum is 2^125 − 1 plus a tail and rounds to 1 under
/// nearest-even, to 1 − 2^-24 under `.down`.
@usableFromInline
enum ExactSum {
    @usableFromInline
    struct Term {
        @usableFromInline var negative: Bool
        @usableFromInline var significand: UInt128
        @usableFromInline var exponent: Int

        @inlinable init(negative: Bool, significand: UInt128, exponent: Int) {
            self.negative = negative
            self.significand = significand
            self.exponent = exponent
        }

        /// The scale of the leading bit: the term lies in [2^top, 2^(top + 1)).
        @inlinable var top: Int { exponent + 127 - significand.leadingZeroBitCount }
    }

    /// Rounds `first + second` once. Both significands must be nonzero and below 2^125.
    @usableFromInline
    static func roundPack(_ first: Term, _ second: Term, format: FloatFormat, options: RoundingOptions, random: UInt64) -> Rounded {
        let (big, small) = first.top >= second.top ? (first, second) : (second, first)
        let bigShift = 125 - (127 - big.significand.leadingZeroBitCount)
        let windowExponent = big.exponent - bigShift
        let bigValue = big.significand << UInt128(bigShift)
        var smallValue: UInt128
        var sticky = false
        let smallShift = small.exponent - windowExponent
        if smallShift >= 0 {
            smallValue = small.significand << UInt128(smallShift)  // small.top ≤ big.top: fits below bit 126
        } else if smallShift > -128 {
            let dropped = -smallShift
            smallValue = small.significand >> UInt128(dropped)
            sticky = small.significand & ((UInt128(1) << UInt128(dropped)) &- 1) != 0
        } else {
            smallValue = 0
            sticky = true
        }
        let significand: UInt128
        let negative: Bool
        if big.negative == small.negative {
            significand = bigValue + smallValue
            negative = big.negative
        } else if bigValue > smallValue {
            // With a tail, big − (small + t) = (big − small − 1) + (1 − t).
            significand = bigValue - smallValue - (sticky ? 1 : 0)
            negative = big.negative
        } else if smallValue > bigValue {
            // Only reached without a tail: when bits were dropped, big ≥ 2^125 > small.
            significand = smallValue - bigValue
            negative = small.negative
        } else {
            // Equal magnitudes, opposite signs: the exact sum is zero (IEEE 754 §6.3).
            return RoundingCore.packZero(negative: options.rounding == .down, format: format)
        }
        return RoundingCore.roundPack(
            negative: negative, exponent: windowExponent, significand: significand, sticky: sticky,
            format: format, options: options, random: random)
    }
}
