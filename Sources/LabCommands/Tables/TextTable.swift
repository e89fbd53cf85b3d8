/// One table model, rendered by several reporters (``PlainTableRenderer``, ``CSVRenderer``,
/// ``MarkdownRenderer``), in the manner of swift-benchmark's reporters.
///
/// Cells are already formatted text; an empty string is an empty cell.
///
///     let table = TextTable(title: "Sizes", columns: [.init("name"), .init("bits", alignment: .right)],
///                           rows: [["float16", "16"], ["bfloat16", "16"]])
///     CSVRenderer().render(table)   // "name,bits\nfloat16,16\nbfloat16,16\n"
///
/// Internal: `precision-lab formats` is its only client. (ReportKit's `DataTable` serves the
/// experiment reports.)
struct TextTable: Sendable, Hashable {
    struct Column: Sendable, Hashable {
        enum Alignment: Sendable, Hashable { case left, right }

        var name: String
        var alignment: Alignment

        init(_ name: String, alignment: Alignment = .left) {
            self.name = name
            self.alignment = alignment
        }
    }

    /// A heading for renderers that print one (plain and Markdown); CSV omits it.
    var title: String
    var columns: [Column]
    /// Each row has one cell per column.
    var rows: [[String]]

    init(title: String, columns: [Column], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// Turns a ``TextTable`` into text written to a `TextOutputStream`.
protocol TableRenderer {
    func render(_ table: TextTable, to output: inout some TextOutputStream)
}

extension TableRenderer {
    /// The rendered table as a string.
    func render(_ table: TextTable) -> String {
        var text = ""
        render(table, to: &text)
        return text
    }
}
