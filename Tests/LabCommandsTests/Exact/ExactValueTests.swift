import Testing
@testable import LabCommands
import SoftFloat

@Suite struct ExactValueTests {
    @Test func decimalsKeepPowersOfTenSymbolic() throws {
        let value = try #require(ExactValue(parsing: " -1.50e3\r\n"))
        #expect(value.kind == .finite)
        #expect(value.negative)
        #expect(value.numerator == Natural(150))
        #expect(value.exponent2 == 1)
        #expect(value.exponent5 == 1)
    }

    @Test func rationalsHexFloatsAndSpecials() throws {
        let third = try #require(ExactValue(parsing: "1/3"))
        #expect(third.numerator == Natural(1) && third.denominator == Natural(3))
        let hex = try #require(ExactValue(parsing: "0x1.8p-3"))
        #expect(hex.numerator == Natural(0x18) && hex.exponent2 == -7 && hex.exponent5 == 0)
        #expect(ExactValue(parsing: "-Infinity")?.kind == .infinity)
        #expect(ExactValue(parsing: "NaN")?.kind == .nan)
        #expect(ExactValue(parsing: "-0.000")?.kind == .zero)
        #expect(ExactValue(parsing: "1e1000000000/1e1000000000")?.rational?.numerator == Natural(1))
    }

    @Test(arguments: ["", "abc", "1e", "0x", "1/0x", "1..2", "0x1e5p", "1/inf"])
    func malformedTextIsRejected(_ text: String) {
        #expect(ExactValue(parsing: text) == nil)
    }

    @Test func naturalArithmetic() {
        let big = Natural.powerOfTen(40)
        #expect((big * big).quotientAndRemainder(dividingBy: Natural.powerOfTen(61)).quotient == 10_000_000_000_000_000_000)
        #expect(((big + Natural(7)) - big) == Natural(7))
        #expect((Natural(1) << 200) >> 199 == Natural(2))
        #expect(Natural(decimalDigits: Array("123456789012345678901234567890".utf8))
            == Natural(123_456_789_012_345_678) * Natural(1_000_000_000_000) + Natural(901_234_567_890))
        #expect(Natural(hexDigits: Array("ffffffffffffffff1".utf8)) == (Natural(UInt64.max) << 4) + Natural(1))
    }
}
