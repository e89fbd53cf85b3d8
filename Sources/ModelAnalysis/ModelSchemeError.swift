/// A `--schemes` entry the model report cannot use: `absmax@group:0: granularity must be …`.
public struct ModelSchemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public let reason: String

    public var description: String { "scheme '\(text)': \(reason)" }
}
