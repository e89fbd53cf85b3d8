import PortableMath
import Quantization
import SoftFloat

/// Benchmarks of the GGUF codecs (``GGUFCodec``), single thread, on a 256 × 4096 N(0,1) float32
/// matrix: `quantize gguf-<type>` (no importance matrix: ggml's `quantize_row_*_ref` path) and
/// `dequantize gguf-<type>`, ns per element. One element is 4 bytes read plus its share of the
/// block written (rounded up to one byte).
///
/// Before it is timed, each quantizer's output is decoded and checked against a bound on the
/// round-trip error (half the row's max |x|; the ternary types: all of it; IQ1_S/IQ1_M: twice it), so a codec
/// that writes garbage never reports a time; bit-exactness against ggml is the tests' and the
/// oracle script's job (Scripts/oracles/gguf_oracle.py, which also times ggml's C quantizers).
public enum GGUFBenchmarks {
    public static func benchmarks(repetitions: Int, rows: Int = 256, columns: Int = 4096) -> [BenchmarkSuite.Benchmark] {
        let input = Input(rows: rows, columns: columns)
        var list: [BenchmarkSuite.Benchmark] = []
        for type in GGUFType.allCases where !type.requiresImportance {
            list.append(BenchmarkSuite.Benchmark(name: "quantize \(type.schemeName)", elements: rows * columns, bytesPerElement: 5) {
                let blocks = try GGUFCodec.quantize(input.values, rows: rows, columns: columns, type: type)
                try check(type, blocks: blocks, input: input)
                return Stopwatch.measure(repetitions: repetitions) {
                    _ = try? GGUFCodec.quantize(input.values, rows: rows, columns: columns, type: type)
                }
            })
            list.append(BenchmarkSuite.Benchmark(name: "dequantize \(type.schemeName)", elements: rows * columns, bytesPerElement: 5) {
                let blocks = try GGUFCodec.quantize(input.values, rows: rows, columns: columns, type: type)
                return Stopwatch.measure(repetitions: repetitions) {
                    _ = try? GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
                }
            })
        }
        return list
    }

    static func check(_ type: GGUFType, blocks: [UInt8], input: Input) throws {
        let y = try GGUFCodec.dequantize(blocks, rows: input.rows, columns: input.columns, type: type)
        let ternary = type == .tq1_0 || type == .tq2_0
        // IQ1_S/IQ1_M's 2048 grid points of {−1, 0, 1}^8 carry no separate signs: an element can
        // decode with the opposite sign, up to the block's largest level away.
        let lattice1 = type == .iq1_s || type == .iq1_m
        for row in 0..<input.rows {
            let range = row * input.columns..<(row + 1) * input.columns
            let amax = input.values[range].map(abs).max() ?? 0
            let bound = lattice1 ? 2 * amax : ternary ? amax : amax / 2
            if let k = range.first(where: { abs(input.values[$0] - y[$0]) > bound }) {
                throw BenchmarkError.mismatch("\(type): element \(k) decodes to \(y[k]) from \(input.values[k]) (bound \(bound))")
            }
        }
    }

    /// N(0,1) float32 values, generated once for all the GGUF benchmarks.
    final class Input: @unchecked Sendable {
        let rows: Int
        let columns: Int
        lazy var values: [Float] = {
            var random = RandomVariates(SplitMix64(seed: 4096))
            return (0..<(rows * columns)).map { _ in Float(random.boxMullerNormal()) }
        }()

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }
    }
}
