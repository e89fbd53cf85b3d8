@testable import ExperimentRunner
import SoftFloat
import Testing

@Suite("Number text")
struct NumberTextTests {
    @Test func significantDigitsRoundHalfToEven() {
        #expect(NumberText.significant(-8.138020833333333e-05) == "-8.13802e-05")
        #expect(NumberText.significant(0.000123, digits: 3) == "1.23e-04")
        // 1.000025 is 1.0000249999999999417… in float64: rounded once, the last digit stays 2.
        #expect(NumberText.significant(1.000025) == "1.00002e+00")
        #expect(NumberText.significant(0) == "0" && NumberText.significant(-.infinity) == "-inf")
        #expect(NumberText.powerOfTen(-5) == 1e-5 && NumberText.powerOfTen(22) == 1e22 && NumberText.powerOfTen(400) == .infinity)
    }

    @Test func generalFormatting() {
        #expect(NumberText.general(4895.414813518524) == "4895.41")
        #expect(NumberText.general(2.9802322387695312e-08, digits: 3) == "2.98e-08")
        #expect(NumberText.general(65504) == "65504")
        #expect(NumberText.general(-0.00125) == "-0.00125")
        #expect(NumberText.general(1.7976931348623157e308) == "1.79769e+308")
    }

    @Test func valuesPreferExactDigits() {
        #expect(NumberText.value(0x7e, in: .float8_e4m3fn) == "448")
        #expect(NumberText.value(0x3555, in: .float16) == "0.333251953125")
        #expect(NumberText.value(0x7f7f_ffff, in: .float32) == "3.4028235e+38")
    }
}
