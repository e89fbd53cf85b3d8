import Testing
import SoftFloat

/// The one number scanner's grammar, through `ExactNumber(parsing:)`: edge cases of every
/// rule, the error each malformed literal gets, and saturation of absurd exponents (no trap,
/// no hang). Expected values are worked out by hand in the arguments.
@Suite struct NumberScannerTests {
    struct Accepted: Sendable, CustomTestStringConvertible {
        let text: String
        /// float64 code of the correctly rounded value (by hand or Swift's own literal parser).
        let float64: UInt64
        var testDescription: String { "'\(text)'" }
    }

    static let accepted: [Accepted] = [
        Accepted(text: ".5", float64: 0x3fe0_0000_0000_0000),
        Accepted(text: "7.", float64: 0x401c_0000_0000_0000),
        Accepted(text: "+3.75", float64: 0x400e_0000_0000_0000),
        Accepted(text: "1E3", float64: 0x408f_4000_0000_0000),
        Accepted(text: "1e+3", float64: 0x408f_4000_0000_0000),
        Accepted(text: "-0", float64: 0x8000_0000_0000_0000),
        Accepted(text: "0.000", float64: 0),
        Accepted(text: "0x1.8p-3", float64: 0x3fc8_0000_0000_0000),        // 1.5 × 2^-3 = 0.1875
        Accepted(text: "0X1.8P-3", float64: 0x3fc8_0000_0000_0000),
        Accepted(text: "0xAp0", float64: 0x4024_0000_0000_0000),            // 10
        Accepted(text: "0x.8", float64: 0x3fe0_0000_0000_0000),            // 0.5, no exponent needed
        Accepted(text: "-0x1p+10", float64: 0xc090_0000_0000_0000),         // −1024
        Accepted(text: "1/3", float64: (1.0 / 3).bitPattern),
        Accepted(text: "-2.5/-5", float64: 0x3fe0_0000_0000_0000),          // 0.5
        Accepted(text: "0/7", float64: 0),
        Accepted(text: "-0/7", float64: 0x8000_0000_0000_0000),
        Accepted(text: "0x1p-1/0x1p1", float64: 0x3fd0_0000_0000_0000),     // 0.25
        Accepted(text: "INF", float64: 0x7ff0_0000_0000_0000),
        Accepted(text: "-Infinity", float64: 0xfff0_0000_0000_0000),
        Accepted(text: " \t1\r\n", float64: 0x3ff0_0000_0000_0000),
        Accepted(text: "1e999999999999", float64: 0x7ff0_0000_0000_0000),   // saturates at 10^(10^9): overflow
        Accepted(text: "-1e-999999999999", float64: 0x8000_0000_0000_0000), // underflow to −0
        Accepted(text: "1e999999999999/1e999999999999", float64: 0x3ff0_0000_0000_0000),
        Accepted(text: "00000000000000000000000000001.5", float64: 0x3ff8_0000_0000_0000),
        Accepted(text: "123456789012345678901234567890", float64: 123456789012345678901234567890.0.bitPattern),
        Accepted(text: "0x123456789abcdef0123p0", float64: 0x4472_3456_789a_bcdf),   // 21 hex digits, rounded once (Python float.fromhex)
        Accepted(text: "4.9406564584124654e-324", float64: 1),
        Accepted(text: "2.4703282292062327e-324", float64: 0),              // just below half the smallest subnormal
        Accepted(text: "2.4703282292062328e-324", float64: 1),              // just above it
    ]

    @Test(arguments: accepted)
    func acceptedLiterals(_ example: Accepted) throws {
        let bits = try ExactNumber(parsing: example.text).rounded(to: .float64).bits
        #expect(bits == example.float64, "0x\(String(bits, radix: 16)) ≠ 0x\(String(example.float64, radix: 16))")
    }

    @Test func nanIsNaN() throws {
        #expect(try ExactNumber(parsing: "nan").kind == .nan)
        #expect(try ExactNumber(parsing: "-NaN").isNegative)
    }

    @Test(arguments: [
        ("", "empty input"), ("  \r\n", "empty input"),
        ("1e", "missing exponent digits"), ("1e+", "missing exponent digits"), ("0x1p", "missing exponent digits"),
        (".", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
        ("-", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
        ("--1", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
        ("abc", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
        ("1/", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
        ("0x", "expected hex digits after '0x'"), ("0xg", "expected hex digits after '0x'"),
        ("1.2.3", "unexpected character '.'"), ("1X", "unexpected character 'x'"), ("1 /3", "unexpected character ' '"),
        ("1/3/4", "unexpected character '/'"), ("0x1.8e-3", "unexpected character '-' in hex-float"),
        ("0x1.8Q", "unexpected character 'q' in hex-float"), ("1e5x", "unexpected character 'x' in exponent"),
        ("1e+-3", "unexpected character '-' in exponent"), ("1e1.5", "unexpected character '.' in exponent"),
        ("1/0", "the denominator of a rational is zero"), ("1/0x0p7", "the denominator of a rational is zero"),
        ("1/inf", "a rational needs finite numbers on both sides of '/'"), ("nan/2", "a rational needs finite numbers on both sides of '/'"),
        ("infinite", "expected a number (decimal, rational a/b, hex-float 0x1.8p-3, inf or nan)"),
    ])
    func rejectedLiterals(_ text: String, _ reason: String) {
        do {
            _ = try ExactNumber(parsing: text)
            Issue.record("'\(text)' parsed")
        } catch {
            #expect(error == NumberSyntaxError(text: text, reason: reason))
        }
    }

    /// The scanner's own view: where the mantissa is, the leading digits and the saturated exponent.
    @Test func scannedFields() throws {
        func scan(_ text: String) throws(NumberScanner.Problem) -> NumberScanner.Literal {
            let bytes = Array(text.utf8)
            return try bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(NumberScanner.Problem) in try NumberScanner.scan(buffer, from: 0, to: buffer.count) }
            }.get()
        }
        let decimal = try scan("-001.50e3")
        #expect(decimal.form == .decimal && decimal.isNegative)
        #expect(decimal.leadingValue == 150 && decimal.significantDigits == 3 && decimal.fractionDigits == 2 && decimal.exponent == 3)
        #expect(decimal.mantissaStart == 1 && decimal.mantissaEnd == 7)
        let hex = try scan("0x1.8p-3")
        #expect(hex.form == .hex && hex.leadingValue == 0x18 && hex.fractionDigits == 1 && hex.exponent == -3)
        #expect(try scan("1e999999999999").exponent == NumberScanner.exponentLimit)
        #expect(try scan("12345678901234567890123").leadingValue == 1_234_567_890_123_456_789)
        #expect(throws: NumberScanner.Problem.unexpected(UInt8(ascii: "/"))) { try scan("1/3") }
    }
}
