/// One `key = value` of a ``SpecTable`` with the line it was written on.
public struct SpecEntry: Sendable, Hashable {
    public var key: String
    public var value: SpecValue
    /// 1-based source line, nil if it could not be located.
    public var line: Int?

    public init(key: String, value: SpecValue, line: Int?) {
        self.key = key
        self.value = value
        self.line = line
    }
}
