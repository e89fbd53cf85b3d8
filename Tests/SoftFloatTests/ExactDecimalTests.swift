import Testing
import SoftFloat

/// `FloatFormat.exactDecimal(negative:significand:exponent:)`, the one exact-decimal printer:
/// ±significand × 2^exponent, expected digits worked by hand (2^-25 = 5^25 / 10^25).
struct ExactDecimalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let negative: Bool
        let significand: UInt64
        let exponent: Int
        let expected: String
        var testDescription: String { "\(negative ? "-" : "")\(significand)·2^\(exponent)" }
    }

    @Test(arguments: [
        Case(negative: false, significand: 31, exponent: -2, expected: "7.75"),
        Case(negative: false, significand: 4095, exponent: 4, expected: "65520"),
        Case(negative: false, significand: 1, exponent: -25, expected: "0.0000000298023223876953125"),
        Case(negative: true, significand: 1, exponent: -1, expected: "-0.5"),
        Case(negative: false, significand: 3, exponent: 126, expected: "255211775190703847597530955573826158592"),
    ])
    func expansion(_ c: Case) {
        #expect(FloatFormat.exactDecimal(negative: c.negative, significand: Natural(c.significand), exponent: c.exponent) == c.expected)
    }
}
