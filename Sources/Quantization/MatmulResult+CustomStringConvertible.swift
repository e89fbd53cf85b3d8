import SoftFloat

extension MatmulResult: CustomStringConvertible {
    /// A readable summary: setup, outlier columns, C beside the float64 reference, metrics
    /// (large matrices elided in the middle: ``text(full:)`` prints them whole).
    public var description: String { text(full: false) }

    /// The summary of ``description``; with `full` (`matmul --full`) every row and column.
    public func text(full: Bool) -> String {
        var lines: [String] = []
        let threshold = configuration.outlierThreshold.map { ", outlier threshold \(FloatFormat.float64.shortestDecimal($0.bitPattern))" } ?? ""
        lines.append("\(configuration.scheme) int\(configuration.bits) matmul, \(configuration.convention) convention, compute \(configuration.compute.name)\(threshold)")
        lines.append("A \(a.rows)×\(a.columns) · B \(b.rows)×\(b.columns)")
        if configuration.outlierThreshold != nil {
            lines.append("outlier columns (\(configuration.outlierPathFormat.name) path): " + (outlierColumns.isEmpty ? "none" : outlierColumns.map(String.init).joined(separator: ", ")))
        }
        lines.append("")
        lines.append("C (\(product.format.name)):")
        lines.append(product.text(full: full))
        lines.append("")
        lines.append("float64 reference:")
        lines.append(MatrixText.render(rows: product.rows, columns: product.columns, full: full) {
            FloatFormat.float64.shortestDecimal(reference[$0 * product.columns + $1].bitPattern)
        })
        lines.append("")
        lines.append("error against the float64 reference:")
        lines.append(contentsOf: metrics.summaryLines)
        return lines.joined(separator: "\n")
    }
}
