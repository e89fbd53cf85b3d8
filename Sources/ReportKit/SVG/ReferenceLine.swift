/// A straight reference line across the plot area, vertical (at an x value) or horizontal
/// (at a y value), optionally in the legend. Used for boundaries such as "overflow at 65520".
///
///     ReferenceLine(.vertical, at: 65520, style: SeriesStyle(color: "#D55E00", lineWidth: 1, dash: "5 4"))
public struct ReferenceLine: Sendable, Hashable {
    public enum Orientation: Sendable, Hashable { case vertical, horizontal }

    public var orientation: Orientation
    public var value: Double
    public var style: SeriesStyle
    /// Text drawn next to the line (small, at the top for vertical lines, at the right end
    /// for horizontal ones); nil for none.
    public var label: String?
    /// Legend entry, nil to keep it out of the legend.
    public var legendName: String?

    public init(_ orientation: Orientation, at value: Double, style: SeriesStyle, label: String? = nil, legendName: String? = nil) {
        self.orientation = orientation
        self.value = value
        self.style = style
        self.label = label
        self.legendName = legendName
    }
}
