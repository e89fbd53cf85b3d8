import MPFRReference
import SoftFloat
import Testing

/// Literals rounded once to a format: format limits, overflow policies, underflow flags,
/// rationals and the double-rounding witnesses.
@Suite struct TextRoundingTests {
    static let limits: [TextCase] = [
        // float8_e4m3fn: max 448; 464 is the tie between 448 (even) and 480, which the format lacks.
        TextCase(text: "448", format: .float8_e4m3fn, bits: 0x7e),
        TextCase(text: "464", format: .float8_e4m3fn, bits: 0x7e, flags: .inexact),
        TextCase(text: "464.0001", format: .float8_e4m3fn, bits: 0x7f, flags: [.overflow, .inexact]),
        TextCase(text: "-464.0001", format: .float8_e4m3fn, bits: 0xff, flags: [.overflow, .inexact]),
        TextCase(text: "480", format: .float8_e4m3fn, bits: 0x7f, flags: [.overflow, .inexact]),
        TextCase(text: "480", format: .float8_e4m3fn, overflow: .saturate, bits: 0x7e, flags: [.overflow, .inexact]),
        TextCase(text: "1e9", format: .float8_e4m3fn, rounding: .towardZero, bits: 0x7e, flags: [.overflow, .inexact]),
        TextCase(text: "-1e9", format: .float8_e4m3fn, rounding: .towardZero, bits: 0xfe, flags: [.overflow, .inexact]),
        TextCase(text: "1e9", format: .float8_e4m3fn, rounding: .down, bits: 0x7e, flags: [.overflow, .inexact]),
        TextCase(text: "1e9", format: .float8_e4m3fn, rounding: .up, bits: 0x7f, flags: [.overflow, .inexact]),
        TextCase(text: "-1e9", format: .float8_e4m3fn, rounding: .up, bits: 0xfe, flags: [.overflow, .inexact]),
        TextCase(text: "-1e9", format: .float8_e4m3fn, rounding: .down, bits: 0xff, flags: [.overflow, .inexact]),
        TextCase(text: "-431.99999999999994", format: .float8_e4m3fn, bits: 0xfd, flags: .inexact),
        TextCase(text: "inf", format: .float8_e4m3fn, bits: 0x7f, flags: .invalid),
        TextCase(text: "-inf", format: .float8_e4m3fn, overflow: .saturate, bits: 0xfe, flags: .invalid),
        // float8_e5m2 (IEEE-like): max 57344; 61440 ties to 65536, past the top binade.
        TextCase(text: "57344", format: .float8_e5m2, bits: 0x7b),
        TextCase(text: "61439", format: .float8_e5m2, bits: 0x7b, flags: .inexact),
        TextCase(text: "61440", format: .float8_e5m2, bits: 0x7c, flags: [.overflow, .inexact]),
        TextCase(text: "1e6", format: .float8_e5m2, rounding: .towardZero, bits: 0x7b, flags: [.overflow, .inexact]),
        // fnuz: NaN is 0x80, no −0.
        TextCase(text: "1000", format: .float8_e4m3fnuz, bits: 0x80, flags: [.overflow, .inexact]),
        TextCase(text: "-1e6", format: .float8_e5m2fnuz, bits: 0x80, flags: [.overflow, .inexact]),
        TextCase(text: "-0", format: .float8_e4m3fnuz, bits: 0x00),
        TextCase(text: "-1e-9", format: .float8_e4m3fnuz, bits: 0x00, flags: [.underflow, .inexact]),
        TextCase(text: "inf", format: .float8_e4m3fnuz, bits: 0x80, flags: .invalid),
        // float16
        TextCase(text: "65504", format: .float16, bits: 0x7bff),
        TextCase(text: "65519", format: .float16, bits: 0x7bff, flags: .inexact),
        TextCase(text: "65520", format: .float16, bits: 0x7c00, flags: [.overflow, .inexact]),
        TextCase(text: "65520", format: .float16, overflow: .saturate, bits: 0x7bff, flags: [.overflow, .inexact]),
        TextCase(text: "-1e8", format: .float16, bits: 0xfc00, flags: [.overflow, .inexact]),
        TextCase(text: "0x1.8p-3", format: .float16, bits: 0x3200),
        TextCase(text: "-0x1p+0", format: .float16, bits: 0xbc00),
        TextCase(text: "-inf", format: .float16, bits: 0xfc00),
        TextCase(text: "nan", format: .float16, bits: 0x7e00),
        // finite-only formats saturate; float4_e2m1fn is ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
        TextCase(text: "100", format: .float4_e2m1fn, bits: 0x7, flags: [.overflow, .inexact]),
        TextCase(text: "-100", format: .float4_e2m1fn, bits: 0xf, flags: [.overflow, .inexact]),
        TextCase(text: "5", format: .float4_e2m1fn, bits: 0x6, flags: .inexact),
        TextCase(text: "0.25", format: .float4_e2m1fn, bits: 0x0, flags: [.underflow, .inexact]),
        // 0.75 is exact at 2 bits with an unbounded exponent, hence tiny; it rounds to 1.
        TextCase(text: "0.75", format: .float4_e2m1fn, bits: 0x2, flags: [.underflow, .inexact]),
        TextCase(text: "inf", format: .float4_e2m1fn, bits: 0x7, flags: .invalid),
        TextCase(text: "nan", format: .float4_e2m1fn, bits: 0x0, flags: .invalid),
        TextCase(text: "28", format: .float6_e3m2fn, bits: 0x1f),
        TextCase(text: "-1e30", format: .float6_e2m3fn, bits: 0x3f, flags: [.overflow, .inexact]),
        // float8_e8m0fnu: unsigned powers of two 2^-127 … 2^127, no zero, NaN 0xff.
        TextCase(text: "1", format: .float8_e8m0fnu, bits: 0x7f),
        TextCase(text: "0x1p-127", format: .float8_e8m0fnu, bits: 0x00),
        TextCase(text: "0x1p-128", format: .float8_e8m0fnu, bits: 0x00, flags: [.underflow, .inexact]),
        // At precision 1 MPFR breaks ties away from zero: 1.5 × 2^-128 → 2^-127, not tiny.
        TextCase(text: "0x1.8p-128", format: .float8_e8m0fnu, bits: 0x00, flags: .inexact),
        TextCase(text: "3", format: .float8_e8m0fnu, bits: 0x81, flags: .inexact),
        TextCase(text: "0x1p127", format: .float8_e8m0fnu, bits: 0xfe),
        TextCase(text: "0x1p128", format: .float8_e8m0fnu, bits: 0xff, flags: [.overflow, .inexact]),
        TextCase(text: "0x1p128", format: .float8_e8m0fnu, overflow: .saturate, bits: 0xfe, flags: [.overflow, .inexact]),
        TextCase(text: "0", format: .float8_e8m0fnu, bits: 0xff, flags: .invalid),
        TextCase(text: "-1", format: .float8_e8m0fnu, bits: 0xff, flags: .invalid),
        TextCase(text: "inf", format: .float8_e8m0fnu, bits: 0xff, flags: .invalid),
        TextCase(text: "nan", format: .float8_e8m0fnu, bits: 0xff),
        // tf32: 1-8-10 in 19 bits.
        TextCase(text: "1/3", format: .tf32, bits: 0x1f555, flags: .inexact),
        TextCase(text: "-2", format: .tf32, bits: 0x60000),
    ]

