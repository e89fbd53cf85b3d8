/// A number that could not be parsed, with the offending text and the reason.
public struct NumberSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String

    public init(text: String, reason: String) {
        self.text = text
        self.reason = reason
    }

    public var description: String { "cannot parse '\(text)': \(reason)" }
}
