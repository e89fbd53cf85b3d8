/// Matrix-mode input that does not fit the unit (K not a multiple of the unit's K, …).
public struct MatrixProductError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
