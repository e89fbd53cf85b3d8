/// A named colour of a ``StripChart`` ("overflow", red).
public struct StripCategory: Sendable, Hashable {
    public var name: String
    public var color: String

    public init(_ name: String, color: String) {
        self.name = name
        self.color = color
    }
}
