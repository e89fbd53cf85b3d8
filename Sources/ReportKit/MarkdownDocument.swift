/// A Markdown document assembled block by block, with exactly one blank line between blocks
/// and a single trailing newline, so regenerating it is byte-stable.
///
///     var doc = MarkdownDocument()
///     doc.heading("Formats")
///     doc.paragraph("Every built-in format.")
///     doc.image("formats-layout.svg", alt: "Bit layouts")
///     doc.text   // "# Formats\n\nEvery built-in format.\n\n![Bit layouts](formats-layout.svg)\n"
public struct MarkdownDocument: Sendable, Hashable {
    private var blocks: [String] = []

    public init() {}

    /// The rendered document.
    public var text: String { blocks.joined(separator: "\n") }

    /// `#`-style heading; `level` 1…6.
    public mutating func heading(_ title: String, level: Int = 1) {
        add(String(repeating: "#", count: max(1, min(6, level))) + " " + title + "\n")
    }

    /// A paragraph; internal line breaks are kept as soft breaks.
    public mutating func paragraph(_ text: String) { add(text + "\n") }

    /// A bulleted list, one item per element.
    public mutating func bullets(_ items: [String]) {
        guard !items.isEmpty else { return }
        add(items.map { "- " + $0 + "\n" }.joined())
    }

    /// A block quote (each line prefixed with `> `).
    public mutating func quote(_ text: String) {
        add(text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 + "\n" }.joined())
    }

    /// A fenced code block.
    public mutating func code(_ text: String, language: String = "") {
        let body = text.hasSuffix("\n") ? text : text + "\n"
        add("```" + language + "\n" + body + "```\n")
    }

    /// A table rendered with ``DataTable/markdown()``.
    public mutating func table(_ table: DataTable) { add(table.markdown()) }

    /// An embedded image with a relative link (an SVG next to the report).
    public mutating func image(_ path: String, alt: String) { add("![\(alt)](\(path))\n") }

    /// A raw block, added as is (a newline is appended if missing).
    public mutating func raw(_ text: String) { add(text.hasSuffix("\n") ? text : text + "\n") }

    private mutating func add(_ block: String) { blocks.append(block) }
}
