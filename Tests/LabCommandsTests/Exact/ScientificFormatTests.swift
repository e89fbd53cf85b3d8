import Testing
@testable import LabCommands
import SoftFloat

@Suite struct ScientificFormatTests {
    func text(_ numerator: UInt64, _ denominator: UInt64 = 1, exponent: Int = 0, negative: Bool = false) -> String {
        ScientificFormat.string(negative: negative, numerator: Natural(numerator), denominator: Natural(denominator), exponent: exponent)
    }

    @Test func roundsToSixSignificantDigits() {
        #expect(text(1, 3) == "3.33333e-01")
        #expect(text(2, 3) == "6.66667e-01")
        #expect(text(1) == "1.00000e+00")
        #expect(text(1, 8) == "1.25000e-01")
        #expect(text(1, 12288, negative: true) == "-8.13802e-05")
        #expect(text(0) == "0")
    }

    @Test func tiesGoToEvenAndCarriesMoveTheExponent() {
        #expect(text(1_953_125, 1_000_000) == "1.95312e+00")   // ...125 → even 2
        #expect(text(1_953_135, 1_000_000) == "1.95314e+00")   // ...135 → even 4
        #expect(text(9_999_995, 1_000_000) == "1.00000e+01")   // carries into a new decade
        #expect(text(9_999_985, 1_000_000) == "9.99998e+00")
    }

    @Test func extremePowersOfTwo() {
        #expect(text(1, exponent: 1000) == "1.07151e+301")
        #expect(text(1, exponent: -1074) == "4.94066e-324")
        #expect(text(1, exponent: 100_000) == "9.99002e+30102")
    }
}
