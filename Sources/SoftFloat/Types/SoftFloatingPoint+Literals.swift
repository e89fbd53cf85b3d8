extension SoftFloatingPoint {
    /// An integer literal, rounded once to nearest even: `let x: Float8E4M3FN = 300` is 288.
    @inlinable public init(integerLiteral value: Int64) {
        self.init(code: Self.format.convert(fromInt64: value).bits)
    }

    /// A float literal. Swift hands the literal over as a `Double`, so the decimal is rounded
    /// to 53 bits first and then to this format. That double rounding can only go wrong for a
    /// literal within half a Double ulp of a midpoint between two codes (`0.1`, `1e-3` and
    /// every literal with at most 15 significant digits and a code-width gap are safe in
    /// practice); use `init?(_: String)`, which rounds the exact decimal once, when it matters.
    @inlinable public init(floatLiteral value: Double) {
        self.init(value)
    }
}
