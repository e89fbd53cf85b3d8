import SoftFloat

extension MPFRRounding {
    /// The engine's rounding mode that gives the same result as this MPFR direction for a value
    /// of the given sign. MPFR's RNDA (away from zero) has no IEEE counterpart: it is `up` for
    /// a positive exact result and `down` for a negative one.
    ///
    ///     MPFRRounding.awayFromZero.engineMode(negative: true)   // .down
    public func engineMode(negative: Bool) -> RoundingMode {
        switch self {
        case .nearestEven: return .nearestEven
        case .towardZero: return .towardZero
        case .up: return .up
        case .down: return .down
        case .awayFromZero: return negative ? .down : .up
        }
    }
}
