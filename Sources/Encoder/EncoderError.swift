/// Why a model folder, a setting or a text cannot be encoded, naming what and where.
///
///     EncoderError(.missingFile, location: "/m", "no model.safetensors in the model folder")
///     // "/m: no model.safetensors in the model folder"
///
/// `usage` errors are bad settings (exit 64 in the CLI); `data` errors are bad files or
/// texts (exit 1).
public struct EncoderError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// A file of the model folder is absent.
        case missingFile
        /// A file is present but not what a BERT encoder needs.
        case unsupportedModel
        /// A text that cannot be embedded (empty).
        case badText
        /// A setting (format, scheme, threshold) that the encoder cannot run.
        case usage
    }

    public let kind: Kind
    /// The file, text or option the message is about.
    public let location: String
    public let message: String

    public init(_ kind: Kind, location: String, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    public var isUsage: Bool { kind == .usage }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
