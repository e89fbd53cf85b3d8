extension SoftFloatingPoint {
    /// Encodes the value as a `Double`, which holds every code of every format of at most 53
    /// bits of precision exactly (JSON: `1.5`, like `Float`). NaN and infinity need the
    /// encoder's non-conforming-float strategy, as for `Float`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }

    /// Decodes a `Double` and rounds it once to nearest even.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode(Double.self))
    }
}
