extension DataTable {
    /// The table as aligned plain text for a terminal: columns separated by two spaces and
    /// padded to their widest cell (right-aligned columns on the left, others on the right),
    /// optionally with a dashed rule under the header. Trailing spaces are trimmed from every
    /// line, so the output diffs cleanly.
    ///
    ///     DataTable(columns: [DataColumn("name"), DataColumn("bits", alignment: .right)],
    ///               rows: [["int8", "8"], ["int16", "16"]]).plainText(headerRule: true)
    ///     // name   bits
    ///     // -----  ----
    ///     // int8      8
    ///     // int16    16
    public func plainText(headerRule: Bool = false) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                if index > 0 { text += "  " }
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                text += columns[index].alignment == .right ? padding + cell : cell + padding
            }
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var text = line(header)
        if headerRule { text += line(widths.map { String(repeating: "-", count: $0) }) }
        for row in rows { text += line(row) }
        return text
    }
}
