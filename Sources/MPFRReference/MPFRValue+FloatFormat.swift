import CMPFR
import SoftFloat

extension MPFRValue {
    /// The exact value of a code of `format`, decoded from the descriptor by the reference's
    /// own code (NaN, ±inf and ±0 included). Precision is at least 64 bits.
    ///
    ///     MPFRValue(bits: 0x7e, format: .float8_e4m3fn).doubleValue      // 448
    ///     MPFRValue(bits: 0x00, format: .float8_e8m0fnu).exponent        // -127
    ///     MPFRValue(bits: 0x80, format: .float8_e4m3fnuz).isNaN          // true
    ///     MPFRValue(bits: 0x8000, format: .float16).isNegative           // true (−0)
    public convenience init(bits: UInt64, format: FloatFormat) {
        self.init(DecodedCode(bits: bits, format: format))
    }

    /// The exact value of a decoded code, at precision 64.
    convenience init(_ decoded: DecodedCode) {
        self.init(precision: 64)
        switch decoded {
        case .nan(let negative, _):
            mpfr_set_nan(pointer)
            if negative { mpfr_setsign(pointer, pointer, 1, MPFR_RNDN) }
        case .infinity(let negative):
            mpfr_set_inf(pointer, negative ? -1 : 1)
        case .zero(let negative):
            mpfr_set_zero(pointer, negative ? -1 : 1)
        case .finite(let negative, let significand, let exponent):
            mpfr_set_ui_2exp(pointer, UInt(significand), exponent, MPFR_RNDN)
            if negative { mpfr_neg(pointer, pointer, MPFR_RNDN) }
        }
    }
}
