/// A line of `arith` input that is not `arity` hex codes of the format.
///
///     line 3: expected 2 hex codes of float16 separated by spaces, got "0x3c00"
public struct ArithmeticLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line number.
    public let lineNumber: Int
    public let line: String
    public let reason: String

    public init(lineNumber: Int, line: String, reason: String) {
        self.lineNumber = lineNumber
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(lineNumber): \(reason), got \"\(line)\"" }
}
