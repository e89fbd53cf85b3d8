import PortableMath

/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Hashable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log10 of the value; non-positive values are not drawn.
    case log10

    /// The value in axis units (the value itself, or its ``DeterministicMath/log10(_:)``),
    /// nil when it cannot be drawn (NaN, ±∞, or ≤ 0 on a log axis).
    public func transform(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch self {
        case .linear: return value
        case .log10: return value > 0 ? DeterministicMath.log10(value) : nil
        }
    }
}
