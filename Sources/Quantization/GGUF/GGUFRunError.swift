/// Why a GGUF file workflow stopped: an input or output file, or the codec's refusal (with the
/// file it concerns).
public enum GGUFRunError: Error, Sendable, CustomStringConvertible {
    case input(MatrixInputError)
    case codec(GGUFError, file: String)

    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .codec(let error, let file): return "\(file): \(error.description)"
        }
    }
}
