import PortableMath

extension Plot {
    /// Renders the plot as a standalone SVG document.
    public func svg() -> String {
        let xFrame = resolvedFrame(axis: x, values: series.flatMap { $0.points.map(\.x) } + referenceLines.filter { $0.orientation == .vertical }.map(\.value))
        let yFrame = resolvedFrame(axis: y, values: series.flatMap { $0.points.map(\.y) } + referenceLines.filter { $0.orientation == .horizontal }.map(\.value))

        let tickSize = 14.0
        let widestYLabel = yFrame.ticks.filter(\.isMajor).map { SVGCanvas.estimatedWidth($0.label, size: tickSize) }.max() ?? 20
        let left = 36 + widestYLabel + 12
        let right = width - 24 - (legend == .outsideRight ? legendSize().width + 12 : 0)
        let top = subtitle == nil ? 48.0 : 68.0
        let bottom = height - 62
        let plotWidth = right - left
        let plotHeight = bottom - top

        func px(_ position: Double) -> Double {
            left + (position - xFrame.lower) / (xFrame.upper - xFrame.lower) * plotWidth
        }
        func py(_ position: Double) -> Double {
            bottom - (position - yFrame.lower) / (yFrame.upper - yFrame.lower) * plotHeight
        }

        var canvas = SVGCanvas(width: width, height: height)
        let clip = identifier + "-area"
        canvas.clipRect(id: clip, x: left, y: top, width: plotWidth, height: plotHeight)

        // Grid and ticks.
        for tick in xFrame.ticks where tick.position >= xFrame.lower - 1e-9 && tick.position <= xFrame.upper + 1e-9 {
            let xp = px(tick.position)
            canvas.line(x1: xp, y1: top, x2: xp, y2: bottom, stroke: tick.isMajor ? "#dddddd" : "#f0f0f0", width: 1)
            canvas.line(x1: xp, y1: bottom, x2: xp, y2: bottom + (tick.isMajor ? 6 : 3), stroke: "#444444", width: 1)
            if tick.isMajor {
                canvas.text(tick.label, x: xp, y: bottom + 22, size: tickSize, anchor: .middle, color: "#333333")
            }
        }
        for tick in yFrame.ticks where tick.position >= yFrame.lower - 1e-9 && tick.position <= yFrame.upper + 1e-9 {
            let yp = py(tick.position)
            canvas.line(x1: left, y1: yp, x2: right, y2: yp, stroke: tick.isMajor ? "#dddddd" : "#f0f0f0", width: 1)
            canvas.line(x1: left - (tick.isMajor ? 6 : 3), y1: yp, x2: left, y2: yp, stroke: "#444444", width: 1)
            if tick.isMajor {
                canvas.text(tick.label, x: left - 10, y: yp + 5, size: tickSize, anchor: .end, color: "#333333")
            }
        }
        canvas.rect(x: left, y: top, width: plotWidth, height: plotHeight, stroke: "#444444", strokeWidth: 1)

        // Reference lines below the data.
        for line in referenceLines {
            let axis = line.orientation == .vertical ? x : y
            guard let position = axis.scale.transform(line.value) else { continue }
            if line.orientation == .vertical {
                let xp = px(position)
                guard xp >= left - 0.5 && xp <= right + 0.5 else { continue }
                canvas.line(x1: xp, y1: top, x2: xp, y2: bottom, stroke: line.style.color, width: max(1, line.style.lineWidth), dash: line.style.dash)
                if let label = line.label {
                    canvas.text(label, x: xp + 4, y: top + 14, size: 12, color: line.style.color, rotate: nil)
                }
            } else {
                let yp = py(position)
                guard yp >= top - 0.5 && yp <= bottom + 0.5 else { continue }
                canvas.line(x1: left, y1: yp, x2: right, y2: yp, stroke: line.style.color, width: max(1, line.style.lineWidth), dash: line.style.dash)
                if let label = line.label {
                    canvas.text(label, x: right - 6, y: yp - 6, size: 12, anchor: .end, color: line.style.color)
                }
            }
        }

        // Data.
        for item in series {
            var runs: [[(x: Double, y: Double)]] = [[]]
            var markers: [(x: Double, y: Double)] = []
            for point in item.points {
                guard let xv = x.scale.transform(point.x), let yv = y.scale.transform(point.y) else {
                    if !runs[runs.count - 1].isEmpty { runs.append([]) }
                    continue
                }
                let position = (x: px(xv), y: py(yv))
                runs[runs.count - 1].append(position)
                if position.x >= left - 0.5 && position.x <= right + 0.5 && position.y >= top - 0.5 && position.y <= bottom + 0.5 {
                    markers.append(position)
                }
            }
            if item.style.lineWidth > 0 {
                canvas.polyline(runs, stroke: item.style.color, width: item.style.lineWidth, dash: item.style.dash, clip: clip)
            }
            for marker in markers {
                Self.drawMarker(item.style.marker, at: marker, size: item.style.markerSize, color: item.style.color, on: &canvas)
            }
        }

        // Titles.
        canvas.text(title, x: width / 2, y: 28, size: 18, anchor: .middle, color: "#111111", weight: "bold")
        if let subtitle {
            canvas.text(subtitle, x: width / 2, y: 50, size: 14, anchor: .middle, color: "#555555")
        }
        canvas.text(x.label, x: left + plotWidth / 2, y: height - 16, size: 16, anchor: .middle, color: "#111111")
        canvas.text(y.label, x: 20, y: top + plotHeight / 2, size: 16, anchor: .middle, color: "#111111", rotate: -90)

        drawLegend(on: &canvas, left: left, right: right, top: top, bottom: bottom)
        return canvas.render()
    }

