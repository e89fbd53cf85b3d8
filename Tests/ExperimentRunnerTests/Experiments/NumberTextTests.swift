@testable import ExperimentRunner
import LabCommands
import SoftFloat
import Testing

@Suite("Number text")
struct NumberTextTests {
    @Test func significantDigitsRoundHalfToEven() {
        #expect(NumberText.significant(-8.138020833333333e-05) == "-8.13802e-05")
        #expect(NumberText.significant(decimal: "1.000005", digits: 6) == "1.00000e+00")
        #expect(NumberText.significant(decimal: "1.000015", digits: 6) == "1.00002e+00")
        #expect(NumberText.significant(decimal: "9.999995", digits: 6) == "1.00000e+01")
        #expect(NumberText.significant(decimal: "0.000123", digits: 3) == "1.23e-04")
    }

    @Test func generalFormatting() {
        #expect(NumberText.general(4895.414813518524) == "4895.41")
        #expect(NumberText.general(2.9802322387695312e-08, digits: 3) == "2.98e-08")
        #expect(NumberText.general(65504) == "65504")
        #expect(NumberText.general(-0.00125) == "-0.00125")
        #expect(NumberText.general(1.7976931348623157e308) == "1.79769e+308")
    }

    @Test func dyadicExpansions() {
        #expect(NumberText.dyadic(significand: 31, exponent: -2) == "7.75")
        #expect(NumberText.dyadic(significand: 4095, exponent: 4) == "65520")
        #expect(NumberText.dyadic(significand: 1, exponent: -25) == FloatFormat.float64.exactDecimal(0x3E6000_0000_000000))
    }

    @Test func valuesPreferExactDigits() {
        #expect(NumberText.value(0x7e, in: .float8_e4m3fn) == "448")
        #expect(NumberText.value(0x3555, in: .float16) == "0.333251953125")
        #expect(NumberText.value(0x7f7f_ffff, in: .float32) == "3.4028235e+38")
    }

    @Test func exactRationalArithmetic() {
        let third = ExactRational(parsing: "1/3")!
        let stored = ExactRational(significand: 1365, exponent: -12)
        #expect((stored - third).significant() == "-8.13802e-05")
        #expect(((stored - third) / third).significant() == "-2.44141e-04")
        #expect(ExactRational(parsing: "-2.5e-3")!.double == -0.0025)
        #expect(ExactRational(parsing: "one") == nil)
        let big = Natural(decimalDigits: "123456789012345678901234567890".utf8)
        #expect((big * big).decimalString == "15241578753238836750495351562536198787501905199875019052100")
        #expect((Natural(1) << 70).decimalString == "1180591620717411303424")
    }
}
