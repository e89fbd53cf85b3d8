/// Why a number written as text could not be turned into an ``MPFRValue``.
public enum MPFRTextError: Error, Sendable, Hashable {
    /// The text is not a decimal (`-1.5e-300`), hexadecimal (`0x1.8p-3`), rational (`1/3`),
    /// `inf` or `nan` literal.
    case unparsable(String)
    /// A rational literal with a zero denominator, such as `1/0`.
    case zeroDenominator(String)
    /// A decimal exponent beyond ±1 000 000 in a rational or exactly-parsed literal, whose
    /// integer expansion would be impractically large. (Rounded single literals have no limit.)
    case exponentOutOfRange(String)
    /// The value is not a dyadic rational (a multiple of a power of two), so no binary value
    /// holds it exactly: `0.1`, `1/3`.
    case notExactlyRepresentable(String)
}

extension MPFRTextError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unparsable(let text): return "'\(text)' is not a decimal, hex-float, rational, inf or nan literal"
        case .zeroDenominator(let text): return "'\(text)' has a zero denominator"
        case .exponentOutOfRange(let text): return "'\(text)' has a decimal exponent beyond ±1000000"
        case .notExactlyRepresentable(let text): return "'\(text)' has no exact binary representation"
        }
    }
}
