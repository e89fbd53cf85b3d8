/// What `precision-lab convert` prints for each input line.
public enum ConvertOutput: String, Sendable, Hashable, CaseIterable {
    /// The code: `0x` + lowercase hex, zero-padded to the format's width (`0x3555`).
    case bits
    /// The stored value as the lab prints values (``SoftFloat/FloatFormat/printedDecimal(_:)``:
    /// exact for formats of fewer than 32 bits, `0.333251953125`; shortest for float32, `0.33333334`).
    case value
    /// The exact decimal expansion of the stored value (`0.333251953125`).
    case exact
}
