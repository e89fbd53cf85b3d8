import SoftFloat

/// An oracle built from hardware `Double` arithmetic, independent of the engine's integer code.
///
/// Why it is exact: for operands of a format with precision p ≤ 25,
/// - a Double sum, difference or product is correctly rounded to 53 bits, and the rounding
///   error is recovered exactly (TwoSum for sums, `fma(x, y, −q)` for products);
/// - a Double quotient or square root is correctly rounded, and the sign of its error is
///   recovered exactly from the fma residual `x − q·y` or `x − q²`.
///
/// The Double result and the sign of its error give the round-to-odd value at 53 bits, and
/// rounding that to p bits in any deterministic mode equals rounding the exact value, because
/// p + 1 < 53 (Boldo & Melquiond; the odd bit keeps the "strictly between" information). For
/// round-to-nearest alone even the plain Double result would do, since double rounding is
/// innocuous when 53 ≥ 2p + 2 (Figueroa), that is p ≤ 25. Stochastic rounding reads the
/// discarded bits themselves, so it is checked against MPFR instead.
///
/// The final rounding to the format is MPFR's for nearest-away and odd (see
/// `FormatEmulation+DerivedModes.swift` in MPFRReference) and the engine's `float64 → format`
/// conversion for the IEEE directions, which MPFRConversionTests holds to MPFR.
enum DoubleOracle {
    /// The 53-bit round-to-odd value of `q + ε`, given `q` (a Double result) and the sign of the
    /// exact error `ε`.
    static func roundedToOdd(_ q: Double, errorSign: Int) -> Double {
        guard errorSign != 0 else { return q }
        if q.bitPattern & 1 == 1 { return q }
        return errorSign > 0 ? q.nextUp : q.nextDown
    }

    static func sign(_ value: Double) -> Int { value > 0 ? 1 : value < 0 ? -1 : 0 }

    /// x + y exactly, as round-to-odd Double.
    static func sum(_ x: Double, _ y: Double) -> Double {
        let s = x + y
        guard s.isFinite else { return s }
        let yVirtual = s - x
        let xVirtual = s - yVirtual
        let error = (x - xVirtual) + (y - yVirtual)  // TwoSum: exact
        return roundedToOdd(s, errorSign: sign(error))
    }

    static func product(_ x: Double, _ y: Double) -> Double {
        let p = x * y
        guard p.isFinite, p != 0 else { return p }
        return roundedToOdd(p, errorSign: sign((-p).addingProduct(x, y)))
    }

    static func quotient(_ x: Double, _ y: Double) -> Double {
        let q = x / y
        guard q.isFinite, q != 0 else { return q }
        let residual = x.addingProduct(-q, y)  // x − q·y, exact
        return roundedToOdd(q, errorSign: sign(residual) * sign(y))
    }

    static func squareRoot(_ x: Double) -> Double {
        let q = x.squareRoot()
        guard q.isFinite, q > 0 else { return q }
        return roundedToOdd(q, errorSign: sign(x.addingProduct(-q, q)))
    }

    /// x·y + z exactly as round-to-odd Double; needs x·y exact (2p ≤ 53).
    static func fusedMultiplyAdd(_ x: Double, _ y: Double, _ z: Double) -> Double {
        let p = x * y
        if p.isFinite && !p.isZero { precondition((-p).addingProduct(x, y) == 0, "product must be exact") }
        return sum(p, z)
    }
}
