import SoftFloat
import Testing
@testable import Quantization

/// Hand-worked blocks for NVFP4 (torchao, Transformer Engine), FP8 blocks (DeepSeek, DeepGEMM)
/// and Transformer Engine's FP8 current scaling, and the bad inputs each rejects. The expected
/// values are worked out in the comments from the upstream formulas, not from the lab.
@Suite struct BlockScaledRecipeTests {
    static let e2m1 = FloatFormat.float4_e2m1fn
    static let e4m3 = FloatFormat.float8_e4m3fn

    /// One row, two NVFP4 blocks; block 0 holds 2688 = 448 · 6, so amax = 2688 and the tensor
    /// scale is 1 under both conventions.
    static let handRow: [String] = ["2688"] + Array(repeating: "0.5", count: 15)
        + ["0.03"] + Array(repeating: "0.01", count: 14) + ["-0.02"]

    /// E4M3 codes of 448, 384, 144, 128, −144, −128.
    static func e4m3Codes() throws -> (Int64, Int64, Int64, Int64, Int64, Int64) {
        let codes = try ["448", "384", "144", "128", "-144", "-128"].map { Int64(try e4m3.round($0).bits) }
        return (codes[0], codes[1], codes[2], codes[3], codes[4], codes[5])
    }

    /// E2M1 codes of element values.
    static func e2m1Codes(_ values: [String]) throws -> [Int64] {
        try values.map { Int64(try e2m1.round($0).bits) }
    }

    /// torchao: block 1's scale fl32(0.03/6) = 0.005 is below 2^-6 and is clamped to 2^-6 (0x08);
    /// its elements are multiplied by fl32(fl32(1/1)/2^-6) = 64: 0.03 → 1.92 → 2, 0.01 → 0.64 → 0.5,
    /// −0.02 → −1.28 → −1.5. Block 0: 448/1 → 0x7e; 2688 · fl32(1/448) rounds to 6, 0.5/448 → 0.
    @Test func torchaoClampsSubnormalBlockScale() throws {
        let result = try quantize(try vector(Self.handRow), QuantizationConfiguration(scheme: .nvfp4))
        #expect(result.configuration.convention == .torchao)
        #expect(result.scaleFormat == Self.e4m3)
        #expect(result.scales == [0x7e, 0x08])
        #expect(result.tensorScale == 0x3f80_0000)
        let expected = try Self.e2m1Codes(["6"] + Array(repeating: "0", count: 15) + ["2"] + Array(repeating: "0.5", count: 14) + ["-1.5"])
        #expect(result.quantized == expected)
        // x̂ = q · fl32(s · t): 2 · 2^-6
        #expect(result.dequantized.codes[16] == 0x3d00_0000)
    }

    /// Transformer Engine: g = fl32(2688/2688) = 1, t = 1; block 1's decode scale
    /// 0.03 · fl32(1/6) = 0.005 becomes the E4M3 subnormal 3 · 2^-9 = 0.005859375 (0x03); element
    /// encode scale fl32(1/0.005859375) = 170.66667: 0.03 → 5.12 → 6, 0.01 → 1.7067 → 1.5,
    /// −0.02 → −3.4133 → −3. x̂ of 0.03 = 6 · 0.005859375 = 0.03515625.
    @Test func transformerEngineKeepsSubnormalBlockScale() throws {
        let configuration = QuantizationConfiguration(scheme: .nvfp4, convention: .transformerEngine)
        let result = try quantize(try vector(Self.handRow), configuration)
        #expect(result.scales == [0x7e, 0x03])
        #expect(result.tensorScale == 0x3f80_0000)
        let expected = try Self.e2m1Codes(["6"] + Array(repeating: "0", count: 15) + ["6"] + Array(repeating: "1.5", count: 14) + ["-3"])
        #expect(result.quantized == expected)
        #expect(result.dequantized.codes[16] == 0x3d10_0000)
    }

