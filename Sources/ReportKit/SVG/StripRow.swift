/// One horizontal strip of a ``StripChart``: a label and coloured intervals along x.
///
///     StripRow(group: "float16", label: "x·x", segments: [
///         StripSegment(lower: 1e-10, upper: 2.4e-4, category: 2),   // flushed to zero
///         StripSegment(lower: 2.4e-4, upper: 256, category: 0),     // normal
///     ])
public struct StripRow: Sendable, Hashable {
    /// Printed once for consecutive rows sharing it (the format name), or nil.
    public var group: String?
    public var label: String
    public var segments: [StripSegment]

    public init(group: String? = nil, label: String, segments: [StripSegment]) {
        self.group = group
        self.label = label
        self.segments = segments
    }
}

/// An interval [lower, upper] of x in one category (an index into the chart's categories).
public struct StripSegment: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    public var category: Int

    public init(lower: Double, upper: Double, category: Int) {
        self.lower = lower
        self.upper = upper
        self.category = category
    }
}
