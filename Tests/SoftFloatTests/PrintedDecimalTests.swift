import Foundation
import Testing
import SoftFloat

/// `FloatFormat.printedDecimal(_:)`: formats of fewer than 32 bits print their exact value (17
/// significant digits or fewer) or a decimal that reads back as the same float64; float32,
/// float64 and wider formats keep their shortest round-trip decimal. Expected texts worked by hand; the sweep
/// checks every code with Swift's own `Double(String)` parser and Foundation's `Decimal`.
struct PrintedDecimalTests {
    @Test(arguments: [
        (FloatFormat.float8_e4m3fn, UInt64(0x7e), "448.0"),       // 1.75 × 2^8; shortest "450.0"
        (FloatFormat.float8_e4m3fn, UInt64(0x79), "288.0"),       // 1.125 × 2^8; shortest "300.0"
        (FloatFormat.bfloat16, UInt64(0x4641), "12352.0"),        // 1.5078125 × 2^13; shortest "12350.0"
        (FloatFormat.float16, UInt64(0x2e66), "0.0999755859375"), // 1638 × 2^-14; shortest "0.09998"
        (FloatFormat.float16, UInt64(0x0001), "5.9604644775390625e-08"), // 2^-24, 17 digits
        (FloatFormat.bfloat16, UInt64(0x0001), "9.183549615799121e-41"),  // 2^-133, 94 exact digits
        (FloatFormat.float6_e2m3fn, UInt64(0x0a), "1.25"),
        (FloatFormat.float8_e8m0fnu, UInt64(0x7d), "0.25"),
        (FloatFormat.float16, UInt64(0xfc00), "-inf"),
        (FloatFormat.float16, UInt64(0x8000), "-0.0"),
        (FloatFormat.float32, UInt64(0x3dcccccd), "0.1"),         // float32 keeps its shortest
        (FloatFormat.tf32, UInt64(0x3dccc000) >> 13, "0.0999755859375"), // 1638 × 2^-14 (float16's 0.1 too); shortest "0.1"
        (FloatFormat.tf32, UInt64(0x1f555), "0.333251953125"),    // 1365 × 2^-12; shortest "0.3333"
        (FloatFormat.tf32, UInt64(0x7f7fe000) >> 13, "3.4011621342146535e+38"), // (2 − 2^-10) × 2^127: 39 exact digits, float64's shortest
        (FloatFormat.tf32, UInt64(0x00800000) >> 13, "1.1754943508222875e-38"), // 2^-126, 17 digits ≠ its 89 exact ones
        (FloatFormat.tf32, UInt64(0x4b800000) >> 13, "16777216.0"),  // 2^24
    ])
    func handWorked(_ format: FloatFormat, _ code: UInt64, _ expected: String) {
        #expect(format.printedDecimal(code) == expected)
    }

    /// Every finite code of the built-in formats of 8 bits or fewer, and every 97th code (plus
    /// the lowest 300) of the 16- and 19-bit ones: Swift's parser reads the text back as the code's
    /// float64 value, and when the exact value has at most 17 significant digits the text is
    /// that exact value (compared as `Decimal`s).
    @Test(arguments: FloatFormat.builtIn.filter { $0.bitWidth < 32 })
    func everyCodeReadsBackAsFloat64(_ format: FloatFormat) throws {
        let count = UInt64(1) << UInt64(format.bitWidth)
        let codes = format.bitWidth <= 8 ? Array(0..<count) : Array(0..<300) + Array(stride(from: UInt64(300), to: count, by: 97))
        for code in codes where format.classify(code) != .nan && format.classify(code) != .infinity {
            let text = format.printedDecimal(code)
            let value = try #require(Double(text), "\(format.name) \(code): \(text)")
            #expect(value.bitPattern == format.doubleValue(code).bitPattern || (value == 0 && format.doubleValue(code) == 0))
            let exact = format.exactDecimal(code)
            if exact.filter(\.isNumber).drop(while: { $0 == "0" }).reversed().drop(while: { $0 == "0" }).count <= 17 {
                #expect(Decimal(string: text) == Decimal(string: exact), "\(format.name) \(code): \(text) vs \(exact)")
            }
        }
    }
}
