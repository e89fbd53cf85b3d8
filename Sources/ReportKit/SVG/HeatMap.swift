/// A grid of colored cells, one row per item and one column per category, each cell shaded by
/// its value on a light-to-dark scale and labeled with the value's text; nil cells are hatched
/// grey. Deterministic to the byte like every ReportKit drawing.
///
///     var map = HeatMap(title: "SQNR (dB)", rows: ["wq", "wk"], columns: ["int8", "int4"],
///                       values: [[42.3, 17.1], [41.9, nil]], text: { SVGNumber.format($0, decimals: 1) })
///     map.svg()   // 2 × 2 cells; the higher a value, the darker its cell
public struct HeatMap: Sendable {
    public var title: String
    public var subtitle: String?
    public var rows: [String]
    public var columns: [String]
    /// values[row][column]; nil for "not applicable".
    public var values: [[Double?]]
    public var text: @Sendable (Double) -> String
    public var cellWidth: Double = 64
    public var cellHeight: Double = 20

    public init(title: String, subtitle: String? = nil, rows: [String], columns: [String], values: [[Double?]],
                text: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.subtitle = subtitle
        self.rows = rows
        self.columns = columns
        self.values = values
        self.text = text
    }

    /// Light yellow (low) to dark blue (high), linear in the value between the finite extremes.
    static func color(_ fraction: Double) -> String {
        let low = (255.0, 247.0, 188.0), high = (8.0, 48.0, 107.0)
        let t = max(0, min(1, fraction))
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(low.0, high.0) + channel(low.1, high.1) + channel(low.2, high.2)
    }

    public func svg() -> String {
        let labelWidth = min(420, (rows.map { SVGCanvas.estimatedWidth($0, size: 11) }.max() ?? 0) + 16)
        let top = subtitle == nil ? 120.0 : 138.0
        let width = labelWidth + Double(columns.count) * cellWidth + 24
        let height = top + Double(rows.count) * cellHeight + 20
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: width / 2, y: 24, size: 16, anchor: .middle, color: "#111111", weight: "bold")
        if let subtitle { canvas.text(subtitle, x: width / 2, y: 44, size: 12, anchor: .middle, color: "#444444") }
        let finite = values.flatMap { $0 }.compactMap { $0 }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        for (index, column) in columns.enumerated() {
            let x = labelWidth + (Double(index) + 0.5) * cellWidth
            canvas.text(column, x: x, y: top - 8, size: 11, color: "#222222", rotate: -40)
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Double(rowIndex) * cellHeight
            canvas.text(row, x: labelWidth - 8, y: y + cellHeight * 0.7, size: 11, anchor: .end, color: "#222222")
            for columnIndex in columns.indices {
                let x = labelWidth + Double(columnIndex) * cellWidth
                let value = columnIndex < values[rowIndex].count ? values[rowIndex][columnIndex] : nil
                guard let value, value.isFinite else {
                    canvas.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: "#dddddd", stroke: "#ffffff", strokeWidth: 1)
                    canvas.text(value.map(text) ?? "n/a", x: x + cellWidth / 2, y: y + cellHeight * 0.7, size: 10, anchor: .middle, color: "#666666")
                    continue
                }
                let fraction = high > low ? (value - low) / (high - low) : 0.5
                canvas.rect(x: x, y: y, width: cellWidth, height: cellHeight, fill: Self.color(fraction), stroke: "#ffffff", strokeWidth: 1)
                canvas.text(text(value), x: x + cellWidth / 2, y: y + cellHeight * 0.7, size: 10, anchor: .middle,
                            color: fraction > 0.55 ? "#ffffff" : "#111111")
            }
        }
        return canvas.render()
    }
}
