/// Coloured strips along one (usually log) x axis, one strip per row: a "range map" such as
/// where x·x is normal, subnormal, flushed to zero or overflows, format by format.
///
///     var chart = StripChart(title: "x·x by format", x: PlotAxis(label: "x", scale: .log10, range: 1e-10...1e10),
///                            categories: [StripCategory("normal", color: "#009E73"),
///                                         StripCategory("overflow", color: "#D55E00")])
///     chart.rows.append(StripRow(group: "float16", label: "x·x",
///                                segments: [StripSegment(lower: 1e-10, upper: 256, category: 0),
///                                           StripSegment(lower: 256, upper: 1e10, category: 1)]))
///     chart.svg()
public struct StripChart: Sendable {
    public var title: String
    public var subtitle: String?
    public var x: PlotAxis
    public var categories: [StripCategory]
    public var rows: [StripRow] = []
    public var width: Double = 800
    /// Vertical marks across all strips (e.g. x = 1), drawn thin and dark.
    public var markers: [(Double, String)] = []

    public init(title: String, subtitle: String? = nil, x: PlotAxis, categories: [StripCategory]) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.categories = categories
    }

    public func svg() -> String {
        let labelWidth = 210.0
        let stripHeight = 15.0
        let stripGap = 3.0
        let groupGap = 9.0
        let top = subtitle == nil ? 52.0 : 72.0
        let left = labelWidth
        let right = width - 24
        let plotWidth = right - left

        // Vertical layout.
        var positions: [Double] = []
        var y = top
        for (index, row) in rows.enumerated() {
            if index > 0 { y += (row.group != nil && row.group != rows[index - 1].group) ? groupGap : stripGap }
            positions.append(y)
            y += stripHeight
        }
        let bottom = y + 6
        // Legend rows: wrap the category keys at the right margin.
        var keyRows: [[(StripCategory, Double)]] = [[]]
        var keyX = left
        for category in categories {
            let keyWidth = 22 + SVGCanvas.estimatedWidth(category.name, size: 13) + 22
            if keyX + keyWidth > width - 8 && !keyRows[keyRows.count - 1].isEmpty {
                keyRows.append([])
                keyX = left
            }
            keyRows[keyRows.count - 1].append((category, keyX))
            keyX += keyWidth
        }
        let legendTop = bottom + 72
        let height = legendTop + Double(keyRows.count) * 22 + 12

        let lower: Double, upper: Double
        let values = rows.flatMap { $0.segments.flatMap { [$0.lower, $0.upper] } }
        let transformed = values.compactMap(x.scale.transform)
        if let range = x.range {
            lower = x.scale.transform(range.lowerBound) ?? 0
            upper = x.scale.transform(range.upperBound) ?? 1
        } else {
            lower = transformed.min() ?? 0
            upper = transformed.max() ?? 1
        }
        func px(_ value: Double) -> Double? {
            guard let position = x.scale.transform(value) else { return nil }
            return left + (min(max(position, lower), upper) - lower) / (upper - lower) * plotWidth
        }

        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: width / 2, y: 28, size: 18, anchor: .middle, color: "#111111", weight: "bold")
        if let subtitle { canvas.text(subtitle, x: width / 2, y: 50, size: 14, anchor: .middle, color: "#555555") }

        let ticks: [AxisTick]
        switch x.scale {
        case .log10: ticks = AxisTicks.log10(lowerExponent: Int(lower.rounded(.up)), upperExponent: Int(upper.rounded(.down)))
        case .linear: ticks = AxisTicks.linear(lower: lower, upper: upper)
        }
        for tick in ticks {
            let xp = left + (tick.position - lower) / (upper - lower) * plotWidth
            canvas.line(x1: xp, y1: top - 4, x2: xp, y2: bottom, stroke: tick.isMajor ? "#cccccc" : "#eeeeee", width: 1)
            if tick.isMajor {
                canvas.line(x1: xp, y1: bottom, x2: xp, y2: bottom + 6, stroke: "#444444", width: 1)
                canvas.text(tick.label, x: xp, y: bottom + 22, size: 14, anchor: .middle, color: "#333333")
            }
        }
        canvas.text(x.label, x: left + plotWidth / 2, y: bottom + 44, size: 16, anchor: .middle, color: "#111111")

        for (index, row) in rows.enumerated() {
            let rowY = positions[index]
            if let group = row.group, index == 0 || rows[index - 1].group != group {
                canvas.text(group, x: 12, y: rowY + stripHeight - 3, size: 14, color: "#111111", weight: "bold")
            }
            canvas.text(row.label, x: left - 8, y: rowY + stripHeight - 3, size: 13, anchor: .end, color: "#333333")
            for segment in row.segments {
                guard let x1 = px(segment.lower), let x2 = px(segment.upper), x2 > x1 else { continue }
                canvas.rect(x: x1, y: rowY, width: x2 - x1, height: stripHeight, fill: categories[segment.category].color)
            }
        }
        for (value, label) in markers {
            guard let xp = px(value) else { continue }
            canvas.line(x1: xp, y1: top - 4, x2: xp, y2: bottom, stroke: "#222222", width: 1, dash: "3 3")
            canvas.text(label, x: xp + 4, y: top - 8, size: 12, color: "#222222")
        }

        for (rowIndex, keys) in keyRows.enumerated() {
            let rowY = legendTop + Double(rowIndex) * 22
            for (category, x) in keys {
                canvas.rect(x: x, y: rowY - 12, width: 16, height: 14, fill: category.color, stroke: "#666666", strokeWidth: 0.5)
                canvas.text(category.name, x: x + 22, y: rowY, size: 13, color: "#222222")
            }
        }
        return canvas.render()
    }
}
