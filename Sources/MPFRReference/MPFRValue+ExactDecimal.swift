import CMPFR

extension MPFRValue {
    /// The exact value in plain positional decimal: `"0.1875"`, `"-65504"`, `"-0"`, `"inf"`, `"nan"`.
    ///
    ///     MPFRValue(1.0 / 3.0).exactDecimal
    ///     // "0.333333333333333314829616256247390992939472198486328125"
    ///
    /// Method: `x = z × 2^e` with z odd (`mpfr_get_z_2exp`, trailing zero bits moved into e).
    /// For e ≥ 0 the digits are those of z × 2^e; for e = −k < 0 they are those of z × 5^k with
    /// the point k places from the right. z × 5^k is odd, so its last digit is never 0.
    public var exactDecimal: String {
        if isNaN { return "nan" }
        let sign = isNegative ? "-" : ""
        if isInfinite { return sign + "inf" }
        if isZero { return sign + "0" }
        let integer = GMPInteger()
        let rawExponent = Int(mpfr_get_z_2exp(integer.pointer, pointer))
        let trailingZeros = integer.trailingZeroBitCount
        let odd = integer.shiftedRight(trailingZeros)
        let exponent = rawExponent + trailingZeros
        if exponent >= 0 {
            return sign + odd.shiftedLeft(exponent).decimalMagnitude
        }
        let places = -exponent
        var digits = odd.multiplied(by: .power(5, places)).decimalMagnitude
        if digits.count <= places {
            digits = String(repeating: "0", count: places - digits.count + 1) + digits
        }
        let point = digits.index(digits.endIndex, offsetBy: -places)
        return sign + digits[..<point] + "." + digits[point...]
    }
}
