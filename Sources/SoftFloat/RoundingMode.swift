/// How an exact value that falls between two representable neighbors is resolved.
///
/// Examples, rounding to float16 (ulp 2^-10 near 1):
/// - `nearestEven`: 1 + 2^-11 → 1 (tie, even neighbor); 1 + 3·2^-11 → 1 + 2^-9.
/// - `nearestAway`: 1 + 2^-11 → 1 + 2^-10 (tie, away from zero).
/// - `towardZero`:  1.00099 → 1; −1.00099 → −1.
/// - `up`:          1.00001 → 1 + 2^-10; −1.00001 → −1.
/// - `down`:        1.00001 → 1;  −1.00001 → −1 − 2^-10.
/// - `odd`:         an inexact result gets its last bit set: 1 + 2^-12 → 1 + 2^-10.
///   Rounding first to p1 bits with `odd`, then to p2 bits with any nearest mode, equals the
///   direct rounding whenever p2 + 1 < p1 (no double-rounding error).
/// - `stochastic`:  rounds away from zero with probability equal to the distance to the lower
///   neighbor divided by the ulp: 1 + 2^-12 → 1 + 2^-10 with probability 1/4. It draws its
///   randomness from a caller-supplied 64-bit value (see ``SplitMix64``), so results are
///   reproducible from a seed and no global state exists.
public enum RoundingMode: String, Sendable, Hashable, CaseIterable {
    case nearestEven = "nearest-even"
    case nearestAway = "nearest-away"
    case towardZero = "toward-zero"
    case up
    case down
    case odd
    case stochastic

    /// True for modes whose overflow result is the largest finite value rather than infinity
    /// for a value of the given sign (IEEE 754 §7.4).
    @inlinable func overflowsToMaxFinite(negative: Bool) -> Bool {
        switch self {
        case .towardZero, .odd: return true
        case .up: return negative
        case .down: return !negative
        case .nearestEven, .nearestAway, .stochastic: return false
        }
    }
}
