/// A named run of (x, y) points drawn as a line, markers, or both.
///
/// Points that cannot be drawn (NaN, ±∞, or ≤ 0 on a log axis) break the line into
/// separate runs instead of being joined across the gap.
public struct PlotSeries: Sendable, Hashable {
    public var name: String
    public var points: [PlotPoint]
    public var style: SeriesStyle
    /// False hides the series from the legend.
    public var showInLegend: Bool

    public init(name: String, points: [PlotPoint], style: SeriesStyle, showInLegend: Bool = true) {
        self.name = name
        self.points = points
        self.style = style
        self.showInLegend = showInLegend
    }
}

/// One data point.
public struct PlotPoint: Sendable, Hashable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}
