import SoftFloat
import Testing
@testable import MatrixUnits

/// One dot product worked by hand: unit, A, B and C codes, the expected D code and why.
struct HandWorkedCase: Sendable, CustomTestStringConvertible {
    let unit: String
    let a: [UInt64]
    let b: [UInt64]
    let c: UInt64
    let expected: UInt64
    let why: String
    var testDescription: String { "\(unit): \(why)" }

    /// Pads A and B with zero codes up to the unit's K.
    init(_ unit: String, a: [UInt64], b: [UInt64], c: UInt64, _ expected: UInt64, _ why: String) {
        self.unit = unit
        let k = try! MatrixUnit.named(unit).k
        self.a = a + Array(repeating: 0, count: k - a.count)
        self.b = b + Array(repeating: 0, count: k - b.count)
        self.c = c
        self.expected = expected
        self.why = why
    }
}

@Suite struct HandWorkedCaseTests {
    static let cases: [HandWorkedCase] = [
        // Alignment drops bits. f16 1 = 0x3c00, 2^-14 = 0x0400, −2^-14 = 0x8400.
        HandWorkedCase("hopper:mma.m16n8k8.f32.f16.f16.f32", a: [0x3c00, 0x8400], b: [0x3c00, 0x0400], c: 0, 0x3f80_0000,
                       "1 − 2^-28: the product 2^-28 lies below 2^(0−25) and is truncated away, so not 1 − 2^-24 (0x3f7fffff)"),
        HandWorkedCase("volta:mma.m8n8k4.f32.f16.f16.f32", a: [0x3c00, 0x3c00], b: [0x3c00, 0x0001], c: 0, 0x3f80_0000,
                       "1 + 2^-24: Volta keeps 23 fraction bits, 2^-24 is dropped"),
        HandWorkedCase("turing:mma.m16n8k8.f32.f16.f16.f32", a: [0x3c00, 0x3c00], b: [0x3c00, 0x0002], c: 0x3380_0000, 0x3f80_0001,
                       "1 + 2^-23 + 2^-24 (c = 2^-24): Turing keeps 24 bits, the sum 1 + 2^-23 + 2^-24 rounds toward zero to 1 + 2^-23"),
        // The 13-bit FP8 path. e4m3 0x38 = 1, 0x04 = 4 × 2^-9 = 2^-7, so 0x04·0x04 = 2^-14.
        HandWorkedCase("hopper:wgmma.m64n8k32.f32.e4m3.e4m3", a: [0x38, 0x04], b: [0x38, 0x04], c: 0, 0x3f80_0000,
                       "1 + 2^-14 → 1.0: only 13 fraction bits survive alignment"),
        HandWorkedCase("rtx-blackwell:mma.m16n8k32.f32.e4m3.e4m3.f32", a: [0x38, 0x04], b: [0x38, 0x04], c: 0, 0x3f80_0200,
                       "the same sum on RTX Blackwell keeps 25 bits: exactly 1 + 2^-14"),
        HandWorkedCase("hopper:wgmma.m64n8k32.f32.e4m3.e4m3", a: [0x38, 0x30], b: [0x38, 0x08], c: 0x3f80_0001, 0x4000_8000,
                       "1 + 0x30·0x08 (2^-1·2^-6) + c (1 + 2^-23) = 2 + 2^-7 + 2^-23: c's 2^-23 lies below 2^(1−13), so 2 + 2^-7"),
        // Final rounding: toward zero for f32 D, nearest-even for f16 D.
        HandWorkedCase("ampere:mma.m16n8k8.f32.f16.f16.f32", a: [0x3e00, 0x8c00], b: [0x4000, 0x1000], c: 0, 0x403f_ffff,
                       "1.5·2 − 2^-12·2^-11 = 3 − 2^-23 rounds toward zero to 3 − 2^-22 (nearest-even would give 3.0)"),
        HandWorkedCase("ampere:mma.m16n8k8.f16.f16.f16.f16", a: [0x3c00, 0x1000, 0x0c00], b: [0x3c00, 0x3c00, 0x3c00], c: 0, 0x3c01,
                       "1 + 2^-11 + 2^-12 = 1 + 0.75 ulp rounds to nearest: 1 + 2^-10"),
        HandWorkedCase("ampere:mma.m16n8k8.f32.f16.f16.f32", a: [0x3c00, 0x1000, 0x0c00], b: [0x3c00, 0x3c00, 0x3c00], c: 0, 0x3f80_1800,
                       "the same sum into f32 is exact: 1 + 3·2^-12"),
        // CDNA3: C rounded toward −∞ to 24 bits below the largest exponent.
        HandWorkedCase("cdna3:mfma.f32_32x32x8_f16", a: [0x3c00], b: [0x3c00], c: 0xb080_0000, 0x3f7f_ffff,
                       "1 + (−2^-30): C floors to −2^-24, so 1 − 2^-24 (truncation toward zero would give 1.0)"),
        HandWorkedCase("cdna3:mfma.f32_32x32x8_f16", a: [0x3c00], b: [0x3c00], c: 0x3080_0000, 0x3f80_0000,
                       "1 + 2^-30: C floors to 0"),
        HandWorkedCase("cdna3:mfma.f32_32x32x16_fp8_fp8", a: [0x40], b: [0x40], c: 0xb080_0000, 0x3f80_0000,
                       "fp8 (fnuz 0x40 = 1): C more than 25 binades below is dropped, not floored"),
        // CDNA2 flushes subnormals; CDNA1 keeps them.
        HandWorkedCase("cdna2:mfma.f32_4x4x4f16", a: [0x0001], b: [0x3c00], c: 0, 0x0000_0000,
                       "the f16 subnormal input 2^-24 is flushed to +0"),
        HandWorkedCase("cdna1:mfma.f32_4x4x4f16", a: [0x0001], b: [0x3c00], c: 0, 0x3380_0000,
                       "CDNA1 keeps it: 2^-24"),
        HandWorkedCase("cdna2:mfma.f32_4x4x2bf16", a: [0x1c80], b: [0x1c80], c: 0, 0x0000_0000,
                       "bf16 2^-70 · 2^-70 = 2^-140 is an f32 subnormal product: flushed"),
        HandWorkedCase("cdna1:mfma.f32_4x4x2bf16", a: [0x1c80], b: [0x1c80], c: 0, 0x0000_0200,
                       "CDNA1: the product 2^-140 stays subnormal"),
        // Specials.
        HandWorkedCase("hopper:mma.m16n8k8.f32.f16.f16.f32", a: [0x7c00, 0x7c00], b: [0x3c00, 0xbc00], c: 0, 0x7fff_ffff,
                       "inf − inf → NaN (NVIDIA's canonical 0x7fffffff)"),
        HandWorkedCase("hopper:mma.m16n8k8.f32.f16.f16.f32", a: [0x7c00], b: [0x0000], c: 0, 0x7fff_ffff,
                       "inf · 0 → NaN"),
        HandWorkedCase("hopper:mma.m16n8k8.f32.f16.f16.f32", a: [0x7c00, 0x3c00], b: [0xbc00, 0x3c00], c: 0, 0xff80_0000,
                       "inf · (−1) + 1 → −inf"),
        HandWorkedCase("ampere:mma.m16n8k4.f32.tf32.tf32.f32", a: [0x7f80_0001], b: [0x3f80_0000], c: 0, 0x7f80_0000,
                       "tf32 truncation first: the f32 NaN 0x7f800001 loses its payload and becomes +inf"),
        HandWorkedCase("ampere:mma.m16n8k4.f32.tf32.tf32.f32", a: [0x3f80_1fff], b: [0x3f80_0000], c: 0, 0x3f80_0000,
                       "tf32 operands keep 10 fraction bits: 0x3f801fff is read as 1.0"),
        // Zero results are +0; a zero's exponent is −126 (MMA-Sim).
        HandWorkedCase("hopper:mma.m16n8k8.f32.f16.f16.f32", a: [0xbc00, 0x3c00], b: [0x3c00, 0x3c00], c: 0x8000_0000, 0x0000_0000,
                       "−1 + 1 + (−0) = +0"),
        HandWorkedCase("hopper:mma.m16n8k8.f32.bf16.bf16.f32", a: [0x0000, 0x3f80], b: [0x7180, 0x2180], c: 0, 0x0000_0000,
                       "0 · 2^100 counts as exponent −26, so 1 · 2^-60 is truncated away (MMA-Sim's zero exponent)"),
        // Overflow is ±inf even when rounding toward zero.
        HandWorkedCase("hopper:mma.m16n8k8.f32.bf16.bf16.f32", a: [0x7f7f, 0x7f7f], b: [0x3f80, 0x3f80], c: 0x7f7f_ffff, 0x7f80_0000,
                       "2 · max bf16 + max f32 exceeds f32: +inf"),
    ]

