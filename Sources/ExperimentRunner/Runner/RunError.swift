/// Why a run, check, shard or merge failed. Every case names what failed.
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// A spec is malformed (the error names file, key and line).
    case spec(SpecError)
    /// An experiment threw while computing or assembling; nothing was written.
    case experimentFailed(name: String, reason: String)
    /// A requested experiment has no spec.
    case unknownExperiment(name: String, known: [String])
    /// Nothing to run: no names and no `--all`.
    case nothingSelected
    /// A file could not be read or written.
    case io(path: String, reason: String)
    /// Shards are missing, inconsistent or from another spec.
    case shard(String)

    public var description: String {
        switch self {
        case .spec(let error): return error.description
        case .experimentFailed(let name, let reason):
            return "experiment '\(name)' failed: \(reason) (no report files were written)"
        case .unknownExperiment(let name, let known):
            return "no experiment named '\(name)'; known: \(known.joined(separator: ", "))"
        case .nothingSelected:
            return "name one or more experiments, or pass --all (see --list)"
        case .io(let path, let reason): return "\(path): \(reason)"
        case .shard(let message): return message
        }
    }
}
