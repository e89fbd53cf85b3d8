/// One axis of a ``Plot``: its label, scale and (optionally fixed) range.
///
///     PlotAxis(label: "|x|", scale: .log10, range: 1e-46...1e39)
///     PlotAxis(label: "terms added", range: 0...10_000)
public struct PlotAxis: Sendable, Hashable {
    public var label: String
    public var scale: AxisScale
    /// Data range shown; nil picks one from the data, widened to whole ticks.
    public var range: ClosedRange<Double>?

    public init(label: String, scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }
}