    static let underflow: [TextCase] = [
        TextCase(text: "0x1p-24", format: .float16, bits: 0x0001),
        TextCase(text: "0x1p-25", format: .float16, bits: 0x0000, flags: [.underflow, .inexact]),
        TextCase(text: "-0x1p-25", format: .float16, bits: 0x8000, flags: [.underflow, .inexact]),
        TextCase(text: "0x3p-26", format: .float16, bits: 0x0001, flags: [.underflow, .inexact]),
        // 2^-14 − 2^-26 rounds to 2^-14 at 11 bits: not tiny after rounding, so no underflow.
        TextCase(text: "0x1.ffep-15", format: .float16, bits: 0x0400, flags: .inexact),
        TextCase(text: "0x1.ffep-15", format: .float16, rounding: .towardZero, bits: 0x03ff, flags: [.underflow, .inexact]),
        // 2^-14 − 2^-25 is exact at 11 bits, hence tiny; on the subnormal grid it ties to 2^-14.
        TextCase(text: "0x1.ffcp-15", format: .float16, bits: 0x0400, flags: [.underflow, .inexact]),
        TextCase(text: "1e-10", format: .float16, rounding: .up, bits: 0x0001, flags: [.underflow, .inexact]),
        TextCase(text: "-1e-10", format: .float16, rounding: .up, bits: 0x8000, flags: [.underflow, .inexact]),
        TextCase(text: "-1e-10", format: .float16, rounding: .down, bits: 0x8001, flags: [.underflow, .inexact]),
        TextCase(text: "0x1p-15", format: .float16, subnormals: .flush, bits: 0x0000, flags: [.underflow, .inexact]),
        TextCase(text: "-0x1p-15", format: .float16, subnormals: .flush, bits: 0x8000, flags: [.underflow, .inexact]),
        TextCase(text: "0x1p-24", format: .float16, subnormals: .flush, bits: 0x0000, flags: [.underflow, .inexact]),
        TextCase(text: "0x1.ffep-15", format: .float16, subnormals: .flush, bits: 0x0400, flags: .inexact),
        TextCase(text: "-0x1p-9", format: .float8_e4m3fnuz, subnormals: .flush, bits: 0x00, flags: [.underflow, .inexact]),
        TextCase(text: "2.4703282292062327e-324", format: .float64, bits: 0x0, flags: [.underflow, .inexact]),
        TextCase(text: "2.4703282292062328e-324", format: .float64, bits: 0x1, flags: [.underflow, .inexact]),
        TextCase(text: "1.5e-300", format: .float64, bits: 0x01b0_1297_d23a_b683, flags: .inexact),
        // Exponents far beyond every format and MPFR's default range.
        TextCase(text: "1e-400000000", format: .float64, bits: 0x0, flags: [.underflow, .inexact]),
        TextCase(text: "1e-400000000", format: .float64, rounding: .up, bits: 0x1, flags: [.underflow, .inexact]),
        TextCase(text: "1e400000000", format: .float64, bits: 0x7ff0_0000_0000_0000, flags: [.overflow, .inexact]),
    ]

