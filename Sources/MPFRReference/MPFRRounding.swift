import CMPFR
import SoftFloat

/// The five rounding directions MPFR implements, named after MPFR's own `MPFR_RND*` constants.
///
/// Four of them are the IEEE 754 directions of ``RoundingMode``; ``awayFromZero`` is MPFR's
/// extra *directed* mode (`MPFR_RNDA`), not IEEE's round-to-nearest-ties-away. Rounding to
/// float16 (ulp 2^-10 near 1):
///
///     // nearestEven:  1 + 2^-11      → 1            (tie, even neighbor)
///     // towardZero:   -1.00099       → -1
///     // up:           -1.00099       → -1
///     // down:         1.00099        → 1
///     // awayFromZero: 1 + 2^-30      → 1 + 2^-10    (any inexact result moves away from 0)
public enum MPFRRounding: String, Sendable, Hashable, CaseIterable {
    /// `MPFR_RNDN`: to nearest, ties to the even significand (IEEE roundTiesToEven).
    case nearestEven = "RNDN"
    /// `MPFR_RNDZ`: toward zero (IEEE roundTowardZero).
    case towardZero = "RNDZ"
    /// `MPFR_RNDU`: toward +∞ (IEEE roundTowardPositive).
    case up = "RNDU"
    /// `MPFR_RNDD`: toward −∞ (IEEE roundTowardNegative).
    case down = "RNDD"
    /// `MPFR_RNDA`: away from zero, a directed mode with no IEEE 754 counterpart.
    case awayFromZero = "RNDA"

    /// The MPFR direction for an engine rounding mode, or nil when MPFR has none:
    /// `nearestAway`, `odd` and `stochastic` have no MPFR equivalent.
    ///
    ///     MPFRRounding(.down)         // .down
    ///     MPFRRounding(.nearestAway)  // nil — MPFR's RNDA is *away from zero*, not ties-away
    public init?(_ mode: RoundingMode) {
        switch mode {
        case .nearestEven: self = .nearestEven
        case .towardZero: self = .towardZero
        case .up: self = .up
        case .down: self = .down
        case .nearestAway, .odd, .stochastic: return nil
        }
    }

    /// The C constant passed to MPFR functions.
    var mpfr: mpfr_rnd_t {
        switch self {
        case .nearestEven: return MPFR_RNDN
        case .towardZero: return MPFR_RNDZ
        case .up: return MPFR_RNDU
        case .down: return MPFR_RNDD
        case .awayFromZero: return MPFR_RNDA
        }
    }

    /// True when an overflowing result of the given sign becomes the largest finite value
    /// instead of infinity (IEEE 754 §7.4): toward zero always, `up` for negative results,
    /// `down` for positive ones.
    func overflowsToMaxFinite(negative: Bool) -> Bool {
        switch self {
        case .towardZero: return true
        case .up: return negative
        case .down: return !negative
        case .nearestEven, .awayFromZero: return false
        }
    }
}
