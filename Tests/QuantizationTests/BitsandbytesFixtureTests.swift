import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// `--convention bitsandbytes` against bitsandbytes 0.50.2's own CPU `quantize_4bit` /
/// `dequantize_4bit` (torch 2.15, AVX2): Fixtures/bitsandbytes-4bit.json, written by
/// `Scripts/oracles/bnb_oracle.py --fixture` (which also runs the full comparison). Every
/// number is a float32 bit pattern.
@Suite struct BitsandbytesFixtureTests {
    struct Fixture: Decodable {
        let dynamicMap: [UInt32]
        let nf4: [UInt32]
        let fp4: [UInt32]
        let sums: [Sum]
        let cases: [Case]

        enum CodingKeys: String, CodingKey {
            case dynamicMap = "dynamic_map", nf4, fp4, sums, cases
        }
    }

    struct Sum: Decodable, Sendable, CustomTestStringConvertible {
        let threads: Int
        let values: [UInt32]
        let sum: UInt32
        var testDescription: String { "\(values.count) values, \(threads) thread(s)" }
    }

    struct DoubleQuantization: Decodable, Sendable {
        let codes: [Int]
        let offset: [UInt32]
        let secondScales: [UInt32]

        enum CodingKeys: String, CodingKey {
            case codes, offset, secondScales = "second_scales"
        }
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let scheme: String
        let doubleQuant: Bool
        let blocksize: Int
        let rows: Int
        let columns: Int
        let input: [UInt32]
        let packed: [UInt8]
        let absmax: [UInt32]
        let dequantized: [UInt32]
        let double: DoubleQuantization?

        enum CodingKeys: String, CodingKey {
            case scheme, doubleQuant = "double_quant", blocksize, rows, columns, input, packed, absmax, dequantized, double
        }

        var testDescription: String {
            "\(scheme) \(rows)×\(columns) blocksize \(blocksize)\(doubleQuant ? " double-quant" : "")"
        }
    }

    static let fixture = loadFixture("bitsandbytes-4bit.json", as: Fixture.self)

    @Test(arguments: fixture.cases)
    func quantizeAndDequantize(_ testCase: Case) throws {
        let scheme = try #require(QuantizationScheme(name: testCase.scheme))
        let input = try Matrix(rows: testCase.rows, columns: testCase.columns, format: .float32,
                               codes: testCase.input.map(UInt64.init))
        let result = try quantize(input, QuantizationConfiguration(
            scheme: scheme, granularity: .group(testCase.blocksize), convention: .bitsandbytes,
            doubleQuantization: testCase.doubleQuant))
        #expect(result.packed == testCase.packed)
        #expect(result.scales == testCase.absmax.map(UInt64.init))
        #expect(result.dequantized.codes == testCase.dequantized.map(UInt64.init))
        if let expected = testCase.double {
            let state = try #require(result.doubleQuantization)
            #expect(state.codes == expected.codes)
            #expect([state.offset] == expected.offset.map(UInt64.init))
            #expect(state.secondScales == expected.secondScales.map(UInt64.init))
        } else {
            #expect(result.doubleQuantization == nil)
        }
    }

    /// torch's float32 `sum` (cascade, 8 lanes) on vectors of every path: scalar (n < 8),
    /// vector with leftovers, and several cascade levels.
    @Test(arguments: fixture.sums)
    func torchSum(_ sum: Sum) {
        let values = sum.values.map { Float(bitPattern: $0) }
        #expect(TorchCPUSum(threads: sum.threads).sum(values).bitPattern == sum.sum)
    }

    /// `create_dynamic_map()` as torch builds it (fused linspace), entry for entry; the
    /// textbook map (unfused) differs in 42 of the 256 entries.
    @Test func dynamicMap() {
        let expected = Self.fixture.dynamicMap.map(UInt64.init)
        #expect(DynamicMap.torchCPUValues == expected)
        let differing = zip(DynamicMap.values, expected).filter { $0 != $1 }
        #expect(differing.count == 42)
    }

    /// `get_4bit_type`: NF4 is the lab's table; FP4 is too, except that code 8 is +0 there.
    @Test func codebooks() {
        #expect(Codebook.nf4.values == Self.fixture.nf4.map(UInt64.init))
        var fp4 = Codebook.fp4Bitsandbytes.values
        fp4[8] = 0
        #expect(fp4 == Self.fixture.fp4.map(UInt64.init))
    }

    /// The issue's example: the block normalised exactly to 1.0 gets the map's 1.0 (code 255)
    /// and keeps its scale exactly: absmax [1, 3] → offset 2, centred [−1, 1] → codes 0, 255.
    @Test func largestScaleKeepsCode255() throws {
        let x = try vector(Array(repeating: "1", count: 32) + Array(repeating: "3", count: 32))
        let result = try quantize(x, QuantizationConfiguration(
            scheme: .nf4, granularity: .group(32), convention: .bitsandbytes, doubleQuantization: true))
        let state = try #require(result.doubleQuantization)
        #expect(state.codes == [0, 255])
        #expect(result.scales[1] == FloatFormat.float32.round(3).bits)
    }

    /// Two blocks of absmax 3e38: their float32 sum 6e38 overflows, so the offset (the mean) is
    /// +inf; the run stops with an error (it used to trap converting a NaN index to Int).
    @Test(arguments: [QuantizationScheme.nf4, .fp4Bitsandbytes])
    func anOverflowingOffsetIsAnError(scheme: QuantizationScheme) throws {
        let x = try vector(Array(repeating: "3e38", count: 64))
        #expect(throws: QuantizationError.self) {
            try quantize(x, QuantizationConfiguration(scheme: scheme, granularity: .group(32), convention: .bitsandbytes, doubleQuantization: true))
        }
        do {
            _ = try quantize(x, QuantizationConfiguration(scheme: scheme, granularity: .group(32), convention: .bitsandbytes, doubleQuantization: true))
        } catch {
            #expect(error.description.contains("--double-quant: the offset"))
        }
    }
}
