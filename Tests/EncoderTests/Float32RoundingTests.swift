import Encoder
import SoftFloat
import Testing

/// Float32Rounding against the soft-float engine: float32 → F (`convert`, one rounding) → float32.
@Suite struct Float32RoundingTests {
    static let formats: [FloatFormat] = [.bfloat16, .float16, .tf32, .float8_e4m3fn, .float8_e5m2, .float8_e4m3fnuz, .float8_e5m2fnuz]

    /// Specials, the binade edges of every format, and 20,000 random float32 patterns.
    static var samples: [UInt32] {
        var values: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0x0000_0001, 0x007f_ffff, 0x0080_0000,
                                0x3f80_0000, 0x3f80_8000, 0x3f81_8000, 0x477f_e000, 0x477f_f000, 0x4770_0000, 0x43e0_0000, 0x43e8_0000,
                                0x3380_0000, 0x3300_0000, 0x33c0_0000, 0x3880_0000, 0x3b00_0000]
        var generator = SplitMix64(seed: 17)
        for _ in 0..<20_000 { values.append(UInt32(truncatingIfNeeded: generator.next())) }
        // Values near each format's ties: a mantissa with its low bits at exactly one half.
        for exponent in stride(from: 100, through: 150, by: 1) {
            for low in [0x0000_8000, 0x0001_8000, 0x0000_0800, 0x0010_0000, 0x0008_0000] as [UInt32] {
                values.append(UInt32(exponent) << 23 | low)
                values.append(0x8000_0000 | UInt32(exponent) << 23 | low)
            }
        }
        return values
    }

    @Test(arguments: formats)
    func matchesTheEngine(format: FloatFormat) throws {
        let rounding = try #require(Float32Rounding(format: format))
        for bits in Self.samples {
            let code = FloatFormat.float32.convert(UInt64(bits), to: format).bits
            let expected = Float(bitPattern: UInt32(truncatingIfNeeded: format.convert(code, to: .float32).bits))
            let actual = rounding.round(Float(bitPattern: bits))
            if expected.isNaN {
                #expect(actual.isNaN, "\(format.name): 0x\(String(bits, radix: 16)) gave \(actual), expected NaN")
            } else {
                #expect(actual.bitPattern == expected.bitPattern, "\(format.name): 0x\(String(bits, radix: 16)) gave \(actual), expected \(expected)")
            }
        }
    }

    /// The doc comment's worked values.
    @Test func workedValues() throws {
        let bfloat16 = try #require(Float32Rounding(format: .bfloat16))
        #expect(bfloat16.round(1.00390625) == 1)
        #expect(bfloat16.round(1.01171875) == 1.015625)
        let float16 = try #require(Float32Rounding(format: .float16))
        #expect(float16.round(65519) == 65504)
        #expect(float16.round(65520) == .infinity)
        #expect(float16.round(0x1p-25) == 0)
        #expect(float16.round(0x1.8p-25) == 0x1p-24)
    }

    @Test func refusesFormatsOutsideFloat32() {
        #expect(Float32Rounding(format: .float64) == nil)
        #expect(Float32Rounding(format: .float8_e8m0fnu) == nil)
    }
}
