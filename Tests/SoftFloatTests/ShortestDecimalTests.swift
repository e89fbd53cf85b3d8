#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SoftFloat

/// Random samples per format: 1500, or `PRECISIONLAB_SAMPLES` for a long release-mode run
/// (`PRECISIONLAB_SAMPLES=2000000 swift test -c release --filter ShortestDecimalTests`).
let shortestDecimalSampleCount = getenv("PRECISIONLAB_SAMPLES").flatMap { Int(String(cString: $0)) } ?? 1500

/// The fast shortest decimal must print exactly what the engine prints.
@Suite struct ShortestDecimalTests {
    /// Every positive float16 code (negative codes print the same digits with a sign; see
    /// ``negativeCodesMirrorPositiveOnes()``).
    @Test func everyPositiveFloat16Code() {
        var mismatches: [String] = []
        for code in UInt64(0)...0x7fff {
            let expected = FloatFormat.float16.searchedShortestDecimal(code)
            let fast = ShortestDecimal.string(code, in: .float16) ?? expected
            if fast != expected { mismatches.append("0x\(String(code, radix: 16)): \(fast) vs \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// The 128-bit search of the other IEEE-style formats against the engine's big-number one:
    /// every bfloat16 and float8_e5m2 code, every 5th tf32 code (with both signs), and an
    /// e6m9 user format. Out-of-range codes (nil) must be the ones the engine answers.
    @Test(arguments: [(FloatFormat.bfloat16, 1), (.float8_e5m2, 1), (.float8_e4m3, 1), (.tf32, 5),
                      (try! FloatFormat.named("e6m9"), 3)] as [(FloatFormat, Int)])
    func smallFormatsMatchTheEngine(format: FloatFormat, stride step: Int) {
        var mismatches: [String] = []
        var answered = 0
        for code in stride(from: UInt64(0), through: format.codeMask, by: step) {
            guard let fast = ShortestDecimal.smallFormatString(code, in: format) else { continue }
            answered += 1
            let expected = format.searchedShortestDecimal(code)
            if fast != expected { mismatches.append("0x\(String(code, radix: 16)): \(fast) vs \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(format.name): \(mismatches.prefix(10))")
        #expect(answered > 0)
    }

    /// Worked values: tf32 1/3 is 0x1f555 = 1365/4096 = 0.333251953125, ulp 2^-12: of four
    /// digits both 0.3332 and 0.3333 round back, and the dropped digits 51953125 lie above half.
    @Test func tf32WorkedValues() {
        #expect(ShortestDecimal.smallFormatString(0x1f555, in: .tf32) == "0.3333")
        #expect(FloatFormat.tf32.shortestDecimal(0x1f555) == "0.3333")
        #expect(FloatFormat.tf32.printedDecimal(0x5f555) == "-0.333251953125")  // printed exactly
    }

    @Test func negativeCodesMirrorPositiveOnes() {
        for code: UInt64 in [0x0001, 0x3555, 0x6c04, 0x7bff, 0x0400, 0x3c00] {
            #expect(ShortestDecimal.string(code | 0x8000, in: .float16) == "-" + FloatFormat.float16.searchedShortestDecimal(code))
        }
    }

    static func samples(_ format: FloatFormat, count: Int) -> [UInt64] {
        var random = SplitMix64(seed: UInt64(format.bitWidth))
        let mask = format.codeMask
        let edges: [UInt64] = [1, 2, format.maxFiniteBits, format.maxFiniteBits - 1,
                               format.signMask | 1, UInt64(1) << UInt64(format.mantissaBits)]
        let random64 = (0..<count).map { _ in random.next() & mask }
        // Codes near powers of ten, where the positional/scientific switch happens.
        let decades = (-30...30).compactMap { try? format.round("1e\($0)").bits }
        // Integers, which Swift prints exactly below 2^precision.
        let integers = (0..<300).compactMap { _ in try? format.round(String(random.next() >> UInt64(random.next() % 64))).bits }
        return edges + decades + decades.map { $0 + 1 } + integers + random64
    }

    @Test(arguments: [FloatFormat.float32, .float64])
    func samplesOfWideFormats(_ format: FloatFormat) {
        for code in Self.samples(format, count: shortestDecimalSampleCount) {
            let expected = format.searchedShortestDecimal(code)
            let fast = ShortestDecimal.string(code, in: format) ?? expected
            #expect(fast == expected, "\(format.hexString(code))")
        }
    }

    @Test func relayout() {
        #expect(ShortestDecimal.relayout("1e+10") == "10000000000.0")
        #expect(ShortestDecimal.relayout("-1.5e-05") == "-1.5e-05")
        #expect(ShortestDecimal.relayout("16777216.0") == "16777216.0")
        #expect(ShortestDecimal.relayout("0.0001") == "0.0001")
        #expect(ShortestDecimal.relayout("1e+16") == "1e+16")
        #expect(ShortestDecimal.relayout("3.4028235e+38") == "3.4028235e+38")
        #expect(ShortestDecimal.string(0x501502f9, in: .float32) == "10000000000.0")  // Swift: 1e+10
        #expect(ShortestDecimal.string(0x7bff, in: .float16) == "65500.0")  // Swift: 65504.0
        #expect(ShortestDecimal.string(0x3f80, in: .bfloat16) == "1.0")  // the 128-bit search
        #expect(ShortestDecimal.string(0x0001, in: .bfloat16) == nil)    // 2^-133: the engine's
        #expect(ShortestDecimal.string(0x7c00, in: .float16) == nil)
    }
}
