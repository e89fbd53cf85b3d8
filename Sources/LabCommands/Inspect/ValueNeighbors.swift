import SoftFloat

/// The questions numpy's `nextafter` and `spacing` answer about a stored value, and the
/// representable values on either side of the exact input X: what `inspect` prints as
/// `next up`, `next down`, `spacing`, `below` and `above`.
///
///     // 0.1 in float8_e4m3fn: stored 0x1d = 0.1015625
///     let n = ValueNeighbors(stored: 0x1d, input: try ExactNumber(parsing: "0.1"), format: .float8_e4m3fn)
///     n.nextUp     // 0x1e = 0.109375       numpy/ml_dtypes nextafter(v, +inf)
///     n.nextDown   // 0x1c = 0.09375        nextafter(v, -inf)
///     n.spacing    // 0x08 = 0.0078125      spacing(v) = nextafter(v, copysign(inf, v)) − v
///     n.below      // 0x1c = 0.09375        the largest value < 0.1
///     n.above      // 0x1d = 0.1015625      the smallest value > 0.1
///
/// As numpy: `spacing` is computed in the format (nearest-even), so it is −ulp for a negative
/// value (−0 included), +inf at the largest finite value of an IEEE format, and NaN for ±inf,
/// NaN, and at the largest value of a format without infinity (whose next value up is NaN).
/// `below` and `above` are nil when no such value exists (above +inf, below −inf, beyond the
/// range of a format without infinity — float4_e2m1fn has nothing above 9 and 6 below it —
/// or for a NaN input); for a representable X they are
/// its neighbours, otherwise X rounded down and up.
public struct ValueNeighbors: Sendable, Hashable {
    /// nextafter(v, +inf): IEEE 754 nextUp.
    public var nextUp: UInt64
    /// nextafter(v, −inf): IEEE 754 nextDown.
    public var nextDown: UInt64
    /// numpy's spacing(v), a code of the format.
    public var spacing: UInt64
    /// The largest value of the format below X, or nil.
    public var below: UInt64?
    /// The smallest value of the format above X, or nil.
    public var above: UInt64?

    /// - Parameters:
    ///   - stored: the code X was stored as.
    ///   - input: X's exact value, or nil when X is NaN.
    public init(stored: UInt64, input: ExactNumber?, format: FloatFormat) {
        nextUp = format.nextUp(stored)
        nextDown = format.nextDown(stored)
        let negative = format.isSigned && stored & format.signMask != 0
        let away = negative ? nextDown : nextUp
        spacing = format.subtract(away, stored).bits
        func usable(_ code: UInt64) -> UInt64? { format.isNaN(code) ? nil : code }
        guard let input, !(input.kind == .nan) else {
            below = nil
            above = nil
            return
        }
        if input.kind == .infinity {
            // Every finite value is below +inf (above −inf); nothing is beyond it.
            let largest = input.isNegative ? format.negate(format.maxFiniteBits) : format.maxFiniteBits
            below = input.isNegative ? nil : largest
            above = input.isNegative ? largest : nil
            return
        }
        // Rounding toward the far side saturates (the largest finite value is below a huge X);
        // rounding toward X's own side overflows as the format does (inf, or NaN: none).
        let positive = !input.isNegative
        let down = input.rounded(to: format, options: RoundingOptions(rounding: .down, overflow: positive ? .saturate : .default))
        let up = input.rounded(to: format, options: RoundingOptions(rounding: .up, overflow: positive ? .default : .saturate))
        let isExact = !down.flags.contains(.inexact) && !format.isNaN(down.bits)
        if isExact {
            let next = (down: format.nextDown(down.bits), up: format.nextUp(down.bits))
            below = next.down == down.bits ? nil : usable(next.down)
            above = next.up == down.bits ? nil : usable(next.up)
        } else {
            // On X's own side an overflow that stays finite (a finite-only format saturating
            // at ±max) is not beyond X: nothing is (FP4's 9 has nothing above; 6 is below).
            func beyond(_ rounded: Rounded) -> UInt64? {
                rounded.flags.contains(.overflow) && format.classify(rounded.bits) != .infinity ? nil : usable(rounded.bits)
            }
            below = positive ? usable(down.bits) : beyond(down)
            above = positive ? beyond(up) : usable(up.bits)
        }
    }
}
