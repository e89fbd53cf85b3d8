/// An aligned plain-text table for terminals: the title, the column names, a dashed rule,
/// then the rows, with columns separated by two spaces and padded to their widest cell.
///
///     Integer types
///     name   bits   min   max
///     -----  ----  ----  ----
///     int8      8  -128   127
///
/// Trailing spaces are trimmed from every line, so the output diffs cleanly.
struct PlainTableRenderer: TableRenderer {
    /// Whether to print the table's title on the first line.
    var includesTitle = true

    func render(_ table: TextTable, to output: inout some TextOutputStream) {
        let widths = table.columns.indices.map { column in
            table.rows.reduce(table.columns[column].name.count) { Swift.max($0, $1[column].count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (column, cell) in cells.enumerated() {
                if column > 0 { text += "  " }
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                text += table.columns[column].alignment == .right ? padding + cell : cell + padding
            }
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        if includesTitle { output.write(table.title + "\n") }
        output.write(line(table.columns.map(\.name)))
        output.write(line(widths.map { String(repeating: "-", count: $0) }))
        for row in table.rows { output.write(line(row)) }
    }
}
