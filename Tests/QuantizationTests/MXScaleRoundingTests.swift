import SoftFloat
import Testing
@testable import Quantization

/// One block's largest magnitude and the E8M0 codes the four rules give it, worked by hand.
struct ScaleRoundingCase: Sendable, CustomTestStringConvertible {
    let element: MXElement
    let amax: String
    /// Codes (e + 127) for floor, ceil, even, rceil.
    let codes: [UInt64]
    var testDescription: String { "\(element) amax \(amax)" }
}

@Suite struct MXScaleRoundingTests {
    // floor: ⌊log2 amax⌋ − emax; ceil: ⌈log2 amax⌉ − emax; even: floor, +1 when amax's
    // significand ≥ 2 − 2^−(m+1); rceil: d = fl32(amax · fl32(1/max)), biased exponent of d,
    // +1 when d's fraction is non-zero.
    // 6.5 = 1.625 · 2^2, 7 = 1.75 · 2^2, 240 = 1.875 · 2^7, 449 = 1.75390625 · 2^8.
    static let cases: [ScaleRoundingCase] = [
        // E4M3: emax 8, m 3 (even threshold 1.9375), max 448.
        // 6.5: 2 − 8 = −6 → 121; ceil −5; rceil d = 0.0145089 = 1.857 · 2^-7 → −6.
        ScaleRoundingCase(element: .e4m3, amax: "6.5", codes: [121, 122, 121, 121]),
        // 7: rceil d = fl32(7 · fl32(1/448)) = 2^-6 exactly (7 · fl32(1/7) rounds to 1) → −6.
        ScaleRoundingCase(element: .e4m3, amax: "7", codes: [121, 122, 121, 121]),
        // 240: 7 − 8 = −1 → 126; ceil 0; even 1.875 < 1.9375 → −1; rceil d = 0.5357 = 1.07 · 2^-1 → 0.
        ScaleRoundingCase(element: .e4m3, amax: "240", codes: [126, 127, 126, 127]),
        // 449: 8 − 8 = 0 → 127; ceil 1; even 1.7539 < 1.9375 → 0; rceil d = 1.0022 → 1.
        ScaleRoundingCase(element: .e4m3, amax: "449", codes: [127, 128, 127, 128]),
        // E5M2: emax 15, m 2 (threshold 1.875), max 57344.
        ScaleRoundingCase(element: .e5m2, amax: "6.5", codes: [114, 115, 114, 114]),
        // 7 / 57344 = 2^-13 exactly in float32 too.
        ScaleRoundingCase(element: .e5m2, amax: "7", codes: [114, 115, 114, 114]),
        // 240: even 1.875 ≥ 1.875 rounds up to 2^8 → −7; rceil d = 1.07 · 2^-8 → −7.
        ScaleRoundingCase(element: .e5m2, amax: "240", codes: [119, 120, 120, 120]),
        ScaleRoundingCase(element: .e5m2, amax: "449", codes: [120, 121, 120, 121]),
        // E2M3: emax 2, m 3 (threshold 1.9375), max 7.5.
        // 6.5: rceil d = 0.8667 = 1.73 · 2^-1 → 0 (the block fits without saturating).
        ScaleRoundingCase(element: .e2m3, amax: "6.5", codes: [127, 128, 127, 127]),
        ScaleRoundingCase(element: .e2m3, amax: "7", codes: [127, 128, 127, 127]),
        // 240: rceil d = fl32(240 · fl32(1/7.5)) = 32 exactly = 2^5 → 5, no round-up.
        ScaleRoundingCase(element: .e2m3, amax: "240", codes: [132, 133, 132, 132]),
        // 449: rceil d = 59.87 = 1.87 · 2^5: biased exponent 132, fraction non-zero → 133 (e = 6).
        ScaleRoundingCase(element: .e2m3, amax: "449", codes: [133, 134, 133, 133]),
        // E3M2: emax 4, m 2 (threshold 1.875), max 28.
        ScaleRoundingCase(element: .e3m2, amax: "6.5", codes: [125, 126, 125, 125]),
        // 7 / 28 = 2^-2 exactly.
        ScaleRoundingCase(element: .e3m2, amax: "7", codes: [125, 126, 125, 125]),
        ScaleRoundingCase(element: .e3m2, amax: "240", codes: [130, 131, 131, 131]),
        ScaleRoundingCase(element: .e3m2, amax: "449", codes: [131, 132, 131, 132]),
        // E2M1: emax 2, m 1 (threshold 1.75), max 6.
        // 6.5: floor 2^0 (6.5 rounds to 6), ceil 2^1; even 1.625 → 1.5; rceil d = 1.0833 → 2^1.
        ScaleRoundingCase(element: .e2m1, amax: "6.5", codes: [127, 128, 127, 128]),
        // 7: even 1.75 rounds up to 2 → 2^1; rceil d = 1.1667 → 2^1.
        ScaleRoundingCase(element: .e2m1, amax: "7", codes: [127, 128, 128, 128]),
        // 240: floor 5, ceil 6, even 1.875 → 2 → 6; rceil d = 40 = 1.25 · 2^5 → 6.
        ScaleRoundingCase(element: .e2m1, amax: "240", codes: [132, 133, 133, 133]),
        ScaleRoundingCase(element: .e2m1, amax: "449", codes: [133, 134, 134, 134]),
    ]

