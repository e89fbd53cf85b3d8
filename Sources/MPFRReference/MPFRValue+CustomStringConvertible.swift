extension MPFRValue: CustomStringConvertible {
    /// The exact decimal value (``exactDecimal``): `MPFRValue(0.5).description == "0.5"`.
    public var description: String { exactDecimal }
}
