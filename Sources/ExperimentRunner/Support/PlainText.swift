import ReportKit

/// Plain, space-aligned tables for the terminal (`--list`).
enum PlainText {
    static func table(_ table: DataTable) -> String {
        var widths = table.header.map(\.count)
        for row in table.rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return table.columns[index].alignment == .right ? padding + cell : cell + padding
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(table.header) + table.rows.map(line).joined()
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
