/// Why a pair verification cannot run.
public enum PairVerificationError: Error, Equatable, CustomStringConvertible {
    case formatTooWide(String)

    public var description: String {
        switch self {
        case .formatTooWide(let name): return "--pairs enumerates every pair of codes, so it takes a format of at most 8 bits; \(name) is wider"
        }
    }
}