    static let rationalsAndWitnesses: [TextCase] = [
        TextCase(text: "1/3", format: .float16, bits: 0x3555, flags: .inexact),
        TextCase(text: "1/3", format: .float16, rounding: .up, bits: 0x3556, flags: .inexact),
        TextCase(text: "1/3", format: .float32, bits: 0x3eaa_aaab, flags: .inexact),
        TextCase(text: "1/3", format: .float64, bits: 0x3fd5_5555_5555_5555, flags: .inexact),
        TextCase(text: "-2/3", format: .float32, bits: 0xbf2a_aaab, flags: .inexact),
        TextCase(text: "-2/3", format: .float32, rounding: .towardZero, bits: 0xbf2a_aaaa, flags: .inexact),
        TextCase(text: "1/1024", format: .float16, bits: 0x1400),
        TextCase(text: "0.5/2e-1", format: .float16, bits: 0x4100),  // 2.5
        TextCase(text: " 7 / -2 ", format: .float16, bits: 0xc300),
        TextCase(text: "0/5", format: .float16, bits: 0x0000),
        TextCase(text: "-0/5", format: .float16, bits: 0x8000),
        TextCase(text: "0.1", format: .float32, bits: 0x3dcc_cccd, flags: .inexact),
        // 1 + 2^-8 + 2^-40 lies just above the bfloat16 tie 1 + 2^-8: rounded once it goes up.
        TextCase(text: "1.0039062500009094947017729282379150390625", format: .bfloat16, bits: 0x3f81, flags: .inexact),
        TextCase(text: "1.00390625000000000090949470177292823791503906250", format: .bfloat16, bits: 0x3f81, flags: .inexact),
        TextCase(text: "1.00390625", format: .bfloat16, bits: 0x3f80, flags: .inexact),
    ]

