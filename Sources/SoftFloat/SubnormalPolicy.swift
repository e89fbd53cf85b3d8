/// What a result below the normal range becomes.
public enum SubnormalPolicy: String, Sendable, Hashable, CaseIterable {
    /// Gradual underflow (IEEE 754): tiny results round to subnormals.
    case keep
    /// Flush to zero, as GPUs do with FTZ: a result whose magnitude, rounded to full precision,
    /// is below the smallest normal becomes ±0 (+0 in fnuz formats) with underflow and inexact.
    /// Only results are flushed; subnormal operands are used as they are.
    case flush
}
