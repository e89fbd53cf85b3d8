/// A benchmark that must not report a time.
public enum BenchmarkError: Error, CustomStringConvertible {
    /// A fast path disagreed with the scalar engine on its own benchmark input.
    case mismatch(String)
    /// The benchmark's input could not be prepared (a generated file could not be written).
    case setup(String)

    public var description: String {
        switch self {
        case .mismatch(let detail): return "SELF-CHECK FAILED: \(detail)"
        case .setup(let detail): return "cannot prepare the benchmark: \(detail)"
        }
    }
}