    /// The text summary names the tensor scale and the multiplier.
    @Test func textShowsTensorScaleAndMultiplier() throws {
        let nvfp4 = try quantize(try vector(Self.handRow), QuantizationConfiguration(scheme: .nvfp4))
        #expect(nvfp4.description.contains("tensor scale (float32): 1.0"))
        let fp8 = try quantize(try vector(["3", "1"]), QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .transformerEngine))
        #expect(fp8.description.contains("multiplier (float32): 149.33333"))
    }

    /// torchao without a tensor scale: s = e4m3(clamp(vmax/6, 2^-6, 448)); block 0: 448; block 1: 2^-6.
    @Test func torchaoWithoutTensorScale() throws {
        let configuration = QuantizationConfiguration(scheme: .nvfp4, tensorScale: false)
        let result = try quantize(try vector(Self.handRow), configuration)
        #expect(result.scales == [0x7e, 0x08])
        #expect(result.tensorScale == nil)
    }

    /// An all-zero matrix: torchao computes 0/0 = NaN block scales; the lab gives 0 and zero codes.
    /// TE: g = min(2688/0, FLT_MAX) = FLT_MAX, s = e4m3(0) = 0, codes +0.
    @Test(arguments: [QuantizationConvention.torchao, .transformerEngine])
    func allZeroMatrix(_ convention: QuantizationConvention) throws {
        let input = try Matrix(rows: 2, columns: 16, format: .float32, codes: Array(repeating: 0, count: 32))
        let result = try quantize(input, QuantizationConfiguration(scheme: .nvfp4, convention: convention))
        #expect(result.scales == [0, 0])
        #expect(result.quantized.allSatisfy { $0 == 0 })
        if convention == .transformerEngine {
            // t = fl32(1/FLT_MAX) = 2^-128 · (1 + …): a float32 subnormal 0x00200000.
            #expect(result.tensorScale == 0x0020_0000)
        }
    }

    /// 16 × 16 tiles (TE): 17 rows make a second, partial tile row (TE pads with zero rows);
    /// scales are row-major over the 2 × 2 tile grid.
    @Test func transformerEngineTiles() throws {
        var codes = [UInt64](repeating: 0, count: 17 * 32)
        codes[0] = 0x4528_0000          // 2688 at [0, 0]: tile 0, sets amax
        codes[16 * 32 + 20] = 0x42e0_0000  // 112 at [16, 20]: tile 3, scale e4m3(112 · fl32(1/6)) = e4m3(18.666…) = 18 (0x59)
        let input = try Matrix(rows: 17, columns: 32, format: .float32, codes: codes)
        let configuration = QuantizationConfiguration(scheme: .nvfp4, granularity: .block(rows: 16, columns: 16), convention: .transformerEngine)
        let result = try quantize(input, configuration)
        #expect(result.scales == [0x7e, 0, 0, 0x59])
        // 112 · fl32(1/18) = 6.2222 → clamped to 6; so is 2688 · fl32(1/448) = 6.0000005.
        #expect(result.quantized[16 * 32 + 20] == 0x7)
        #expect(result.quantized[0] == 0x7)
        #expect(result.metrics.clampedCount == 2)
    }

    /// DeepSeek edge block: a 2 × 130 matrix; row 0 = 7 then zeros, edge [3, −1]; row 1 all zero.
    /// Block (0, 0): s = 7/448 = 2^-6, 7/s = 448. Edge (0, 1): s = fl32(3/448) = 0x3bdb6db7,
    /// 3/s = 448, −1/s = −149.33 → −144. Row 1: s = 0 and zero codes (upstream: 0/0 = NaN).
    @Test func deepseekEdgeBlock() throws {
        var row0 = ["7"] + Array(repeating: "0", count: 127)
        row0 += ["3", "-1"]
        let input = try matrix([row0, Array(repeating: "0", count: 130)])
        let configuration = QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .deepseek)
        let result = try quantize(input, configuration)
        #expect(result.granularity == .block(rows: 1, columns: 128))
        #expect(result.scaleFormat == .float32)
        #expect(result.scales == [0x3c80_0000, 0x3bdb_6db7, 0, 0])
        let (c448, c384, c144, c128, cMinus144, cMinus128) = try Self.e4m3Codes()
        #expect(result.quantized[0] == c448)
        #expect(result.quantized[128] == c448)
        #expect(result.quantized[129] == cMinus144)
        #expect(result.quantized[130...].allSatisfy { $0 == 0 })
    }

    /// DeepGEMM on the same edge block: sf = fl32(3/448), fl32(1/sf) = 149.33333, 3 · 149.33333 = 448,
    /// −1 → −144; with ue8m0 sf = 2^-7 (byte 0x77 + 1 = 0x78): 3 · 128 = 384, −1 → −128. The
    /// all-zero row: amax clamped to 1e-4, sf = fl32(fl32(1e-4)/448); ue8m0: 2^-22 (0x69).
    @Test(arguments: [BlockScaleFormat.float32, .ue8m0])
    func deepgemmEdgeBlock(_ scaleFormat: BlockScaleFormat) throws {
        var row0 = ["7"] + Array(repeating: "0", count: 127)
        row0 += ["3", "-1"]
        let input = try matrix([row0, Array(repeating: "0", count: 130)])
        let configuration = QuantizationConfiguration(
            scheme: .scaledFloat(.float8_e4m3fn), convention: .deepgemm, blockScaleFormat: scaleFormat)
        let result = try quantize(input, configuration)
        let (c448, c384, c144, c128, cMinus144, cMinus128) = try Self.e4m3Codes()
        if scaleFormat == .ue8m0 {
            #expect(result.scaleFormat == .float8_e8m0fnu)
            #expect(result.scales == [0x79, 0x78, 0x69, 0x69])
            #expect(result.quantized[128] == c384)
            #expect(result.quantized[129] == cMinus128)
        } else {
            // fl32(1e-4) = 0x38d1b717; / 448 = 0x346facad (worked in numpy float32).
            #expect(result.scales == [0x3c80_0000, 0x3bdb_6db7, 0x346f_acad, 0x346f_acad])
            #expect(result.quantized[128] == c448)
            #expect(result.quantized[129] == cMinus144)
        }
    }

    /// 128 × 128 blocks over a 130 × 130 matrix: a 2 × 2 grid, three of its blocks partial.
    @Test func deepseekWeightBlocks() throws {
        var codes = [UInt64](repeating: 0x3f80_0000, count: 130 * 130)  // all 1.0
        codes[129 * 130 + 129] = 0x4060_0000                              // 3.5 in block (1, 1)
        let input = try Matrix(rows: 130, columns: 130, format: .float32, codes: codes)
        let configuration = QuantizationConfiguration(
            scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 128, columns: 128), convention: .deepseek)
        let result = try quantize(input, configuration)
        // s = 1/448 = 0x3b124925 for three blocks; block (1, 1): 3.5/448 = 2^-7.
        #expect(result.scales == [0x3b12_4925, 0x3b12_4925, 0x3b12_4925, 0x3c00_0000])
        // In block (1, 1), 1/2^-7 = 128.
        let c128 = Int64(try Self.e4m3.round("128").bits)
        #expect(result.quantized[128 * 130 + 128] == c128)
    }

    /// TE current scaling, e4m3: amax 3 → m = fl32(448/3) = 149.33333 (0x43155555), scale =
    /// fl32(1/m) = 0x3bdb6db7; 3 → 448, 1 → 149.33 → 144. Power of two: m = 128, 3 → 384, 1 → 128.
    @Test(arguments: [false, true])
    func transformerEngineCurrentScaling(_ powerOfTwo: Bool) throws {
        let configuration = QuantizationConfiguration(
            scheme: .scaledFloat(.float8_e4m3fn), convention: .transformerEngine, powerOfTwoScale: powerOfTwo)
        let result = try quantize(try vector(["3", "1", "0"]), configuration)
        let (c448, c384, c144, c128, cMinus144, cMinus128) = try Self.e4m3Codes()
        if powerOfTwo {
            #expect(result.multiplier == 0x4300_0000)
            #expect(result.scales == [0x3c00_0000])
            #expect(result.quantized == [c384, c128, 0])
        } else {
            #expect(result.multiplier == 0x4315_5555)
            #expect(result.scales == [0x3bdb_6db7])
            #expect(result.quantized == [c448, c144, 0])
        }
    }

    /// amax 0 → m = 1; e5m2: amax 1e-40 (subnormal) → 57344/1e-40 overflows → m = FLT_MAX.
    @Test func currentScalingEdgeMultipliers() throws {
        let zero = try quantize(try vector(["0", "0"]), QuantizationConfiguration(scheme: .scaledFloat(.float8_e5m2), convention: .transformerEngine))
        #expect(zero.multiplier == 0x3f80_0000)
        let tiny = try quantize(try vector(["1e-40"]), QuantizationConfiguration(scheme: .scaledFloat(.float8_e5m2), convention: .transformerEngine))
        #expect(tiny.multiplier == 0x7f7f_ffff)
    }

    // MARK: Bad input

    @Test(arguments: ["block:0x128", "block:1x", "block:x128", "block:1x128x2", "block:-1x128"])
    func malformedBlock(_ text: String) {
        #expect(Granularity(parsing: text) == nil)
    }

    @Test func blockParses() {
        #expect(Granularity(parsing: "block:16x16") == .block(rows: 16, columns: 16))
        #expect(Granularity.block(rows: 1, columns: 128).description == "block:1x128")
    }

    static let invalidConfigurations: [(QuantizationConfiguration, String)] = [
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .deepseek, blockScaleFormat: .ue8m0), "use --convention deepgemm"),
        (QuantizationConfiguration(scheme: .nvfp4, granularity: .block(rows: 16, columns: 16)), "1 × 16 blocks only"),
        (QuantizationConfiguration(scheme: .nvfp4, granularity: .group(32)), "not group:32"),
        (QuantizationConfiguration(scheme: .nvfp4, convention: .transformerEngine, tensorScale: false), "always has its global"),
        (QuantizationConfiguration(scheme: .nvfp4, compute: .bfloat16), "--compute float32"),
        (QuantizationConfiguration(scheme: .nvfp4, convention: .torch), "not torch"),
        (QuantizationConfiguration(scheme: .mx(.e2m1), tensorScale: true), "--tensor-scale applies to nvfp4 only"),
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e5m2), convention: .deepgemm), "fp8-e4m3"),
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 2, columns: 128), convention: .deepseek), "block:1x128 or block:128x128"),
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), blockScaleFormat: .ue8m0), "--scale-format applies"),
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .deepseek, powerOfTwoScale: true), "--power-of-two-scale applies"),
        (QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), granularity: .row, convention: .transformerEngine), "--granularity tensor"),
        (QuantizationConfiguration(scheme: .absmax, granularity: .block(rows: 1, columns: 128)), "applies to nvfp4"),
        (QuantizationConfiguration(scheme: .absmax, convention: .torchao), "covers nvfp4"),
    ]

    @Test(arguments: invalidConfigurations.indices)
    func rejectsConfiguration(_ index: Int) {
        let (configuration, fragment) = Self.invalidConfigurations[index]
        #expect {
            try configuration.validate()
        } throws: { error in
            guard case QuantizationError.invalidConfiguration(let message) = error else { return false }
            return message.contains(fragment)
        }
    }

    @Test func nvfp4RowLengthMustBeWholeBlocks() throws {
        let input = try vector(Array(repeating: "1", count: 20))
        #expect {
            try quantize(input, QuantizationConfiguration(scheme: .nvfp4, convention: .transformerEngine))
        } throws: { error in
            "\(error)".contains("a row of 20 elements is not a multiple of 16")
        }
    }

    /// NaN or ±∞ in the input: an error naming the element, for every recipe.
    @Test(arguments: [
        QuantizationConfiguration(scheme: .nvfp4),
        QuantizationConfiguration(scheme: .nvfp4, convention: .transformerEngine),
        QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .deepseek),
        QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .deepgemm),
        QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), convention: .transformerEngine),
    ])
    func nonFiniteInputIsNamed(_ configuration: QuantizationConfiguration) throws {
        for bits: UInt64 in [0x7fc0_0000, 0xff80_0000] {
            var codes = [UInt64](repeating: 0x3f80_0000, count: 32)
            codes[17] = bits
            let input = try Matrix(rows: 2, columns: 16, format: .float32, codes: codes)
            #expect {
                try quantize(input, configuration)
            } throws: { error in
                guard case QuantizationError.nonFiniteInput(let row, let column, _, _) = error else { return false }
                return row == 1 && column == 1
            }
        }
    }
}
