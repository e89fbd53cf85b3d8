import SoftFloat
import Testing
@testable import LabCommands

/// The `bench` operand streams must not change: the Berkeley SoftFloat harness
/// (/work/shared/bench/softfloat_scalar.c) regenerates the scalar benchmark's operands itself
/// (SplitMix64 seeded 3; random codes, or Box–Muller N(0,1)·100 with libm's log and cos,
/// rounded to the format), and bench figures are compared across versions. The expected
/// hashes come from an independent rebuild of every stream in Python
/// (`Scripts/oracles/bench_operand_streams.py`: Python integers for SplitMix64, libm through
/// `math`, numpy's float64 → float16/float32 casts), over the first 10 002 elements.
@Suite("bench operand streams")
struct BenchmarkStreamTests {
    static let count = 10_002

    struct StreamCase: Sendable, CustomTestStringConvertible {
        var format: FloatFormat
        var normal: Bool
        var hash: UInt64
        var testDescription: String { "scalar \(format.name) \(normal ? "normal" : "random")" }
    }

    /// h = h·31 + x mod 2^64, the C harness's `--verify` hash.
    static func polynomialHash(_ values: some Sequence<UInt64>) -> UInt64 {
        values.reduce(0) { $0 &* 31 &+ $1 }
    }

    @Test(arguments: [
        StreamCase(format: .float16, normal: false, hash: 16_885_975_679_029_631_041),
        StreamCase(format: .float16, normal: true, hash: 856_194_763_576_790_428),
        StreamCase(format: .float32, normal: false, hash: 14_513_647_336_676_218_945),
        StreamCase(format: .float32, normal: true, hash: 14_153_461_988_276_824_750),
    ])
    func scalarOperandsMatchTheOracle(_ stream: StreamCase) {
        let operands = ScalarOperationBenchmarks.operands(format: stream.format, count: Self.count, normal: stream.normal)
        #expect(Self.polynomialHash(operands) == stream.hash)
    }

    @Test func bulkConversionInputMatchesTheOracle() {
        let input = BenchmarkSuite.input(count: Self.count)
        #expect(Self.polynomialHash(input.lazy.map(UInt64.init)) == 275_850_078_024_096_142)
    }

    @Test func quantizeInputMatchesTheOracle() {
        let input = QuantizeBenchmarks.SharedInput(rows: 1, columns: Self.count)
        #expect(Self.polynomialHash(input.bits.lazy.map(UInt64.init)) == 7_176_439_566_434_269_647)
    }
}
