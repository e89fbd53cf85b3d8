/// Why a pair verification cannot run, or its shards cannot be merged.
public enum PairVerificationError: Error, Equatable, CustomStringConvertible {
    /// `--pairs` with a format wider than 16 bits: its name and width.
    case formatTooWide(String, bits: Int)
    /// A `--rounding` name that is not an MPFR direction.
    case unknownDirection(String)
    /// A shard summary file is unreadable, truncated or malformed.
    case summary(path: String, reason: String)
    /// The shards in a folder do not cover the pair space exactly once, or disagree.
    case coverage(String)

    public var description: String {
        switch self {
        case .formatTooWide(let name, let bits):
            return "--pairs enumerates every pair of codes, so it takes a format of at most \(PairVerification.maximumBitWidth) bits (float16, bfloat16: 2^32 pairs); \(name) has \(bits) bits"
        case .unknownDirection(let name):
            return "--rounding: unknown direction '\(name)'; expected all, or some of RNDN RNDZ RNDU RNDD RNDA (or nearest-even toward-zero up down)"
        case .summary(let path, let reason): return "\(path): \(reason)"
        case .coverage(let message): return message
        }
    }
}
