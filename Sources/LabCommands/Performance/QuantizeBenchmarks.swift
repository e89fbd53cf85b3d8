import PortableMath
import Quantization
import SoftFloat

/// Benchmarks of the float32 quantize kernels (``Float32QuantizeKernel``, compute float32,
/// nearest-even; MX under each ``MXScaleRounding``) on a 4096 × 4096 N(0,1) float32 matrix
/// with preallocated output; one element is one matrix element, 4 bytes read plus one byte
/// written (int8, NF4 code or MX code, one per byte; scales are negligible).
///
///     suite.extraBenchmarks += QuantizeBenchmarks.benchmarks(threads: 1, repetitions: 5)
///     // quantize absmax int8 per-row ≈ 0.31 ns/element on the 2-core EPYC,
///     // memcpy float32 ≈ 0.21: about 1.5× (the issue's target is at most 3×)
///
/// Before it is timed, each benchmark quantizes and dequantizes the whole matrix once and
/// checks a sample of rows against the soft-float kernels (``KernelPath/softFloat``): every
/// element, x̂, scale and zero point (per tensor, the rows holding the extremes join the
/// sample, so the group parameters are the whole tensor's). A difference throws
/// ``BenchmarkError/mismatch(_:)``, so a fast wrong kernel never reports a time.
public enum QuantizeBenchmarks {
    /// The benchmarks' names and configurations, in the order they run.
    public static let cases: [(name: String, configuration: QuantizationConfiguration)] = [
        ("quantize absmax int8 per-tensor", .init(scheme: .absmax, granularity: .tensor)),
        ("quantize absmax int8 per-row", .init(scheme: .absmax, granularity: .row)),
        ("quantize zeropoint int8 per-tensor", .init(scheme: .zeroPoint, granularity: .tensor)),
        ("quantize zeropoint int8 per-row", .init(scheme: .zeroPoint, granularity: .row)),
        ("quantize nf4 block64", .init(scheme: .nf4, granularity: .group(64))),
    ] + ([.floor, .ceil, .even, .rceil] as [MXScaleRounding]).flatMap { rule in
        // Every MX float element under each scale rule (issue #12); OCP's floor keeps the
        // plain names (`quantize mxfp4`).
        ([.e2m1, .e4m3, .e5m2, .e2m3, .e3m2] as [MXElement]).map { element in
            let scheme = QuantizationScheme.mx(element)
            return ("quantize \(scheme)\(rule == .floor ? "" : " \(rule)")", QuantizationConfiguration(scheme: scheme, scaleRounding: rule))
        }
    } + [
        // FP8 E4M3 with 1 × 128 blocks as DeepSeek-V3 and DeepGEMM compute them.
        ("quantize fp8-e4m3 block:1x128 deepseek", fp8Blocks(.deepseek)),
        ("quantize fp8-e4m3 block:1x128 deepgemm", fp8Blocks(.deepgemm)),
        ("quantize fp8-e4m3 block:1x128 deepgemm ue8m0", fp8Blocks(.deepgemm, scaleFormat: .ue8m0)),
        // NVFP4 (1 × 16) as torchao and Transformer Engine compute it.
        ("quantize nvfp4 torchao", .init(scheme: .nvfp4, convention: .torchao)),
        ("quantize nvfp4 torchao tensor-scale=off", .init(scheme: .nvfp4, convention: .torchao, tensorScale: false)),
        ("quantize nvfp4 transformer-engine", .init(scheme: .nvfp4, convention: .transformerEngine)),
    ]

    private static func fp8Blocks(_ convention: QuantizationConvention, scaleFormat: BlockScaleFormat? = nil) -> QuantizationConfiguration {
        QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), granularity: .block(rows: 1, columns: 128),
                                  convention: convention, blockScaleFormat: scaleFormat)
    }

    /// Rows checked against the soft-float path (about 2.5 ms each in release).
    public static let sampleRowCount = 16

    public static func benchmarks(threads: Int, repetitions: Int, rows: Int = 4096, columns: Int = 4096) -> [BenchmarkSuite.Benchmark] {
        let input = SharedInput(rows: rows, columns: columns)
        return cases.map { name, configuration in
            BenchmarkSuite.Benchmark(name: name, elements: rows * columns, bytesPerElement: 5) {
                try measure(name: name, configuration: configuration, input: input.bits, rows: rows, columns: columns,
                            threads: threads, repetitions: repetitions)
            }
        }
    }

    /// Self-checks one kernel on `input`, then times it.
    static func measure(
        name: String, configuration: QuantizationConfiguration, input: [UInt32], rows: Int, columns: Int, threads: Int, repetitions: Int
    ) throws -> [Double] {
        guard let kernel = Float32QuantizeKernel(configuration: configuration) else {
            throw BenchmarkError.mismatch("\(name): no float32 fast path for this configuration")
        }
        var output = try kernel.makeOutput(rows: rows, columns: columns)
        return try input.withUnsafeBufferPointer { source in
            try kernel.quantize(source, into: &output, threads: threads)
            let dequantized = kernel.dequantize(output, threads: threads)
            let problem = dequantized.withUnsafeBufferPointer { xhat in
                kernel.firstMismatch(input: source, output: output, dequantized: xhat, sampleRows: sampleRows(rows: rows))
            }
            if let problem { throw BenchmarkError.mismatch(problem) }
            // The same call on the same input succeeded above, so it cannot throw here.
            var failure: QuantizationError?
            let runs = Stopwatch.measure(repetitions: repetitions) {
                do throws(QuantizationError) {
                    try kernel.quantize(source, into: &output, threads: threads)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            return runs
        }
    }

    /// The first, middle and last rows and some spread pseudo-randomly in between.
    static func sampleRows(rows: Int) -> [Int] {
        var random = SplitMix64(seed: 64)
        let spread = (0..<max(0, sampleRowCount - 3)).map { _ in Int(random.next() % UInt64(rows)) }
        return [0, rows / 2, rows - 1] + spread
    }

    /// N(0,1) float32 patterns, generated once for all the quantize benchmarks.
    final class SharedInput {
        let rows: Int
        let columns: Int
        lazy var bits: [UInt32] = {
            var random = RandomVariates(SplitMix64(seed: 4096))
            return (0..<(rows * columns)).map { _ in Float(random.boxMullerNormal()).bitPattern }
        }()

        init(rows: Int, columns: Int) {
            self.rows = rows
            self.columns = columns
        }
    }
}
