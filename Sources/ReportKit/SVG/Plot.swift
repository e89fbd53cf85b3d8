/// A 2-D line/scatter plot with linear or log axes, ticks, grid, labels, a legend and
/// reference lines, rendered to a standalone SVG by ``svg()``.
///
/// Sized for reading at 800 px wide: 14 px tick labels, 16 px axis labels, an 18 px title.
///
///     var plot = Plot(title: "Running sum", x: PlotAxis(label: "n"), y: PlotAxis(label: "sum"))
///     plot.series.append(PlotSeries(name: "bfloat16", points: [PlotPoint(0, 0), PlotPoint(1000, 256)],
///                                   style: Palette.style(0)))
///     let svg = plot.svg()   // "<svg xmlns=…" — identical bytes on every machine
public struct Plot: Sendable, Hashable {
    public var title: String
    /// A smaller grey line under the title, or nil.
    public var subtitle: String?
    public var x: PlotAxis
    public var y: PlotAxis
    public var series: [PlotSeries] = []
    public var referenceLines: [ReferenceLine] = []
    public var legend: LegendPlacement = .topRight
    public var width: Double = 800
    public var height: Double = 500
    /// Prefix for element ids (clip paths), so several plots can share an HTML page.
    public var identifier: String = "plot"

    public init(title: String, subtitle: String? = nil, x: PlotAxis, y: PlotAxis) {
        self.title = title
        self.subtitle = subtitle
        self.x = x
        self.y = y
    }
}
