import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// NVFP4 and FP8 blocks against outside references, without Python:
/// - Fixtures/nvfp4.json, written by `Scripts/oracles/nvfp4_oracle.py --fixture …` from torchao
///   0.18's `nvfp4_quantize` (tensor scale on and off) and from the numpy re-implementation of
///   Transformer Engine's reference quantizer (1×16 and 16×16): the hand row of
///   ``BlockScaledRecipeTests`` and a 16 × 32 tensor with one huge row over tiny ones (TE block
///   scales subnormal or zero, torchao's clamped to 2^-6).
/// - Fixtures/fp8-blocks.json, written by `Scripts/oracles/fp8_block_oracle.py --fixture …`
///   from numpy re-implementations of DeepSeek-V3's kernel.py and DeepGEMM's math.py (checked
///   there against DeepGEMM's own functions): a 3 × 130 matrix with 2-element edge blocks.
@Suite struct BlockScaledFixtureTests {
    struct NVFP4Result: Decodable, Sendable {
        let convention: String
        let variant: String
        let scale_codes: String
        let element_codes: String
        let tensor_scale: String?
    }

    struct FP8Result: Decodable, Sendable {
        let convention: String
        let granularity: String
        let scale_format: String
        let scales: [String]
        let element_codes: String
    }

    static let nvfp4Cases = OracleFixture<NVFP4Result>.load("nvfp4.json").cases
    static let fp8Cases = OracleFixture<FP8Result>.load("fp8-blocks.json").cases

    static func mismatches(_ quantized: [Int64], _ expected: [UInt64], _ bits: [String]) -> [String] {
        expected.indices.compactMap { index in
            UInt64(bitPattern: quantized[index]) == expected[index] ? nil
                : "[\(index)] x = 0x\(bits[index]): 0x\(String(quantized[index], radix: 16)) expected 0x\(String(expected[index], radix: 16))"
        }
    }

    @Test func coversEveryConvention() {
        #expect(Self.nvfp4Cases.count == 2 * 4)
        #expect(Set(Self.nvfp4Cases.map { "\($0.result.convention) \($0.result.variant)" }).count == 4)
        #expect(Self.fp8Cases.count == 6)
        // The TE block scales of the outlier tensor include subnormal (or zero) E4M3 codes, and
        // torchao's include the clamped 2^-6: the cases the conventions disagree on are present.
        let outlier = Self.nvfp4Cases.filter { $0.tensor.kind == "fixture-outlier" }
        #expect(outlier.contains { $0.result.convention == "transformer-engine" && hexBytes($0.result.scale_codes).contains { $0 < 0x08 } })
        #expect(outlier.contains { $0.result.convention == "torchao" && hexBytes($0.result.scale_codes).contains(0x08) })
    }

    @Test(arguments: nvfp4Cases)
    func nvfp4AgreesWithReference(_ testCase: OracleFixture<NVFP4Result>.Case) throws {
        let result = testCase.result
        let convention = try #require(QuantizationConvention(rawValue: result.convention))
        let configuration = QuantizationConfiguration(
            scheme: .nvfp4, granularity: result.variant == "block:16x16" ? .block(rows: 16, columns: 16) : nil,
            convention: convention, tensorScale: result.variant == "off" ? false : nil)
        let output = try quantize(try testCase.tensor.matrix(), configuration)
        #expect(output.scales == hexBytes(result.scale_codes))
        #expect(output.tensorScale == result.tensor_scale.map { UInt64($0, radix: 16)! })
        let mismatches = Self.mismatches(output.quantized, hexBytes(result.element_codes), testCase.tensor.bits)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(4).joined(separator: "; "))")
    }

    @Test(arguments: fp8Cases)
    func fp8BlocksAgreeWithReference(_ testCase: OracleFixture<FP8Result>.Case) throws {
        let result = testCase.result
        let convention = try #require(QuantizationConvention(rawValue: result.convention))
        let configuration = QuantizationConfiguration(
            scheme: .scaledFloat(.float8_e4m3fn), granularity: Granularity(parsing: result.granularity),
            convention: convention, blockScaleFormat: BlockScaleFormat(rawValue: result.scale_format))
        let output = try quantize(try testCase.tensor.matrix(), configuration)
        let expectedScales = result.scales.map { UInt64($0, radix: 16)! }
        let scales = output.scaleFormat == .float8_e8m0fnu ? output.scales.map { $0 << 23 } : output.scales
        #expect(scales == expectedScales)
        let mismatches = Self.mismatches(output.quantized, hexBytes(result.element_codes), testCase.tensor.bits)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(4).joined(separator: "; "))")
    }
}
