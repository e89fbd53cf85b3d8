import Testing
@testable import SoftFloat

/// The engine against the machine's own IEEE conversions and Swift's correctly rounded
/// decimal parsing and printing (nearest-even only: that is all hardware has).
struct HardwareOracleTests {
    @Test func everyFloat16WidensExactly() {
        for bits in UInt64(0)...0xffff {
            let hardware = Float(Float16(bitPattern: UInt16(bits)))
            let result = FloatFormat.float16.convert(bits, to: .float32)
            if hardware.isNaN {
                #expect(Float(bitPattern: UInt32(result.bits)).isNaN)
            } else {
                #expect(result.bits == UInt64(hardware.bitPattern), "float16 0x\(String(bits, radix: 16))")
            }
        }
    }

    @Test(arguments: 0..<4)
    func float32NarrowsToFloat16LikeHardware(chunk: Int) {
        var random = SplitMix64(seed: UInt64(chunk))
        for index in 0..<250_000 {
            // Half the inputs are raw bit patterns, half are near float16's range.
            var bits = UInt32(truncatingIfNeeded: random.next())
            if index % 2 == 0 { bits = (bits & 0x807f_ffff) | UInt32(0x30 + random.next() % 0x20) << 23 }
            let hardware = Float16(Float(bitPattern: bits))
            let result = FloatFormat.float32.convert(UInt64(bits), to: .float16)
            if hardware.isNaN {
                #expect(FloatFormat.float16.classify(result.bits) == .nan)
            } else if result.bits != UInt64(hardware.bitPattern) {
                Issue.record("float32 0x\(String(bits, radix: 16)) → engine \(FloatFormat.float16.hexString(result.bits)), hardware 0x\(String(hardware.bitPattern, radix: 16))")
                return
            }
        }
    }

    /// `doubleValue` assembles float32 and float64 codes from their fields: hardware widening
    /// (float32) and the identity (float64) must agree, subnormals and signed zeros included.
    @Test(arguments: [FloatFormat.float32, .float64])
    func doubleValueMatchesHardware(format: FloatFormat) {
        var random = SplitMix64(seed: 32)
        for index in 0..<300_000 {
            var bits = random.next() & format.codeMask
            // A third of the inputs are zeros and subnormals (exponent field 0).
            if index % 3 == 0 { bits &= ~(format.exponentFieldMask << UInt64(format.mantissaBits)) }
            let hardware = format.bitWidth == 32 ? Double(Float(bitPattern: UInt32(bits))) : Double(bitPattern: bits)
            let value = format.doubleValue(bits)
            if hardware.isNaN {
                #expect(value.isNaN)
            } else if value.bitPattern != hardware.bitPattern {
                Issue.record("\(format.name) \(format.hexString(bits)) → \(value), hardware \(hardware)")
                return
            }
        }
    }

    @Test func float64NarrowsToFloat32LikeHardware() {
        var random = SplitMix64(seed: 64)
        for index in 0..<300_000 {
            var bits = random.next()
            if index % 2 == 0 { bits = (bits & 0x800f_ffff_ffff_ffff) | (0x340 + random.next() % 0x180) << 52 }
            let hardware = Float(Double(bitPattern: bits))
            let result = FloatFormat.float64.convert(bits, to: .float32)
            if hardware.isNaN {
                #expect(FloatFormat.float32.classify(result.bits) == .nan)
            } else if result.bits != UInt64(hardware.bitPattern) {
                Issue.record("float64 0x\(String(bits, radix: 16)) → engine 0x\(String(result.bits, radix: 16)), hardware 0x\(String(hardware.bitPattern, radix: 16))")
                return
            }
        }
    }

    /// Swift's `Double(String)` is correctly rounded: the engine's decimal parser must agree.
    @Test func decimalParsingMatchesSwiftDouble() throws {
        var random = SplitMix64(seed: 10)
        for _ in 0..<20_000 {
            let digitCount = 1 + Int(random.next() % 25)
            var digits = String(1 + random.next() % 9)
            for _ in 1..<digitCount { digits += String(random.next() % 10) }
            let exponent = Int(random.next() % 700) - 350
            let text = (random.next() & 1 == 0 ? "-" : "") + digits + "e" + String(exponent)
            let expected = Double(text)!
            let result = try FloatFormat.float64.round(text)
            #expect(result.bits == expected.bitPattern, "\(text): engine \(Double(bitPattern: result.bits)), Swift \(expected)")
        }
    }

    /// Swift's `description` is the shortest round-trip decimal for Double; so must the engine's
    /// own search be (`shortestDecimal` itself takes Swift's digits first for float64).
    @Test func shortestDecimalMatchesSwiftDescription() {
        var random = SplitMix64(seed: 11)
        for index in 0..<5_000 {
            var bits = random.next()
            if index % 2 == 0 { bits = (bits & 0x800f_ffff_ffff_ffff) | (0x3c0 + random.next() % 0x80) << 52 }
            let value = Double(bitPattern: bits)
            guard value.isFinite else { continue }
            #expect(FloatFormat.float64.searchedShortestDecimal(bits) == value.description, "0x\(String(bits, radix: 16))")
        }
        for bits: UInt64 in [0x7fef_ffff_ffff_ffff, 1, 0x0010_0000_0000_0000, 0x3ff0_0000_0000_0000, 0x4330_0000_0000_0000] {
            #expect(FloatFormat.float64.searchedShortestDecimal(bits) == Double(bitPattern: bits).description)
        }
    }

    /// Float's shortest digits must equal Swift's (the notation differs: Swift switches to
    /// exponents at 2^24 for Float; PrecisionLab uses one rule for every format).
    @Test func float32ShortestDigitsMatchSwift() throws {
        var random = SplitMix64(seed: 12)
        for _ in 0..<5_000 {
            let bits = UInt32(truncatingIfNeeded: random.next())
            let value = Float(bitPattern: bits)
            guard value.isFinite else { continue }
            let ours = FloatFormat.float32.searchedShortestDecimal(UInt64(bits))
            #expect(Float(ours) == value, "\(ours) does not round-trip to \(value)")
            #expect(Double(ours) == Double(value.description), "ours \(ours), Swift \(value.description)")
        }
    }
}
