/// What `precision-lab convert` prints for each input line.
public enum ConvertOutput: String, Sendable, Hashable, CaseIterable {
    /// The code: `0x` + lowercase hex, zero-padded to the format's width (`0x3555`).
    case bits
    /// The shortest decimal that rounds back to the same code (`0.3333`).
    case value
    /// The exact decimal expansion of the stored value (`0.333251953125`).
    case exact
}
