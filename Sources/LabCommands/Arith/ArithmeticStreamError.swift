import SoftFloat

/// Why `arith` stopped: a malformed line (with its number and text) or an I/O failure.
public enum ArithmeticStreamError: Error, CustomStringConvertible {
    case malformedLine(ArithmeticLineError)
    case io(IOError)

    public var description: String {
        switch self {
        case .malformedLine(let error): return error.description
        case .io(let error): return "\(error)"
        }
    }
}
