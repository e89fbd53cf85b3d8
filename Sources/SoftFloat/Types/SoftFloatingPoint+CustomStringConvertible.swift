extension SoftFloatingPoint {
    /// The shortest decimal that rounds back to this code (`0.3333` for float16's 1/3,
    /// `inf`, `nan`, `-0.0`), as `Float.description` prints.
    public var description: String { Self.format.shortestDecimal(code) }

    /// Parses decimal, hex-float (`0x1.8p-3`), rational (`1/3`), `inf` or `nan` text and rounds
    /// its exact value once to nearest even; nil when the text is not a number.
    ///
    ///     BFloat16("0.1")    // 0.10009765625 (0x3dcd)
    ///     BFloat16("1/3")    // 0.333984375
    public init?(_ description: String) {
        guard let rounded = try? Self.format.round(description) else { return nil }
        self.init(code: rounded.bits)
    }
}