    static let rules: [MXScaleRounding] = [.floor, .ceil, .even, .rceil]

    /// The rule alone, and a whole block through both kernel paths.
    @Test(arguments: cases)
    func scaleCodes(_ testCase: ScaleRoundingCase) throws {
        let amax = try FloatFormat.float32.round(testCase.amax).bits
        for (rule, expected) in zip(Self.rules, testCase.codes) {
            let code = rule.scaleCode(amax: amax, in: .float32, element: testCase.element)
            #expect(code == expected, "\(rule): 0x\(String(code ?? 0xff, radix: 16)) expected 0x\(String(expected, radix: 16))")
            let values = [testCase.amax, "-1", "0.3"] + Array(repeating: "0.01", count: 29)
            let configuration = QuantizationConfiguration(scheme: .mx(testCase.element), scaleRounding: rule)
            for path in [KernelPath.automatic, .softFloat] {
                let result = try quantize(try vector(values), configuration, path: path)
                #expect(result.scales == [expected], "\(rule) \(path)")
            }
        }
    }

    /// The worked example: MXFP4, block [6.5, 1, −0.3, 2].
    /// floor X = 1: 6.5 rounds to 6 (below the 7 midpoint: not counted as clamped), −0.3 → −0.5. ceil X = 2: 3.25 → 3, 0.5 → 0.5,
    /// −0.15 → −0 (below 0.25, half the smallest subnormal 0.5), 1 → 1.
    @Test(arguments: [(MXScaleRounding.floor, 1.0, [6.0, 1.0, -0.5, 2.0], [6.0, 1.0, -0.5, 2.0], 0),
                      (.ceil, 2.0, [3.0, 0.5, -0.0, 1.0], [6.0, 1.0, -0.0, 2.0], 0)])
    func e2m1WorkedExample(rule: MXScaleRounding, scale: Double, elements: [Double], dequantized: [Double], clamped: Int) throws {
        let result = try quantize(try vector(["6.5", "1", "-0.3", "2"]), QuantizationConfiguration(scheme: .mx(.e2m1), scaleRounding: rule))
        #expect(result.scales.map(FloatFormat.float8_e8m0fnu.doubleValue) == [scale])
        let values = result.quantized.map { FloatFormat.float4_e2m1fn.doubleValue(UInt64(bitPattern: $0)) }
        #expect(values == elements)
        #expect(values.map(\.sign) == elements.map(\.sign))
        #expect(result.dequantized.doubleValues == dequantized)
        #expect(result.metrics.clampedCount == clamped)
    }

    /// rceil where cuBLAS's rule and torchao's float32 log2 part: amax 0x40600001 in E4M3 gives
    /// d = fl32(3.5000002 · fl32(1/448)) = 2^-7 · (1 + 2^-23) (0x3c000001). The fraction is
    /// non-zero, so the code is 127 − 7 + 1 = 121; torchao's ⌈log2 d⌉ in float32 is −7 → 120.
    @Test func rceilRoundsUpTheLastFractionBit() {
        let amax: UInt64 = 0x4060_0001
        #expect(MXScaleRounding.rceilDescale(amax: amax, in: .float32, element: .e4m3) == 0x3c00_0001)
        #expect(MXScaleRounding.rceil.scaleCode(amax: amax, in: .float32, element: .e4m3) == 121)
        #expect(Float32MXKernel(element: .e4m3, scaleRounding: .rceil)?.scaleCode(amax: 0x4060_0001) == 121)
    }

