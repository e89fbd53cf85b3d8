import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// The MX scale rules against outside references, without Python: Fixtures/mx-scale-rounding.json,
/// written by `Scripts/oracles/mx_scale_oracle.py --fixture …` from torchao 0.18's `to_mx`
/// (floor, ceil, even) and from cuBLAS's documented rceil rule (written out in numpy there).
/// Two tensors: 48 blocks whose maximum sits on the rules' decision points (powers of two,
/// significands 1.75/1.875/1.9375 and their float32 neighbours, amax/max = 2^k·(1 + 2^-23),
/// an all-zero block, subnormals) and a 4 × 64 tensor whose row magnitudes span 2^±40.
/// Element codes of blocks with scale code 0 are not compared for torchao's rules: torchao
/// divides by 2^-126 there, OCP's code 0 (and the lab's) is 2^-127.
@Suite struct MXScaleRoundingFixtureTests {
    struct Result: Decodable, Sendable, CustomStringConvertible {
        let scheme: String
        let rule: String
        let scale_codes: String
        let elements_checked: String
        let element_codes: String
        var description: String { "\(scheme) \(rule)" }
    }

    static let cases = OracleFixture<Result>.load("mx-scale-rounding.json").cases

    @Test func coversEveryFormatAndRule() {
        #expect(Self.cases.count == 2 * 5 * 4)
        #expect(Self.cases.allSatisfy { hexBytes($0.result.element_codes).count == $0.tensor.rows * $0.tensor.columns })
    }

    @Test(arguments: cases)
    func agreesWithReference(_ testCase: OracleFixture<Result>.Case) throws {
        let tensor = testCase.tensor
        let input = try tensor.matrix()
        let scheme = try #require(QuantizationScheme(name: testCase.result.scheme))
        let rule = try #require(MXScaleRounding(rawValue: testCase.result.rule))
        let expectedScales = hexBytes(testCase.result.scale_codes)
        let expectedElements = hexBytes(testCase.result.element_codes)
        let checked = testCase.result.elements_checked.map { $0 == "1" }
        let blocksPerRow = tensor.columns / 32
        for path in [KernelPath.automatic, .softFloat] {
            let result = try quantize(input, QuantizationConfiguration(scheme: scheme, scaleRounding: rule), path: path)
            #expect(result.scales == expectedScales, "\(path)")
            var mismatches: [String] = []
            for index in 0..<expectedElements.count {
                let block = (index / tensor.columns) * blocksPerRow + (index % tensor.columns) / 32
                guard checked[block] else { continue }
                let code = UInt64(bitPattern: result.quantized[index])
                if code != expectedElements[index] {
                    mismatches.append("[\(index)] x = 0x\(tensor.bits[index]): 0x\(String(code, radix: 16)) expected 0x\(String(expectedElements[index], radix: 16))")
                }
            }
            #expect(mismatches.isEmpty, "\(path): \(mismatches.prefix(4).joined(separator: "; "))")
        }
    }
}
