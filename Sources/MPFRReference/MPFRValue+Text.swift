import CMPFR

extension MPFRValue {
    /// The exact value of a decimal, hexadecimal, binary or rational literal, at just enough
    /// precision; `inf` and `nan` are accepted too.
    ///
    ///     try MPFRValue(exactly: "0.375").precision    // 2 (0.375 = 3 × 2^-3)
    ///     try MPFRValue(exactly: "0x1.8p-3")           // 0.1875
    ///     try MPFRValue(exactly: "-5/8")               // −0.625
    ///     try MPFRValue(exactly: "0.1")                // throws .notExactlyRepresentable
    ///
    /// - Throws: ``MPFRTextError`` for unparsable text, a zero denominator, a decimal exponent
    ///   beyond ±10^6, or a value that is not a multiple of a power of two.
    public convenience init(exactly text: String) throws(MPFRTextError) {
        let exact = try NumberLiteral.parse(text).exactValue(text: text)
        self.init(exact, precision: exact.precision)
    }

    /// A decimal, hexadecimal, binary or rational literal rounded once to `precision` bits.
    ///
    /// Single literals go through `mpfr_strtofr`, which rounds correctly for any length and
    /// exponent; a rational `a/b` divides the two exact integers with one correctly rounded
    /// `mpfr_div`.
    ///
    ///     try MPFRValue("1/3", precision: 11).exactDecimal     // "0.333251953125"
    ///     try MPFRValue("0.1", precision: 24).exactDecimal     // "0.100000001490116119384765625"
    ///
    /// The value is computed in the calling thread's current MPFR exponent range (MPFR's default
    /// unless changed), so `1e-400000000` underflows to 0.
    public convenience init(_ text: String, precision: Int, direction: MPFRRounding = .nearestEven) throws(MPFRTextError) {
        let literal = try NumberLiteral.parse(text)
        self.init(precision: precision)
        _ = literal.round(into: pointer, direction.mpfr)
    }

    /// The exact integer `(−1)^negative × |integer|`, at just enough precision.
    convenience init(integer: GMPInteger, negative: Bool) {
        self.init(precision: max(integer.bitWidth, 1))
        mpfr_set_z(pointer, integer.pointer, MPFR_RNDN)
        if integer.signum < 0 { mpfr_neg(pointer, pointer, MPFR_RNDN) }
        if negative { mpfr_neg(pointer, pointer, MPFR_RNDN) }
    }
}
