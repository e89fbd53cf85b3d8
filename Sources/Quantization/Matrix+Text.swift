import SoftFloat

extension Matrix {
    /// The matrix as text, one row per line, right-aligned columns of each element's printed
    /// decimal (exact for formats of fewer than 32 bits): what `dequantize` prints, readable
    /// back by `quantize`. Rows beyond 12 and columns beyond 10 are elided in the middle (`…`)
    /// unless `full` is set.
    ///
    ///     try Matrix(rows: 1, columns: 2, format: .float16, values: ["0.1", "-2"]).text()
    ///     // "  0.0999755859375  -2.0"
    public func text(full: Bool = false) -> String {
        MatrixText.render(rows: rows, columns: columns, full: full) { format.printedDecimal(self[$0, $1]) }
    }
}