    @Test(arguments: limits + underflow + rationalsAndWitnesses)
    func roundsOnce(_ test: TextCase) throws {
        let rounded = try MPFRReference.round(text: test.text, to: test.format, rounding: test.rounding,
                                              overflow: test.overflow, subnormals: test.subnormals)
        #expect(rounded == Rounded(bits: test.bits, flags: test.flags),
                "got \(rounded.map { "\(hex($0.bits, test.format)) [\($0.flags)]" } ?? "nil")")
    }

    /// Rounding the literal to float64 first, then to bfloat16, lands on the tie and goes to
    /// even: the double rounding the one-step reference avoids.
    @Test func doubleRoundingWitness() throws {
        let once = try MPFRReference.round(text: "1.00390625000000000090949470177292823791503906250", to: .bfloat16)!
        let viaDouble = Double("1.00390625000000000090949470177292823791503906250")!
        let twice = MPFRReference.convert(bits: viaDouble.bitPattern, from: .float64, to: .bfloat16)!
        #expect(once.bits == 0x3f81)
        #expect(viaDouble == 1.00390625)
        #expect(twice.bits == 0x3f80)
        // The exact value 1 + 2^-8 + 2^-40 is a double, and converts correctly.
        let exact = Double(sign: .plus, exponent: 0, significand: 1 + 0x1p-8 + 0x1p-40)
        #expect(exact.bitPattern == 0x3ff0_1000_0000_1000)
        #expect(MPFRReference.convert(bits: exact.bitPattern, from: .float64, to: .bfloat16)! == Rounded(bits: 0x3f81, flags: .inexact))
    }

    /// Rationals of random integers against native division, which is correctly rounded.
    @Test func rationalsMatchNativeDivision() throws {
        var random = SplitMix64(seed: 99)
        for _ in 0..<300 {
            let a = Int64(bitPattern: random.next()) >> Int64(random.next() % 63)
            let b = Int64(bitPattern: random.next()) >> Int64(random.next() % 63)
            guard b != 0, abs(a) < 1 << 53, abs(b) < 1 << 53 else { continue }
            let quotient = Double(a) / Double(b)
            let rounded = try MPFRReference.round(text: "\(a)/\(b)", to: .float64)!
            #expect(rounded.bits == quotient.bitPattern, "\(a)/\(b)")
            let single = try MPFRReference.round(text: "\(a)/\(b)", to: .float32)!
            #expect(sameResult(single.bits, UInt64((Float(a) / Float(b)).bitPattern), .float32) || abs(a) >= 1 << 24 || abs(b) >= 1 << 24, "\(a)/\(b)")
        }
    }

    /// Shortest round-trip decimal strings of random doubles parse back to the same double,
    /// and their float32 rounding matches Swift's correctly rounded `Float(String)`.
    @Test func decimalsMatchNativeParsing() throws {
        var sampler = CodeSampler(format: .float64, seed: 5)
        for _ in 0..<500 {
            let value = Double(bitPattern: sampler.next())
            guard value.isFinite else { continue }
            let text = "\(value)"
            #expect(try MPFRReference.round(text: text, to: .float64)!.bits == value.bitPattern, "\(text)")
            let single = Float(text)!
            #expect(try MPFRReference.round(text: text, to: .float32)!.bits == UInt64(single.bitPattern), "\(text)")
        }
    }

    @Test(arguments: ["", "abc", "1/", "/2", "1/2/3", "0x", "1e", "--1", "1.2.3", "1 2"])
    func rejectsMalformedText(_ text: String) {
        #expect(throws: MPFRTextError.self) { try MPFRReference.round(text: text, to: .float16) }
    }

    @Test func reportsSpecificTextErrors() {
        #expect(throws: MPFRTextError.zeroDenominator("1/0")) { try MPFRReference.round(text: "1/0", to: .float16) }
        #expect(throws: MPFRTextError.exponentOutOfRange("1/1e2000000")) { try MPFRReference.round(text: "1/1e2000000", to: .float16) }
    }
}