    private struct Frame {
        var lower: Double
        var upper: Double
        var ticks: [AxisTick]
    }

    /// The axis range in axis units (value or log10 value) and its ticks.
    private func resolvedFrame(axis: PlotAxis, values: [Double]) -> Frame {
        switch axis.scale {
        case .linear:
            let range: ClosedRange<Double>
            if let fixed = axis.range {
                range = fixed
            } else {
                let finite = values.filter(\.isFinite)
                range = AxisTicks.linearRange(lower: finite.min() ?? 0, upper: finite.max() ?? 1)
            }
            return Frame(lower: range.lowerBound, upper: range.upperBound,
                         ticks: AxisTicks.linear(lower: range.lowerBound, upper: range.upperBound))
        case .log10:
            let lower: Double, upper: Double
            if let fixed = axis.range {
                lower = DeterministicMath.log10(fixed.lowerBound)
                upper = DeterministicMath.log10(fixed.upperBound)
            } else {
                let logs = values.compactMap { AxisScale.log10.transform($0) }
                lower = (logs.min() ?? 0).rounded(.down)
                upper = max(lower + 1, (logs.max() ?? 1).rounded(.up))
            }
            let ticks = AxisTicks.log10(lowerExponent: Int(lower.rounded(.up)), upperExponent: Int(upper.rounded(.down)))
            return Frame(lower: lower, upper: upper, ticks: ticks)
        }
    }

    private static func drawMarker(_ shape: MarkerShape, at point: (x: Double, y: Double), size: Double, color: String, on canvas: inout SVGCanvas) {
        let s = size
        switch shape {
        case .none: return
        case .circle: canvas.circle(cx: point.x, cy: point.y, r: s, fill: color, stroke: "#ffffff", strokeWidth: 0.8)
        case .square: canvas.rect(x: point.x - s, y: point.y - s, width: 2 * s, height: 2 * s, fill: color, stroke: "#ffffff", strokeWidth: 0.8)
        case .triangle:
            canvas.polygon([(point.x, point.y - s * 1.2), (point.x + s * 1.1, point.y + s * 0.8), (point.x - s * 1.1, point.y + s * 0.8)],
                           fill: color, stroke: "#ffffff", strokeWidth: 0.8)
        case .diamond:
            canvas.polygon([(point.x, point.y - s * 1.3), (point.x + s, point.y), (point.x, point.y + s * 1.3), (point.x - s, point.y)],
                           fill: color, stroke: "#ffffff", strokeWidth: 0.8)
        case .cross:
            canvas.line(x1: point.x - s, y1: point.y - s, x2: point.x + s, y2: point.y + s, stroke: color, width: 2)
            canvas.line(x1: point.x - s, y1: point.y + s, x2: point.x + s, y2: point.y - s, stroke: color, width: 2)
        }
    }

    private var legendEntries: [(String, SeriesStyle)] {
        series.filter(\.showInLegend).map { ($0.name, $0.style) }
            + referenceLines.compactMap { line in line.legendName.map { ($0, line.style) } }
    }

    private static let legendTextSize = 13.0
    private static let legendRowHeight = 20.0
    private static let legendSampleWidth = 34.0

    private func legendSize() -> (width: Double, height: Double) {
        let entries = legendEntries
        guard !entries.isEmpty else { return (0, 0) }
        let textWidth = entries.map { SVGCanvas.estimatedWidth($0.0, size: Self.legendTextSize) }.max() ?? 0
        return (12 + Self.legendSampleWidth + 8 + textWidth + 10, 8 + Self.legendRowHeight * Double(entries.count) + 2)
    }

    private func drawLegend(on canvas: inout SVGCanvas, left: Double, right: Double, top: Double, bottom: Double) {
        guard legend != .hidden else { return }
        let entries = legendEntries
        guard !entries.isEmpty else { return }
        let size = Self.legendTextSize
        let rowHeight = Self.legendRowHeight
        let sampleWidth = Self.legendSampleWidth
        let (boxWidth, boxHeight) = legendSize()
        let boxX: Double
        let boxY: Double
        switch legend {
        case .topLeft: boxX = left + 10; boxY = top + 10
        case .topRight: boxX = right - 10 - boxWidth; boxY = top + 10
        case .bottomLeft: boxX = left + 10; boxY = bottom - 10 - boxHeight
        case .outsideRight: boxX = right + 12; boxY = top
        case .bottomRight, .hidden: boxX = right - 10 - boxWidth; boxY = bottom - 10 - boxHeight
        }
        canvas.rect(x: boxX, y: boxY, width: boxWidth, height: boxHeight, fill: "#ffffff", stroke: "#bbbbbb", strokeWidth: 1, opacity: 0.92)
        for (index, entry) in entries.enumerated() {
            let rowY = boxY + 8 + rowHeight * Double(index) + rowHeight / 2
            let style = entry.1
            if style.lineWidth > 0 {
                canvas.line(x1: boxX + 12, y1: rowY, x2: boxX + 12 + sampleWidth, y2: rowY, stroke: style.color,
                            width: style.lineWidth, dash: style.dash)
            }
            Self.drawMarker(style.marker, at: (boxX + 12 + sampleWidth / 2, rowY), size: style.markerSize, color: style.color, on: &canvas)
            canvas.text(entry.0, x: boxX + 12 + sampleWidth + 8, y: rowY + 4.5, size: size, color: "#222222")
        }
    }
}
