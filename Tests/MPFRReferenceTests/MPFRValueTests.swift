import MPFRReference
import SoftFloat
import Testing

@Suite struct MPFRValueTests {
    @Test func freshValueIsNaN() {
        let value = MPFRValue(precision: 24)
        #expect(value.isNaN && !value.isFinite && value.precision == 24 && value.exponent == nil)
        #expect(value.description == "nan")
    }

    @Test func significandAndExponent() {
        let third = MPFRValue(significand: 0x5555_5555_5555_5555 as UInt64, exponent: -64)
        #expect(third.precision == 63 && third.exponent == -2 && !third.isNegative)
        let big = MPFRValue(significand: UInt128(1) << 100 | 1, exponent: 0, negative: true)
        #expect(big.precision == 101 && big.isNegative && big.sign == .minus && big.exponent == 100)
        #expect(big.description == "-1267650600228229401496703205377")
        #expect(MPFRValue(significand: 3, exponent: -1).doubleValue == 1.5)
        #expect(MPFRValue(significand: -5, exponent: 2).doubleValue == -20)
        #expect(MPFRValue(significand: -5, exponent: 2, negative: true).doubleValue == 20)
        let negativeZero = MPFRValue(significand: 0, exponent: 0, negative: true)
        #expect(negativeZero.isZero && negativeZero.isNegative && negativeZero.description == "-0")
        #expect(MPFRValue(significand: UInt128.max, exponent: 0).precision == 128)
    }

    @Test func doublesAreExact() {
        #expect(MPFRValue(0.1).description == "0.1000000000000000055511151231257827021181583404541015625")
        #expect(MPFRValue(1.0).exponent == 0 && MPFRValue(0.75).exponent == -1)
        #expect(MPFRValue(.infinity).isInfinite && MPFRValue(-.infinity).isNegative)
        #expect(MPFRValue(-0.0).isZero && MPFRValue(-0.0).isNegative)
        #expect(MPFRValue(.nan).isNaN)
        #expect(MPFRValue(0.1875).debugDescription == "MPFRValue(0x3p-4, precision: 53)")
    }

    @Test func roundingToAPrecision() {
        #expect(MPFRValue(MPFRValue(1.0 / 3.0), precision: 11).description == "0.333251953125")
        #expect(MPFRValue(MPFRValue(1.0 / 3.0), precision: 11, direction: .up).description == "0.33349609375")
    }

    @Test func decodesFormatCodes() {
        #expect(MPFRValue(bits: 0x7e, format: .float8_e4m3fn).doubleValue == 448)
        #expect(MPFRValue(bits: 0x00, format: .float8_e8m0fnu).exponent == -127)
        #expect(MPFRValue(bits: 0x80, format: .float8_e4m3fnuz).isNaN)
        #expect(MPFRValue(bits: 0x8000, format: .float16).isNegative)
        #expect(MPFRValue(bits: 0x7c00, format: .float16).isInfinite)
        #expect(MPFRValue(bits: 0x7c, format: .float8_e4m3fn).doubleValue == 256 + 128)  // not special in fn
        // Bits above the format's width are ignored.
        #expect(MPFRValue(bits: 0xff00_3c00, format: .float16).doubleValue == 1)
    }

    struct ExactCase: Sendable, CustomTestStringConvertible {
        var text: String
        var decimal: String
        var precision: Int
        var testDescription: String { text }
    }

    @Test(arguments: [
        ExactCase(text: "0.375", decimal: "0.375", precision: 2),
        ExactCase(text: "0x1.8p-3", decimal: "0.1875", precision: 2),
        ExactCase(text: "-5/8", decimal: "-0.625", precision: 3),
        ExactCase(text: "1e3", decimal: "1000", precision: 7),
        ExactCase(text: "3/6", decimal: "0.5", precision: 1),
        ExactCase(text: "-0", decimal: "-0", precision: 1),
        ExactCase(text: "0b101.1", decimal: "5.5", precision: 4),
        ExactCase(text: "1e300", decimal: "1" + String(repeating: "0", count: 300), precision: 697),
        ExactCase(text: "-inf", decimal: "-inf", precision: 1),
        ExactCase(text: "nan", decimal: "nan", precision: 1),
    ])
    func exactText(_ test: ExactCase) throws {
        let value = try MPFRValue(exactly: test.text)
        #expect(value.description == test.decimal)
        #expect(value.precision == test.precision)
    }

    @Test(arguments: ["0.1", "1/3", "1e-1", "2/10"])
    func inexactTextIsRejected(_ text: String) {
        #expect(throws: MPFRTextError.notExactlyRepresentable(text)) { try MPFRValue(exactly: text) }
    }

    @Test func roundedText() throws {
        #expect(try MPFRValue("1/3", precision: 11).description == "0.333251953125")
        #expect(try MPFRValue("0.1", precision: 24).description == "0.100000001490116119384765625")
        #expect(try MPFRValue("0.1", precision: 24, direction: .down).description == "0.0999999940395355224609375")
        #expect(try MPFRValue("-0x1p-1074", precision: 53).doubleValue == -Double.leastNonzeroMagnitude)
        #expect(throws: MPFRTextError.unparsable("1.2.3")) { try MPFRValue("1.2.3", precision: 8) }
    }
}
