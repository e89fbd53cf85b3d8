import Foundation
import Testing
@testable import SoftFloat

/// Significant-digit printing, rounded once from the exact value.
@Suite struct ScientificNotationTests {
    func text(_ numerator: UInt64, _ denominator: UInt64 = 1, exponent: Int = 0, negative: Bool = false) -> String {
        ScientificNotation.string(negative: negative, numerator: Natural(numerator), denominator: Natural(denominator), exponent: exponent)
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

    @Test func exactNumbersKeepTheirPowerOfTen() throws {
        #expect(try ExactNumber(parsing: "1.000005").scientific() == "1.00000e+00")
        #expect(try ExactNumber(parsing: "1.000015").scientific() == "1.00002e+00")
        #expect(try ExactNumber(parsing: "9.999995").scientific() == "1.00000e+01")
        #expect(try ExactNumber(parsing: "0.000123").scientific(digits: 3) == "1.23e-04")
        #expect(try ExactNumber(parsing: "-1/12288").scientific() == "-8.13802e-05")
        #expect(try ExactNumber(parsing: "1e-400").scientific(digits: 3) == "1.00e-400")
        #expect(try ExactNumber(parsing: "7e999999999").scientific(digits: 1) == "7e+999999999")
        #expect(try ExactNumber(parsing: "-0").scientific() == "0")
        #expect(try ExactNumber(parsing: "-inf").scientific() == "-inf")
        #expect(try ExactNumber(parsing: "nan").scientific() == "nan")
        #expect(try ExactNumber(parsing: "0x1p9999999").scientific() == "n/a")
        // 17 digits of 2^-1075 × 3 (a value between float64 subnormals).
        #expect(ExactNumber(negative: false, significand: 3, exponent: -1075).scientific(digits: 17) == "7.4109846876186982e-324")
    }

    /// On float64 values the printer must match glibc's `%.Ne`, which rounds the exact binary
    /// value once, ties to even (an independent implementation).
    @Test(arguments: [1, 3, 6, 17])
    func agreesWithPrintfOnDoubles(_ digits: Int) {
        var random = SplitMix64(seed: 42)
        var values: [Double] = [0.5, 1.5, 2.5, 0.125, 1e23, .leastNonzeroMagnitude, 1.7976931348623157e308, 1_953_125e-6, 9.9999949999999e5]
        for _ in 0..<2000 {
            let value = Double(bitPattern: random.next() & 0x7fff_ffff_ffff_ffff)
            if value.isFinite && value != 0 { values.append(value) }
        }
        for value in values {
            let expected = String(format: "%.\(digits - 1)e", value)
            #expect(ExactNumber(value).scientific(digits: digits) == expected, "\(value)")
        }
    }
}
