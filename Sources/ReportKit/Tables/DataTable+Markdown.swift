extension DataTable {
    /// How ``markdown(layout:)`` spaces a table; both render the same GitHub table.
    public enum MarkdownLayout: Sendable, Hashable {
        /// Cells padded to the widest cell of their column, separators `:---` / `---:` /
        /// `:---:` as wide as the column, so the source lines up too (the reports).
        case padded
        /// One space around each cell, separators `---` / `---:` / `:---:` (the CLI's
        /// `formats --markdown`).
        case compact
    }

    /// The table as a GitHub-flavoured Markdown table.
    ///
    /// `|` in a cell becomes `\|` and a line break becomes `<br>`, so any cell is safe:
    ///
    ///     let table = DataTable(columns: [DataColumn("format"), DataColumn("bits", alignment: .right)],
    ///                           rows: [["float16", "16"], ["a|b", "8"]])
    ///     table.markdown()
    ///     // | format  | bits |
    ///     // | :------ | ---: |
    ///     // | float16 |   16 |   ← padded to the widest cell of each column
    ///     // | a\|b    |    8 |
    ///     table.markdown(layout: .compact)
    ///     // | format | bits |
    ///     // | --- | ---: |
    ///     // | float16 | 16 |
    ///     // | a\|b | 8 |
    public func markdown(layout: MarkdownLayout = .padded) -> String {
        if layout == .compact { return compactMarkdown() }
        let escapedHeader = header.map(Self.markdownCell)
        let escapedRows = rows.map { $0.map(Self.markdownCell) }
        var widths = escapedHeader.map { max(3, $0.count) }
        for row in escapedRows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func pad(_ cell: String, _ index: Int) -> String {
            let padding = String(repeating: " ", count: widths[index] - cell.count)
            return columns[index].alignment == .right ? padding + cell : cell + padding
        }
        func line(_ cells: [String]) -> String {
            "| " + cells.enumerated().map { pad($0.element, $0.offset) }.joined(separator: " | ") + " |\n"
        }
        var text = line(escapedHeader)
        text += "| " + columns.enumerated().map { index, column in
            let dashes = widths[index]
            switch column.alignment {
            case .left: return ":" + String(repeating: "-", count: dashes - 1)
            case .right: return String(repeating: "-", count: dashes - 1) + ":"
            case .center: return ":" + String(repeating: "-", count: dashes - 2) + ":"
            }
        }.joined(separator: " | ") + " |\n"
        for row in escapedRows { text += line(row) }
        return text
    }

    private func compactMarkdown() -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |\n"
        }
        let separators = columns.map { column in
            switch column.alignment {
            case .left: return "---"
            case .right: return "---:"
            case .center: return ":---:"
            }
        }
        return line(header) + "| " + separators.joined(separator: " | ") + " |\n" + rows.map(line).joined()
    }

    /// A cell made safe for a Markdown table: `a|b` → `a\|b`, line breaks → `<br>`.
    public static func markdownCell(_ cell: String) -> String {
        var result = ""
        for character in cell {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n", "\r": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }
}