    @Test(arguments: cases)
    func handWorked(_ example: HandWorkedCase) throws {
        let engine = DotProductEngine(unit: try MatrixUnit.named(example.unit))
        let d = engine.evaluate(a: example.a, b: example.b, c: example.c)
        #expect(d == example.expected, "got 0x\(String(d, radix: 16)), expected 0x\(String(example.expected, radix: 16))")
    }

    @Test func blockScaledGroupsUseBothScales() throws {
        let engine = DotProductEngine(unit: try MatrixUnit.named("rtx-blackwell:mma.block_scale.m16n8k64.block32.f32.e2m1.e2m1.f32.ue8m0"))
        // 64 products 1·1 = 64; A's second block scaled by 2 (0x80): 32 + 64 = 96; B scales 2^0.
        let d = engine.evaluate(a: Array(repeating: 0x2, count: 64), b: Array(repeating: 0x2, count: 64), c: 0,
                                scalesA: [0x7f, 0x80], scalesB: [0x7f, 0x7f])
        #expect(d == 0x42c0_0000)  // 96
        // A NaN scale (0xff) makes D NaN.
        let nan = engine.evaluate(a: Array(repeating: 0x2, count: 64), b: Array(repeating: 0x2, count: 64), c: 0,
                                  scalesA: [0x7f, 0xff], scalesB: [0x7f, 0x7f])
        #expect(nan == 0x7fff_ffff)
    }

    @Test func ue4m3ScalesIgnoreTheSignBit() throws {
        let engine = DotProductEngine(unit: try MatrixUnit.named("blackwell:tcgen05.mma.block_scale.m128n8k64.block16.f32.e2m1.e2m1.ue4m3"))
        let ones: [UInt64] = Array(repeating: 0x2, count: 64)
        // 0x38 = 1.0 and 0xb8 = −1.0 as e4m3; as ue4m3 both are 1.0.
        #expect(engine.evaluate(a: ones, b: ones, c: 0, scalesA: [0x38, 0xb8, 0x38, 0x38], scalesB: [0x38, 0x38, 0x38, 0x38]) == 0x4280_0000)
    }
}
