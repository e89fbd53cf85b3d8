import SoftFloat

/// A `formats` request the table cannot answer.
public enum FormatTableError: Error, Sendable, CustomStringConvertible {
    /// `--codes` of a format wider than 16 bits: float32 would be 2^32 rows.
    case tooManyCodes(FloatFormat)

    public var description: String {
        switch self {
        case .tooManyCodes(let format):
            return "--codes lists every code of a format of at most 16 bits; \(format.name) has \(format.bitWidth) bits (2^\(format.bitWidth) codes)"
        }
    }
}
