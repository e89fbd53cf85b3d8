import Foundation
import SoftFloat
import Testing
@testable import Quantization

/// `matmul --convention bitsandbytes` against bitsandbytes 0.50.2's own CPU LLM.int8 ops
/// (`int8_vectorwise_quant`, `int8_scaled_mm`, `int8_mixed_scaled_mm`; torch 2.15):
/// Fixtures/bitsandbytes-int8-matmul.json, written by `Scripts/oracles/bnb_matmul_oracle.py
/// --fixture` (which also runs the full comparison). Inputs are float32 bit patterns cast to
/// the input dtype; C is codes of that dtype.
@Suite struct BitsandbytesMatmulFixtureTests {
    struct Fixture: Decodable {
        let cases: [Case]
    }

    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let compute: String
        let rows: Int
        let inner: Int
        let columns: Int
        let threshold: Double
        let a: [UInt32]
        let b: [UInt32]
        let qA: [Int64]
        let qB: [Int64]
        let outlierColumns: [Int]
        let accumulators: [Int64]
        let c: [UInt64]

        enum CodingKeys: String, CodingKey {
            case compute, rows, inner, columns, threshold, a, b, qA = "q_a", qB = "q_b"
            case outlierColumns = "outlier_columns", accumulators, c
        }

        var testDescription: String {
            "\(compute) \(rows)×\(inner) · \(inner)×\(columns)" + (threshold > 0 ? " threshold \(threshold)" : "")
        }
    }

    static let fixture = loadFixture("bitsandbytes-int8-matmul.json", as: Fixture.self)

    static func matrices(_ testCase: Case) throws -> (a: Matrix, b: Matrix, format: FloatFormat) {
        let format = try FloatFormat.named(testCase.compute)
        let a = try Matrix(rows: testCase.rows, columns: testCase.inner, format: .float32, codes: testCase.a.map(UInt64.init))
        let b = try Matrix(rows: testCase.inner, columns: testCase.columns, format: .float32, codes: testCase.b.map(UInt64.init))
        return (try a.cast(to: format), try b.cast(to: format), format)
    }

    @Test(arguments: fixture.cases)
    func matmulMatchesBitsandbytes(_ testCase: Case) throws {
        let (a, b, format) = try Self.matrices(testCase)
        let result = try matmul(a, b, MatmulConfiguration(
            scheme: .vectorwise, outlierThreshold: testCase.threshold, compute: format, convention: .bitsandbytes))
        #expect(result.quantizedA == testCase.qA)
        #expect(result.quantizedB == testCase.qB)
        #expect(result.outlierColumns == testCase.outlierColumns)
        #expect(result.accumulators == testCase.accumulators)
        #expect(result.product.codes == testCase.c)
        #expect(result.overflowCount == 0)
    }

    /// `quantize --convention bitsandbytes` by row is `int8_vectorwise_quant` without a
    /// threshold: the same qA, with torch's `127.0 / row_stats` = reciprocal × 127.
    @Test(arguments: fixture.cases.filter { $0.threshold == 0 })
    func rowQuantizationMatchesBitsandbytes(_ testCase: Case) throws {
        // bitsandbytes scales in float32 whatever the input dtype; the dtype's values are exact there.
        let a = try Self.matrices(testCase).0.cast(to: .float32)
        let result = try quantize(a, QuantizationConfiguration(scheme: .absmax, granularity: .row, convention: .bitsandbytes))
        #expect(result.quantized == testCase.qA)
    }

    /// The report: float16 N(0,1) inputs used to give ±∞ for most of C because the
    /// int32 accumulator was scaled in float16; bitsandbytes scales in float32.
    @Test func float16ProductIsFinite() throws {
        let testCase = try #require(Self.fixture.cases.first { $0.compute == "float16" && $0.threshold == 0 })
        let (a, b, _) = try Self.matrices(testCase)
        let textbook = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise, compute: .float16))
        let bitsandbytes = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise, compute: .float16, convention: .bitsandbytes))
        #expect(bitsandbytes.overflowCount == 0)
        #expect(textbook.overflowCount > 0)
        // float16's largest finite value printed exactly: 65504, not the shortest "65500.0".
        #expect(textbook.overflowWarning == "warning: \(textbook.overflowCount) of 64 entries of C overflow float16 (largest finite 65504)")
    }

    @Test func bitsandbytesRejectsOtherInputFormats() {
        #expect(throws: QuantizationError.self) {
            try MatmulConfiguration(compute: .float8_e4m3fn, convention: .bitsandbytes).validate()
        }
    }
}
