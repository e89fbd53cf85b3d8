import Testing
@testable import SoftFloat

/// The facts the tutorials print, checked against the engine.
struct TutorialFormatFactTests {
    struct ConversionCase: Sendable, CustomTestStringConvertible {
        let text: String
        let format: FloatFormat
        let bits: UInt64
        let flags: FloatFlags
        var testDescription: String { "\(text) → \(format.name)" }
    }

    static let conversions: [ConversionCase] = [
        .init(text: "65504", format: .float16, bits: 0x7bff, flags: []),
        .init(text: "65519", format: .float16, bits: 0x7bff, flags: .inexact),
        .init(text: "65520", format: .float16, bits: 0x7c00, flags: [.overflow, .inexact]),
        .init(text: "1e8", format: .float16, bits: 0x7c00, flags: [.overflow, .inexact]),
        .init(text: "1e8", format: .float32, bits: 0x4cbe_bc20, flags: []),
        .init(text: "1/3", format: .float16, bits: 0x3555, flags: .inexact),
        .init(text: "1/3", format: .bfloat16, bits: 0x3eab, flags: .inexact),
        .init(text: "1/3", format: .float32, bits: 0x3eaa_aaab, flags: .inexact),
        .init(text: "1/3", format: .float64, bits: 0x3fd5_5555_5555_5555, flags: .inexact),
        .init(text: "464", format: .float8_e4m3fn, bits: 0x7e, flags: .inexact),
        .init(text: "464.0001", format: .float8_e4m3fn, bits: 0x7f, flags: [.overflow, .inexact]),
        .init(text: "61440", format: .float8_e5m2, bits: 0x7c, flags: [.overflow, .inexact]),
        .init(text: "-431.99999999999994", format: .float8_e4m3fn, bits: 0xfd, flags: .inexact),
        .init(text: "0x1.0100000001p0", format: .bfloat16, bits: 0x3f81, flags: .inexact),
        .init(text: "0x1.8p-3", format: .float32, bits: 0x3e40_0000, flags: []),
        .init(text: "1.5", format: .float8_e8m0fnu, bits: 0x80, flags: .inexact),
        .init(text: "3", format: .float8_e8m0fnu, bits: 0x81, flags: .inexact),
        .init(text: "0", format: .float8_e8m0fnu, bits: 0xff, flags: .invalid),
        .init(text: "-0", format: .float8_e4m3fnuz, bits: 0x00, flags: []),
        .init(text: "1000", format: .float4_e2m1fn, bits: 0x07, flags: [.overflow, .inexact]),
    ]

    @Test(arguments: conversions)
    func conversion(_ c: ConversionCase) throws {
        let result = try c.format.round(c.text)
        #expect(result.bits == c.bits, "\(c.text) → \(c.format.hexString(result.bits)), expected \(c.format.hexString(c.bits))")
        #expect(result.flags == c.flags, "flags \(result.flags), expected \(c.flags)")
    }

    @Test(arguments: [
        (FloatFormat.float64, "0.333333333333333314829616256247390992939472198486328125"),
        (.float32, "0.3333333432674407958984375"),
        (.float16, "0.333251953125"),
        (.bfloat16, "0.333984375"),
    ])
    func oneThirdDigits(format: FloatFormat, expected: String) throws {
        let bits = try format.round("1/3").bits
        #expect(format.exactDecimal(bits) == expected)
    }

    @Test func bfloat16Finfo() {
        let info = FormatProperties(.bfloat16)
        #expect(info.eps == 0.0078125)
        #expect(info.max == 3.3895313892515355e38)
        #expect(info.smallestNormal == 1.1754943508222875e-38)
        #expect(info.resolution == 0.01)
        #expect(FormatProperties(.float16).max == 65504)
        #expect(FormatProperties(.float16).resolution == 0.001)
    }
}
