import CMPFR

/// A GMP arbitrary-size integer (`mpz_t`), owned like ``MPFRValue``: the `deinit` calls
/// `mpz_clear`. Internal scaffolding for exact decimal expansions and rational literals.
///
///     GMPInteger(decimalDigits: "1000")!.bitWidth        // 10
///     GMPInteger.power(5, 3).decimalMagnitude            // "125"
final class GMPInteger {
    let pointer: UnsafeMutablePointer<__mpz_struct>

    /// Zero.
    init() {
        pointer = .allocate(capacity: 1)
        cmpfr_mpz_init(pointer)
    }

    deinit {
        cmpfr_mpz_clear(pointer)
        pointer.deallocate()
    }

    /// A small non-negative integer.
    convenience init(_ value: UInt) {
        self.init()
        cmpfr_mpz_set_ui(pointer, value)
    }

    /// The integer written by a non-empty string of ASCII decimal digits, or nil.
    convenience init?(decimalDigits: some StringProtocol) {
        guard !decimalDigits.isEmpty, decimalDigits.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        self.init()
        let status = String(decimalDigits).withCString { cmpfr_mpz_set_str(pointer, $0, 10) }
        guard status == 0 else { return nil }
    }

    /// `base^exponent`.
    static func power(_ base: UInt, _ exponent: Int) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_ui_pow_ui(result.pointer, base, UInt(exponent))
        return result
    }

    /// True for 0.
    var isZero: Bool { cmpfr_mpz_sgn(pointer) == 0 }

    /// −1, 0 or +1.
    var signum: Int { Int(cmpfr_mpz_sgn(pointer)) }

    /// The number of bits of |self| (0 for zero). Example: 255 → 8.
    var bitWidth: Int { isZero ? 0 : Int(cmpfr_mpz_sizeinbase(pointer, 2)) }

    /// The number of trailing zero bits (0 for zero). Example: 40 → 3.
    var trailingZeroBitCount: Int { isZero ? 0 : Int(cmpfr_mpz_scan1(pointer, 0)) }

    /// The number of set bits of |self|. Example: 40 → 2.
    var nonzeroBitCount: Int {
        guard signum < 0 else { return Int(cmpfr_mpz_popcount(pointer)) }
        return negated().nonzeroBitCount
    }

    /// self × other.
    func multiplied(by other: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_mul(result.pointer, pointer, other.pointer)
        return result
    }

    /// self × 2^count.
    func shiftedLeft(_ count: Int) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_mul_2exp(result.pointer, pointer, mp_bitcnt_t(count))
        return result
    }

    /// self ÷ 2^count, truncated toward zero.
    func shiftedRight(_ count: Int) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_tdiv_q_2exp(result.pointer, pointer, mp_bitcnt_t(count))
        return result
    }

    /// −self.
    func negated() -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_neg(result.pointer, pointer)
        return result
    }

    /// gcd(|self|, |other|).
    func greatestCommonDivisor(_ other: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_gcd(result.pointer, pointer, other.pointer)
        return result
    }

    /// self ÷ divisor, which must divide self exactly.
    func dividedExactly(by divisor: GMPInteger) -> GMPInteger {
        let result = GMPInteger()
        cmpfr_mpz_divexact(result.pointer, pointer, divisor.pointer)
        return result
    }

    /// The decimal digits of |self|, without a sign. Example: −120 → "120".
    var decimalMagnitude: String {
        let capacity = Int(cmpfr_mpz_sizeinbase(pointer, 10)) + 2
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        cmpfr_mpz_get_str(buffer, 10, pointer)
        let text = String(cString: buffer)
        return text.hasPrefix("-") ? String(text.dropFirst()) : text
    }
}
