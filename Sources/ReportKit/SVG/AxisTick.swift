/// A tick mark: where it goes (in axis units: the value, or log10 of it) and its label
/// (empty for minor ticks).
public struct AxisTick: Sendable, Hashable {
    public var position: Double
    public var label: String
    public var isMajor: Bool

    public init(position: Double, label: String, isMajor: Bool = true) {
        self.position = position
        self.label = label
        self.isMajor = isMajor
    }
}
