/// Why an input file (or standard input) could not be read as a matrix. The description
/// always starts with the source (`weights.txt:3:7:`, `w.npy:`, `model.safetensors: tensor
/// 'w':`) and says what was expected.
public struct MatrixInputError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        case unreadable, empty, raggedRows, invalidNumber, overflow
        case truncated, corrupt, unsupportedDtype, unsupportedLayout, missingTensor
    }

    public let kind: Kind
    /// `file:line:column`, `file`, or `file: tensor 'name'`.
    public let location: String
    public let message: String

    public init(_ kind: Kind, location: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}
