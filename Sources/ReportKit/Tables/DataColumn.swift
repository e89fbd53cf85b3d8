/// One column of a ``DataTable``: its header and how Markdown and plain text align it.
///
///     DataColumn("format")                        // left-aligned text
///     DataColumn("max", alignment: .right)        // numbers line up on the right
public struct DataColumn: Sendable, Hashable {
    /// Horizontal alignment in Markdown and plain text (CSV has none; plain text puts `center` on the left).
    public enum Alignment: String, Sendable, Hashable {
        case left, right, center
    }

    public var name: String
    public var alignment: Alignment

    public init(_ name: String, alignment: Alignment = .left) {
        self.name = name
        self.alignment = alignment
    }
}
