/// How a series is drawn: colour, line (width and dash pattern, or no line for a scatter)
/// and point markers.
///
///     SeriesStyle(color: Palette.color(0))                                  // solid line
///     SeriesStyle(color: "#D55E00", dash: "6 3", marker: .circle)           // dashed, with dots
///     SeriesStyle(color: "#009E73", lineWidth: 0, marker: .square)          // scatter only
public struct SeriesStyle: Sendable, Hashable {
    public var color: String
    /// 0 draws no line (scatter).
    public var lineWidth: Double
    /// SVG `stroke-dasharray`, nil for solid.
    public var dash: String?
    public var marker: MarkerShape
    public var markerSize: Double

    public init(color: String, lineWidth: Double = 2, dash: String? = nil, marker: MarkerShape = .none, markerSize: Double = 4) {
        self.color = color
        self.lineWidth = lineWidth
        self.dash = dash
        self.marker = marker
        self.markerSize = markerSize
    }
}
