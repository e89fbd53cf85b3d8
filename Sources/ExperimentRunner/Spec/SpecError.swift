/// A problem with an experiment spec, naming the file, the key and the line, in the
/// `file:line: key 'k': message` shape compilers use, so editors can jump to it.
///
///     SpecError(file: "Experiments/accumulation.toml", key: "parameters.counts", line: 9,
///               message: "expected an array of integers, got a string")
///     // Experiments/accumulation.toml:9: key 'parameters.counts': expected an array of integers, got a string
public struct SpecError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// Dotted key path (`parameters.counts`, `checks.nearest_even[0]`), nil for file-level problems.
    public var key: String?
    /// 1-based line, nil when unknown (for example, a missing key).
    public var line: Int?
    public var message: String

    public init(file: String, key: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "key '\(key)': " }
        return text + message
    }
}
