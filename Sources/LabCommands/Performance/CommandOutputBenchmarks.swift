import PortableMath
import Quantization
import SoftFloat

/// Benchmarks of what the commands print, end to end through the library, for the slow paths
/// issue 20 names (release build; timings never go to Reports/):
///
/// - `convert value F`: ``ConvertStream`` with `--output value` over 2^20 lines of N(0,1)·100
///   decimals (`-12.3456`), ns per line; every format should run within 2× of float16.
/// - `quantize json` and `quantize text` on 256 × 1024 and 1024 × 4096 N(0,1) float32 matrices
///   (absmax per row; NF4, bitsandbytes FP4 and MXFP4 on the larger one): the quantization plus the
///   `--json` document (written row by row into a counter) or the text summary, ns per element;
///   JSON should be within 2× of text, NF4 and FP4 within 2× of absmax.
public enum CommandOutputBenchmarks {
    public static let convertFormats: [FloatFormat] = [.float16, .bfloat16, .tf32, .float8_e4m3fn, .float32]

    public static func benchmarks(lines: Int = 1 << 20, repetitions: Int, rows: Int = 1024, columns: Int = 4096) -> [BenchmarkSuite.Benchmark] {
        let text = LazyText(lines: lines)
        var list = convertFormats.map { format in
            BenchmarkSuite.Benchmark(name: "convert value \(format.name)", elements: lines, bytesPerElement: 8) {
                let bytes = text.bytes
                var failure: ConvertError?
                let runs = Stopwatch.measure(repetitions: repetitions) {
                    var input = MemoryInput(bytes)
                    do throws(ConvertError) {
                        try ConvertStream.run(ConvertConfiguration(target: format, output: .value), input: &input,
                                              output: BufferedWriter(CountingOutput()))
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
                return runs
            }
        }
        let small = LazyMatrix(rows: 256, columns: 1024)
        let large = LazyMatrix(rows: rows, columns: columns)
        let shape = "\(rows)x\(columns)"
        let cases: [(String, LazyMatrix, QuantizationConfiguration, Bool)] = [
            ("quantize text absmax per-row 256x1024", small, .init(scheme: .absmax, granularity: .row), false),
            ("quantize json absmax per-row 256x1024", small, .init(scheme: .absmax, granularity: .row), true),
            ("quantize text absmax per-row \(shape)", large, .init(scheme: .absmax, granularity: .row), false),
            ("quantize json absmax per-row \(shape)", large, .init(scheme: .absmax, granularity: .row), true),
            ("quantize text nf4 \(shape)", large, .init(scheme: .nf4), false),
            ("quantize json nf4 \(shape)", large, .init(scheme: .nf4), true),
            ("quantize text fp4-bnb \(shape)", large, .init(scheme: .fp4Bitsandbytes), false),
            ("quantize text mxfp4 \(shape)", large, .init(scheme: .mx(.e2m1)), false),
            ("quantize json mxfp4 \(shape)", large, .init(scheme: .mx(.e2m1)), true),
        ]
        list += cases.map { name, matrix, configuration, json in
            BenchmarkSuite.Benchmark(name: name, elements: matrix.rows * matrix.columns, bytesPerElement: 4) {
                let input = try matrix.value()
                var failure: QuantizationError?
                var printed = 0
                let runs = Stopwatch.measure(repetitions: repetitions) {
                    do throws(QuantizationError) {
                        let result = try quantize(input, configuration)
                        if json {
                            var sink = CountingTextStream()
                            result.writeJSON(to: &sink)
                            printed = sink.byteCount
                        } else {
                            printed = result.description.utf8.count
                        }
                    } catch {
                        failure = error
                    }
                }
                if let failure { throw failure }
                if printed == 0 { throw BenchmarkError.mismatch("\(name): nothing printed") }
                return runs
            }
        }
        return list
    }

    /// The convert input, made once on first use: one N(0,1)·100 decimal per line, 4 decimals.
    final class LazyText {
        let lines: Int
        lazy var bytes: [UInt8] = {
            var random = RandomVariates(SplitMix64(seed: 20))
            var text = ""
            text.reserveCapacity(lines * 10)
            for _ in 0..<lines {
                let value = (random.boxMullerNormal() * 100 * 10_000).rounded() / 10_000
                text += "\(value)\n"
            }
            return Array(text.utf8)
        }()

        init(lines: Int) { self.lines = lines }
    }

    /// The quantize input, made once on first use: N(0,1) float32.
    final class LazyMatrix {
        let rows: Int
        let columns: Int
        private var matrix: Matrix?

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }

        func value() throws(QuantizationError) -> Matrix {
            if let matrix { return matrix }
            var random = RandomVariates(SplitMix64(seed: 4096))
            let codes = (0..<(rows * columns)).map { _ in UInt64(Float(random.boxMullerNormal()).bitPattern) }
            let made = try Matrix(rows: rows, columns: columns, format: .float32, codes: codes)
            matrix = made
            return made
        }
    }
}
