/// Why `convert` stopped.
public enum ConvertError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Line `line` (counting from 1) could not be parsed. `text` is the line with unprintable
    /// bytes escaped as `\xNN` and shortened when very long.
    case malformedLine(line: Int, text: String, reason: String)
    /// Reading standard input or writing standard output failed.
    case io(IOError)

    /// `line 3: cannot parse 'abc': expected a number (…)`.
    public var description: String {
        switch self {
        case .malformedLine(let line, let text, let reason):
            return "line \(line): cannot parse '\(text)': \(reason)"
        case .io(let error):
            return error.description
        }
    }
}