    /// Every rule: an all-zero block gets code 0 (2^-127, as OCP says; torchao divides by 2^-126
    /// there), and a block with NaN or ±∞ the NaN scale 0xff and NaN elements.
    @Test(arguments: rules)
    func zeroAndNonFiniteBlocks(rule: MXScaleRounding) throws {
        let zeros = try quantize(try vector(["0", "-0", "0"]), QuantizationConfiguration(scheme: .mx(.e4m3), scaleRounding: rule))
        #expect(zeros.scales == [0])
        #expect(zeros.dequantized.doubleValues.allSatisfy { $0 == 0 })
        for special in ["inf", "-inf", "nan"] {
            for path in [KernelPath.automatic, .softFloat] {
                let result = try quantize(try vector(["1", special, "2"]), QuantizationConfiguration(scheme: .mx(.e2m1), scaleRounding: rule), path: path)
                #expect(result.scales == [0xff], "\(special) \(path)")
                #expect(result.dequantized.doubleValues.allSatisfy { $0.isNaN }, "\(special) \(path)")
            }
        }
        // Tiny blocks: amax 2^-120 gives code 0 (e = −128 clamped to −127) under every rule but
        // rceil, whose descale 2^-120 · fl32(1/448) ≈ 2^-128.8 is a non-zero float32 subnormal:
        // biased exponent 0, fraction non-zero → code 1. amax 2^-149: that product rounds
        // to 0, so rceil gives code 0 as well.
        let kernel = try #require(Float32MXKernel(element: .e4m3, scaleRounding: rule))
        for (amax, expected) in [(UInt64(0x0380_0000), UInt64(rule == .rceil ? 1 : 0)), (1, 0)] {
            #expect(rule.scaleCode(amax: amax, in: .float32, element: .e4m3) == expected, "0x\(String(amax, radix: 16))")
            #expect(UInt64(kernel.scaleCode(amax: UInt32(amax))) == expected, "0x\(String(amax, radix: 16))")
        }
    }

    /// Other compute formats: even and ceil follow the value, not float32's bits. In bfloat16,
    /// amax 7 = 1.75 · 2^2 gives E2M1 codes 127, 128, 128, 128 as in float32.
    @Test func bfloat16Compute() throws {
        for (rule, expected) in zip(Self.rules, [UInt64(127), 128, 128, 128]) {
            let result = try quantize(try vector(["7", "1"]), QuantizationConfiguration(scheme: .mx(.e2m1), compute: .bfloat16, scaleRounding: rule))
            #expect(result.scales == [expected], "\(rule)")
        }
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let configuration: QuantizationConfiguration
        let message: String
        var testDescription: String { message }
    }

    static let invalid: [InvalidCase] = [
        InvalidCase(configuration: .init(scheme: .absmax, scaleRounding: .floor),
                    message: "--scale-rounding applies to the MX schemes (mxfp8-e4m3, mxfp8-e5m2, mxfp6-e2m3, mxfp6-e3m2, mxfp4), not absmax"),
        InvalidCase(configuration: .init(scheme: .scaledFloat(.float8_e4m3fn), scaleRounding: .ceil),
                    message: "--scale-rounding applies to the MX schemes (mxfp8-e4m3, mxfp8-e5m2, mxfp6-e2m3, mxfp6-e3m2, mxfp4), not fp8-e4m3"),
        InvalidCase(configuration: .init(scheme: .mx(.int8), scaleRounding: .even),
                    message: "mxint8 keeps OCP's floor scale; --scale-rounding even applies to the MX float schemes only"),
        InvalidCase(configuration: .init(scheme: .mx(.e4m3), compute: .float64, scaleRounding: .rceil),
                    message: "--scale-rounding rceil is cuBLAS's float32 rule: the compute format must convert to float32 exactly (float32, bfloat16, float16, …), not float64"),
    ]

    @Test(arguments: invalid)
    func invalidConfigurations(_ testCase: InvalidCase) {
        #expect(throws: QuantizationError.invalidConfiguration(testCase.message)) { try testCase.configuration.validate() }
    }

    @Test func mxint8AcceptsFloorExplicitly() throws {
        try QuantizationConfiguration(scheme: .mx(.int8), scaleRounding: .floor).validate()
        try QuantizationConfiguration(scheme: .mx(.e2m1), compute: .float64, scaleRounding: .ceil).validate()
    }
}
