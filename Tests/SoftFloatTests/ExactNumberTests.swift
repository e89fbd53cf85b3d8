import Testing
@testable import SoftFloat

/// The one exact-number type: parsing keeps powers of ten symbolic, codes decode exactly, and
/// `expandedFraction` expands the power of ten only within its limits.
@Suite struct ExactNumberTests {
    @Test func decimalsKeepPowersOfTenSymbolic() throws {
        let value = try ExactNumber(parsing: " -1.50e3\r\n")
        #expect(value.kind == .finite)
        #expect(value.isNegative)
        #expect(value.numerator == Natural(150))
        #expect(value.decimalExponent == 1 && value.binaryExponent == 0)
        let fraction = try #require(value.expandedFraction)
        // −150 × 10 = −(150 × 5) × 2^1
        #expect(fraction.negative && fraction.numerator == Natural(750) && fraction.denominator == Natural(1) && fraction.exponent == 1)
    }

    @Test func rationalsHexFloatsAndSpecials() throws {
        let third = try ExactNumber(parsing: "1/3")
        #expect(third.numerator == Natural(1) && third.denominator == Natural(3))
        let hex = try ExactNumber(parsing: "0x1.8p-3")
        #expect(hex.numerator == Natural(0x18) && hex.binaryExponent == -7 && hex.decimalExponent == 0)
        #expect(try ExactNumber(parsing: "-Infinity").kind == .infinity)
        #expect(try ExactNumber(parsing: "NaN").kind == .nan)
        #expect(try ExactNumber(parsing: "-0.000").kind == .zero)
        let ratio = try ExactNumber(parsing: "1e1000000000/1e1000000000")
        #expect(ratio.expandedFraction?.numerator == Natural(1) && ratio.expandedFraction?.exponent == 0)
        // 1e400/1e399 = 10 exactly, whatever the sizes of the two sides.
        #expect(try ExactNumber(parsing: "1e400/1e399").rounded(to: .float16).bits == 0x4900)
    }

    @Test(arguments: ["", "abc", "1e", "0x", "1/0x", "1..2", "0x1e5p", "1/inf", "1/0", "1 /3", "--1", "0x1.8e-3"])
    func malformedTextIsRejected(_ text: String) {
        #expect(throws: NumberSyntaxError.self) { try ExactNumber(parsing: text) }
    }

    @Test func expansionStopsAtItsLimits() throws {
        #expect(try ExactNumber(parsing: "1e300000").expandedFraction != nil)
        #expect(try ExactNumber(parsing: "1e300001").expandedFraction == nil)
        #expect(try ExactNumber(parsing: "0x1p-1500000").expandedFraction != nil)
        #expect(try ExactNumber(parsing: "0x1p-1500001").expandedFraction == nil)
        #expect(try ExactNumber(parsing: "0").expandedFraction == nil)
    }

    /// Every float16 code decodes to the value MPFR-independent hardware gives: Float16 → Double.
    @Test func codesDecodeExactly() {
        for code in UInt64(0)...0xffff {
            let number = ExactNumber(FloatFormat.float16.decode(code))
            let hardware = Double(Float16(bitPattern: UInt16(code)))
            if hardware.isNaN {
                #expect(number.kind == .nan)
            } else {
                let back = number.rounded(to: .float64)
                #expect(back.bits == hardware.bitPattern && back.flags.isEmpty, "float16 0x\(String(code, radix: 16))")
            }
        }
        #expect(ExactNumber(-0.375).scientific() == "-3.75000e-01")
    }

    @Test func naturalArithmetic() {
        let big = Natural.powerOfTen(40)
        #expect((big * big).quotientAndRemainder(dividingBy: Natural.powerOfTen(61)).quotient == 10_000_000_000_000_000_000)
        #expect(((big + Natural(7)) - big) == Natural(7))
        #expect((Natural(1) << 200) >> 199 == Natural(2))
        #expect(Natural(decimalDigits: Array("123456789012345678901234567890".utf8))
            == Natural(123_456_789_012_345_678) * Natural(1_000_000_000_000) + Natural(901_234_567_890))
        #expect(Natural(hexDigits: Array("ffffffffffffffff1".utf8)) == (Natural(UInt64.max) << 4) + Natural(1))
        let digits = Natural(decimalDigits: "123456789012345678901234567890".utf8)
        #expect((digits * digits).decimalString == "15241578753238836750495351562536198787501905199875019052100")
        #expect((Natural(1) << 70).decimalString == "1180591620717411303424")
    }
}
