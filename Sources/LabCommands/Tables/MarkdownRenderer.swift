/// A GitHub-flavoured Markdown table under a `###` heading.
///
/// Right-aligned columns get a `---:` separator. A `|` inside a cell is escaped as `\|`.
///
///     ### Integer types
///
///     | name | bits |
///     | --- | ---: |
///     | int8 | 8 |
struct MarkdownRenderer: TableRenderer {
    /// Whether to print the table's title as a `###` heading.
    var includesTitle = true

    func render(_ table: TextTable, to output: inout some TextOutputStream) {
        if includesTitle { output.write("### \(table.title)\n\n") }
        output.write("| " + table.columns.map { Self.cell($0.name) }.joined(separator: " | ") + " |\n")
        output.write("| " + table.columns.map { $0.alignment == .right ? "---:" : "---" }.joined(separator: " | ") + " |\n")
        for row in table.rows {
            output.write("| " + row.map(Self.cell).joined(separator: " | ") + " |\n")
        }
    }

    static func cell(_ text: String) -> String {
        text.replacing("|", with: "\\|")
    }
}
