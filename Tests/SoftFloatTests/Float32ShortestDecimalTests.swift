import Testing
@testable import SoftFloat

/// The float32 shortest-digit printer against Swift's `Float.description` (laid out as the lab
/// prints: `ShortestDecimal.systemFloat32String`) on hand-picked codes and random samples; the
/// whole 2^32 is `precision-lab verify --shortest-float32` (release build). The engine's own
/// big-number search checks it too, in `ShortestDecimalTests.samplesOfWideFormats`.
@Suite struct Float32ShortestDecimalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let bits: UInt32
        let text: String
        var testDescription: String { "0x\(String(bits, radix: 16)) → \(text)" }
    }

    static let workedValues: [Case] = [
        Case(bits: 0x3dcc_cccd, text: "0.1"),
        Case(bits: 0xbdcc_cccd, text: "-0.1"),
        Case(bits: 0x3eaa_aaab, text: "0.33333334"),
        Case(bits: 0x0000_0001, text: "1e-45"),             // smallest subnormal: one digit
        Case(bits: 0x0000_0002, text: "3e-45"),
        Case(bits: 0x007f_ffff, text: "1.1754942e-38"),     // largest subnormal
        Case(bits: 0x0080_0000, text: "1.1754944e-38"),     // smallest normal
        Case(bits: 0x7f7f_ffff, text: "3.4028235e+38"),
        Case(bits: 0x4b80_0000, text: "16777216.0"),        // 2^24: Swift prints 1.6777216e+07
        Case(bits: 0x4b80_0001, text: "16777218.0"),
        Case(bits: 0x501502f9, text: "10000000000.0"),      // Swift prints 1e+10
        Case(bits: 0x5a0e_1bca, text: "1e+16"),             // the scientific switch
        Case(bits: 0x38d1_b717, text: "0.0001"),
        Case(bits: 0x3727_c5ac, text: "1e-05"),
        Case(bits: 0x3f80_0000, text: "1.0"),
        Case(bits: 0x4a00_0001, text: "2097152.2"),         // 2097152.25: a tie, the even digit
        Case(bits: 0x4a00_0003, text: "2097152.8"),         // 2097152.75: a tie, the even digit
        Case(bits: 0x0000_0000, text: "0.0"),
        Case(bits: 0x8000_0000, text: "-0.0"),
        Case(bits: 0x7f80_0000, text: "inf"),
        Case(bits: 0xff80_0000, text: "-inf"),
        Case(bits: 0x7fc0_0000, text: "nan"),
    ]

    @Test(arguments: workedValues)
    func workedValue(_ example: Case) {
        var bytes: [UInt8] = []
        Float32ShortestDecimal.append(example.bits, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == example.text)
    }

    /// Every exponent's edges (fraction 0, 1, 2, all ones and one below, the narrow interval
    /// below a power of two), codes next to every power of ten, and 20,000 random patterns.
    static func samples() -> [UInt32] {
        var codes: [UInt32] = []
        for biased: UInt32 in 0...254 {
            for fraction: UInt32 in [0, 1, 2, 3, 0x40_0000, 0x7f_fffe, 0x7f_ffff] {
                codes.append(biased << 23 | fraction)
            }
        }
        for exponent in -45...38 {
            let power = Float("1e\(exponent)")!.bitPattern
            codes += [power &- 1, power, power &+ 1]
        }
        var random = SplitMix64(seed: 32)
        for _ in 0..<20_000 { codes.append(UInt32(truncatingIfNeeded: random.next())) }
        return codes
    }

    @Test func samplesMatchFloatDescription() {
        var mismatches: [String] = []
        var bytes: [UInt8] = []
        for bits in Self.samples() {
            for signed in [bits, bits ^ 0x8000_0000] {
                bytes.removeAll(keepingCapacity: true)
                Float32ShortestDecimal.append(signed, to: &bytes)
                let printed = String(decoding: bytes, as: UTF8.self)
                let expected = ShortestDecimal.systemFloat32String(signed)
                if printed != expected { mismatches.append("0x\(String(signed, radix: 16)): \(printed) vs \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// The scale table: k is the largest power of ten at most 2^q (¾ · 2^q for the narrow
    /// interval), g has 64 bits.
    @Test func scaleTable() {
        #expect(Float32ShortestDecimal.scales.count == 2 * 254)
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: 0, narrow: false) == 0)
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: 4, narrow: false) == 1)    // 10 ≤ 16
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: 4, narrow: true) == 1)     // 10 ≤ 12
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: 10, narrow: true) == 2)    // 100 ≤ 768 < 1000
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: -1, narrow: false) == -1)  // 0.1 ≤ 0.5
        #expect(Float32ShortestDecimal.largestPowerOfTen(atMost: -149, narrow: false) == -45)
        let middle = Float32ShortestDecimal.scales[2 * 149]  // q = 0
        #expect(middle.k == 0 && middle.g == 1 << 63 + 1 && middle.shift == 63)
        #expect(Float32ShortestDecimal.scales.allSatisfy { $0.g >> 63 == 1 })
    }

    static let layouts: [(negative: Bool, digits: String, exponent: Int, text: String)] = [
        (false, "1", 10, "10000000000.0"),
        (true, "25", -6, "-2.5e-05"),
        (false, "3333", -4, "0.3333"),
        (false, "339", 36, "3.39e+38"),
        (false, "1", -4, "0.0001"),
        (false, "1", 16, "1e+16"),
        (false, "9999999999999999", 0, "9999999999999999.0"),
        (false, "123", -1, "12.3"),
        (false, "5", -324, "5e-324"),
        (true, "12", -1, "-1.2"),
    ]

    @Test func decimalLayout() {
        for example in Self.layouts {
            let text = DecimalLayout.string(negative: example.negative, digits: Array(example.digits.utf8), exponent: example.exponent)
            #expect(text == example.text, "\(example.digits)e\(example.exponent)")
        }
    }
}
