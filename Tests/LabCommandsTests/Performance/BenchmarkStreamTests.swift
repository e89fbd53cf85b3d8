import SoftFloat
import Testing
@testable import LabCommands

/// The `bench` operand streams must not change: the Berkeley SoftFloat harness
/// (/work/shared/bench/softfloat_scalar.c) regenerates the scalar benchmark's operands itself
/// (SplitMix64 seeded 3; random codes, or Box–Muller N(0,1)·100 with libm's log and cos,
/// rounded to the format), and bench figures are compared across versions. The expected
/// hashes come from an independent rebuild of every stream in Python
/// (`Scripts/oracles/bench_operand_streams.py`: Python integers for SplitMix64, libm through
/// `math`, numpy's float64 → float16/float32 casts; the special-only set of
/// Scripts/oracles/softfloat_scalar_special.c rebuilt from its description), over the first
/// 10 002 elements.
@Suite("bench operand streams")
struct BenchmarkStreamTests {
    static let count = 10_002

    struct StreamCase: Sendable, CustomTestStringConvertible {
        var format: FloatFormat
        var set: ScalarOperandSet
        var hash: UInt64
        var testDescription: String { "scalar \(format.name) \(set.rawValue)" }
    }

    /// h = h·31 + x mod 2^64, the C harness's `--verify` hash.
    static func polynomialHash(_ values: some Sequence<UInt64>) -> UInt64 {
        values.reduce(0) { $0 &* 31 &+ $1 }
    }

    @Test(arguments: [
        StreamCase(format: .float16, set: .random, hash: 16_885_975_679_029_631_041),
        StreamCase(format: .float16, set: .normal, hash: 856_194_763_576_790_428),
        StreamCase(format: .float32, set: .random, hash: 14_513_647_336_676_218_945),
        StreamCase(format: .float32, set: .normal, hash: 14_153_461_988_276_824_750),
        StreamCase(format: .float16, set: .special, hash: 13_899_291_419_837_274_073),
        StreamCase(format: .float32, set: .special, hash: 14_853_172_769_673_028_922),
        StreamCase(format: .bfloat16, set: .special, hash: 8_717_918_998_438_104_197),
        StreamCase(format: .float8_e5m2, set: .special, hash: 13_392_712_735_277_141_091),
        StreamCase(format: .float8_e4m3fn, set: .special, hash: 5_145_377_630_851_845_543),
    ])
    func scalarOperandsMatchTheOracle(_ stream: StreamCase) {
        let operands = stream.set.operands(format: stream.format, count: Self.count)
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
