/// Why a format name or descriptor was rejected.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is neither built-in, an alias, nor a parsable `eXmY` spelling.
    case unknown(String)
    /// The descriptor is impossible; the second value says which field and why.
    case invalid(String, String)

    public var description: String {
        switch self {
        case .unknown(let name):
            return "unknown format '\(name)'. Valid names: \(FloatFormat.builtIn.map(\.name).joined(separator: ", ")); aliases \(FloatFormat.aliases.keys.sorted().joined(separator: ", ")); or a user-defined eXmY[fn|fnuz|fo][:bias=N] such as e6m9 or e5m2:bias=16"
        case .invalid(let name, let reason):
            return "impossible format '\(name)': \(reason)"
        }
    }
}
