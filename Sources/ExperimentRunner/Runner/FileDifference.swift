/// One way a committed report differs from a fresh regeneration (`run --check`).
public struct FileDifference: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// The file exists with other bytes.
        case changed
        /// The run produces the file but it is not in the folder.
        case missing
        /// The folder has a file no spec produces (checked with `--all` only).
        case stale
    }

    public var kind: Kind
    public var file: String

    public init(_ kind: Kind, _ file: String) {
        self.kind = kind
        self.file = file
    }

    public var description: String { "\(kind.rawValue): \(file)" }
}
