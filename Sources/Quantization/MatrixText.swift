/// Renders a grid of texts as right-aligned columns, eliding the middle of large grids (more
/// than 12 rows or 10 columns) unless `full` is set (`--full`).
///
///     MatrixText.render(rows: 2, columns: 3) { "\($0)\($1)" }
///     // "  00  01  02\n  10  11  12"
///     MatrixText.render(rows: 1, columns: 11) { String($1) }
///     // "  0  1  2  3  4  …  6  7  8  9  10"
enum MatrixText {
    static func render(rows: Int, columns: Int, full: Bool = false, maximumRows: Int = 12, maximumColumns: Int = 10,
                       _ cell: (Int, Int) -> String) -> String {
        func shown(_ count: Int, _ maximum: Int) -> [Int?] {
            guard count > maximum, !full else { return (0..<count).map { $0 } }
            let head = maximum / 2
            return (0..<head).map { $0 } + [nil] + ((count - (maximum - head))..<count).map { $0 }
        }
        let rowIndices = shown(rows, maximumRows)
        let columnIndices = shown(columns, maximumColumns)
        let grid: [[String]] = rowIndices.map { row in
            columnIndices.map { column in
                guard let row, let column else { return "…" }
                return cell(row, column)
            }
        }
        var widths = [Int](repeating: 0, count: columnIndices.count)
        for line in grid {
            for (index, text) in line.enumerated() { widths[index] = max(widths[index], text.count) }
        }
        return grid.map { line in
            line.enumerated().map { index, text in
                "  " + String(repeating: " ", count: widths[index] - text.count) + text
            }.joined()
        }.joined(separator: "\n")
    }
}
