import ArgumentParser
import LabCommands
import Verification

extension PrecisionLab {
    /// `precision-lab bench [--json] [--elements N] [--threads N] [FILTER]`
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure bulk conversions, scalar soft-float operations and quantize kernels (release build).",
            discussion: """
                Warm-up, then repeated runs over pre-generated inputs (N(0,1)·100 float32 with 1% \
                special values); prints the median, min and max ns/element, GB/s and the ratio to \
                a memcpy of the same float32 buffer. Every bulk path first checks its output on the \
                benchmark input against the scalar engine and the command fails loudly if they \
                differ. FILTER keeps benchmarks whose name contains it, e.g. 'float32->', \
                'scalar float16', 'quantize', 'mma', 'verify pairs' (ns per checked pair, MPFR included), \
                'convert value' (ns per printed line), 'quantize json' / 'quantize text' (a whole \
                1024 × 4096 quantize and its printed output, ns per element), 'model report' (the \
                `model` command's default scheme set and each scheme alone over a generated float32 \
                checkpoint of --model-parameters, ns per parameter, naming the slowest codec). Timings depend on the machine and are never written \
                to Reports/.
                """)

        @Argument(help: "Run only benchmarks whose name contains this text.")
        var filter: String?

        @Flag(help: "Print a JSON list instead of a table.")
        var json = false

        @Option(help: "Elements per bulk buffer.")
        var elements: Int = 1 << 26

        @Option(help: "Operands per scalar-operation benchmark.")
        var operands: Int = 10_000_000

        @Option(help: "Parameters of the generated float32 checkpoint for 'model report' (rounded up to rows of 4096), e.g. 100000000.")
        var modelParameters: Int = 1 << 20

        @Option(help: "Threads for the bulk paths.")
        var threads: Int = 1

        @Option(help: "Timed repetitions after the warm-up.")
        var repetitions: Int = 5

        func validate() throws {
            if elements < 1 || operands < 1 || modelParameters < 1 { throw ValidationError("--elements, --operands and --model-parameters must be positive") }
            if threads < 1 { throw ValidationError("--threads must be at least 1") }
            if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
        }

        func run() throws {
            var suite = BenchmarkSuite(elements: elements, threads: threads, repetitions: repetitions)
            suite.extraBenchmarks = ScalarOperationBenchmarks.benchmarks(operands: operands, repetitions: repetitions)
                + QuantizeBenchmarks.benchmarks(threads: threads, repetitions: repetitions)
                + MatrixUnitBenchmarks.benchmarks(dotProducts: operands / 32, threads: threads, repetitions: repetitions)
                + GGUFBenchmarks.benchmarks(repetitions: repetitions)
                + PairVerificationBenchmarks.benchmarks(threads: threads, repetitions: repetitions)
                + CommandOutputBenchmarks.benchmarks(repetitions: repetitions)
                + ModelReportBenchmarks.benchmarks(parameters: modelParameters, threads: threads, repetitions: repetitions)
                + EmbedBenchmarks.benchmarks(threads: threads, repetitions: repetitions)
            let progress = TerminalProgress(label: "bench")
            try reportingFailure {
                let results = try suite.run(filter: filter) { name in
                    if progress.isEnabled { printToStandardError("bench: \(name)") }
                }
                print(json ? BenchmarkReport.json(results) : BenchmarkReport.table(results), terminator: "")
                if !json, let slowest = ModelReportBenchmarks.slowestScheme(in: results) { print(slowest) }
            }
        }
    }
}
