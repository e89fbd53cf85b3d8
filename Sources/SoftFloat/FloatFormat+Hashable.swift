extension FloatFormat: Hashable {
    /// Two descriptors are equal when they describe the same codes: the same fields, bias and
    /// special-value rules. The name is not compared, since it follows from the fields (a
    /// descriptor built as `e5m10` is float16).
    ///
    ///     try FloatFormat.named("e5m10") == .float16          // true
    ///     try FloatFormat.named("e2m3fn:bias=1") == .float6_e2m3fn   // false: NaN at all ones
    @inlinable public static func == (a: FloatFormat, b: FloatFormat) -> Bool {
        a.exponentBits == b.exponentBits && a.mantissaBits == b.mantissaBits && a.bias == b.bias
            && a.nonFinite == b.nonFinite && a.isSigned == b.isSigned && a.hasZero == b.hasZero
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(exponentBits)
        hasher.combine(mantissaBits)
        hasher.combine(bias)
        hasher.combine(nonFinite)
        hasher.combine(isSigned)
        hasher.combine(hasZero)
    }
}
