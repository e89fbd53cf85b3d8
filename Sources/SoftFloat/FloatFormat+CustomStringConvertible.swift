extension FloatFormat: CustomStringConvertible {
    /// The canonical name, for example `float8_e4m3fn` or `e5m2:bias=16`.
    public var description: String { name }
}
