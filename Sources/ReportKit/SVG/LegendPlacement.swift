/// Where the legend box goes: inside a corner of the plot area, in a column to the right of
/// it (the plot area shrinks to make room), or nowhere.
public enum LegendPlacement: String, Sendable, Hashable {
    case topLeft, topRight, bottomLeft, bottomRight, outsideRight, hidden
}
