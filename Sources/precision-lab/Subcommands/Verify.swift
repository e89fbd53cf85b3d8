import ArgumentParser
import Foundation
import FastKernels
import LabCommands
import SoftFloat
import Verification

extension PrecisionLab {
    /// `precision-lab verify float32->F`, `precision-lab verify --pairs F OP [--rounding …] [--shard K/N|auto] [--output DIR]`
    /// and `precision-lab verify --merge DIR`
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exhaustive verification (release build): bulk paths against the scalar engine, arithmetic against MPFR.",
            discussion: """
                'verify float32->F' sends all 2^32 float32 bit patterns through every float32->F \
                fast path of the kernel registry (Swift kernels, the bulk conversion, the MX element \
                rounding, the F16C/AVX2 C kernels) and compares every code with the scalar engine; \
                for float16 it also compares the engine with the machine's own Float16 conversion. 'verify --pairs F OP' checks every pair of codes \
                of a format of at most 16 bits (OP: add sub mul div; sqrt checks every code) in every MPFR \
                direction against MPFR (float16 or bfloat16: 2^32 pairs per direction, a job for --shard). 'verify --conversions N F' converts N random float32/float64 \
                inputs to F in every MPFR direction and both overflow policies, against MPFR. \
                'verify --shortest-float32' prints all 2^32 float32 bit patterns with the lab's float32 \
                shortest-digit printer and compares the text with Swift's Float.description (laid out \
                as the lab prints); --shard K/N takes the K-th contiguous slice (2/2: the sign bit set). \
                Prints the mismatch count (0 means verified) and exits 1 on \
                any mismatch. Build with -c release: a debug build is ~20× slower.

                Sweeps: 'verify --pairs F OP --shard K/N' checks the K-th of N contiguous slices \
                of the pair space and writes DIR/pairs-F-OP.shard-K-of-N.txt (DIR: --output, \
                default 'shards'; a shard exits 0 even with mismatches, so a dependent merge \
                runs). --shard auto takes K from SLURM_ARRAY_TASK_ID or PARALLEL_SEQ and N from \
                --shards N or SLURM_ARRAY_TASK_COUNT. 'verify --merge DIR' checks that DIR's \
                shards cover the pair space exactly once and prints the summary one process \
                gives (exit 1 on mismatches or incomplete shards).
                """)

        @Argument(help: ArgumentHelp("float32->FORMAT, or with --pairs: FORMAT OP.", valueName: "target"))
        var targets: [String] = []

        @Flag(help: "Check every pair of codes of a format of at most 16 bits for OP against MPFR.")
        var pairs = false

        @Flag(help: "Compare the float32 shortest-digit printer with Swift's Float.description on all 2^32 bit patterns.")
        var shortestFloat32 = false

        @Option(help: ArgumentHelp("Convert N random float32/float64 inputs to FORMAT in every MPFR direction and both overflow policies, against MPFR.", valueName: "n"))
        var conversions: Int?

        @Option(name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: active processors).", valueName: "threads"))
        var threadsOption: Int?

        /// --threads, or every active processor (kept out of the help's printed default: it is the machine's).
        var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

        @Option(parsing: .upToNextOption, help: ArgumentHelp(
            "With --pairs: the MPFR directions to check, 'all' (default) or some of RNDN RNDZ RNDU RNDD RNDA (or nearest-even toward-zero up down).",
            valueName: "all|R"))
        var rounding: [String] = []

        @OptionGroup var sharding: ShardArguments

        @Option(help: ArgumentHelp("With --pairs: write the summary file here (default with --shard: shards).", valueName: "dir"))
        var output: String?

        @Option(help: ArgumentHelp("Merge the shard summaries of 'verify --pairs --shard' in DIR and print the total.", valueName: "dir"))
        var merge: String?

        @Option(help: ArgumentHelp("Check only the first N chunks of 2^20 inputs (of the shard, with --shard; for smoke tests).", valueName: "n"))
        var chunks: Int?

        func validate() throws {
            if threads < 1 { throw ValidationError("--threads must be at least 1") }
            if shortestFloat32 {
                guard targets.isEmpty, !pairs, conversions == nil, merge == nil, output == nil, rounding.isEmpty else {
                    throw ValidationError("--shortest-float32 takes no other arguments but --threads, --chunks and --shard")
                }
                _ = try sharding.selection()
                return
            }
            if merge != nil {
                guard targets.isEmpty, !pairs, conversions == nil, sharding.shard == nil, output == nil, rounding.isEmpty else {
                    throw ValidationError("--merge DIR takes no other arguments, for example: verify --merge shards")
                }
                return
            }
            if !pairs && (sharding.shard != nil || sharding.shards != nil || output != nil || !rounding.isEmpty) {
                throw ValidationError("--rounding, --shard, --shards and --output go with --pairs")
            }
            if pairs {
                _ = try validating { try PairVerification.directions(parsing: rounding) }
                _ = try sharding.selection()
            }
            if let conversions {
                guard conversions > 0, targets.count == 1 else { throw ValidationError("--conversions N takes one FORMAT, for example: verify --conversions 1000000 float8_e4m3fn") }
                return
            }
            if pairs {
                guard targets.count == 2 else { throw ValidationError("--pairs takes FORMAT OP, for example: verify --pairs float8_e4m3fn mul") }
                let format = try parseFormat(targets[0])
                try validating { try PairVerification.check(format) }
            } else {
                guard targets.count == 1, targets[0].hasPrefix("float32->") else {
                    throw ValidationError("expected float32->FORMAT, for example: verify float32->float16")
                }
            }
        }

        func run() throws {
            let progress = TerminalProgress(label: "verify")
            let start = Date()
            if shortestFloat32 {
                // --shard K/N: the K-th contiguous slice of the 4096 chunks (2/2: the sign bit set).
                let slice = (try sharding.selection() ?? .whole).slice(of: ShortestFloat32Verification.chunkCount)
                let range = slice.lowerBound..<(slice.lowerBound + min(chunks ?? slice.count, slice.count))
                let outcome = ShortestFloat32Verification(threads: threads, chunkRange: range).run(progress: progress.update)
                progress.finish()
                let first = UInt32(truncatingIfNeeded: range.lowerBound * ShortestFloat32Verification.chunkSize)
                let last = UInt32(truncatingIfNeeded: range.upperBound * ShortestFloat32Verification.chunkSize &- 1)
                print("verify --shortest-float32 (0x\(String(first, radix: 16))...0x\(String(last, radix: 16))): \(outcome.checked) bit patterns, \(outcome.mismatches) mismatches against Float.description, \(seconds(since: start)) s")
                for example in outcome.examples {
                    print("  float32 0x\(String(example.input, radix: 16)): printed \(example.printed), Float.description \(example.expected)")
                }
                if outcome.mismatches > 0 { throw ExitCode.failure }
                return
            }
            if let conversions {
                let format = try parseFormat(targets[0])
                let outcome = ConversionVerification(target: format, count: conversions, threads: threads).run(progress: progress.update)
                progress.finish()
                print("verify --conversions \(conversions) \(format.name): \(outcome.checked) cases, \(outcome.mismatches) mismatches, \(seconds(since: start)) s")
                for example in outcome.examples { print("  \(example)") }
                if outcome.mismatches > 0 { throw ExitCode.failure }
                return
            }
            if let merge {
                let summary = try reportingFailure { try PairVerificationSummary.merge(directory: merge) }
                print(summary.report, terminator: "")
                if summary.mismatches > 0 { throw ExitCode.failure }
                return
            }
            if pairs {
                let format = try parseFormat(targets[0])
                guard let operation = ArithmeticOperation(rawValue: targets[1]), PairVerification.operations.contains(operation) else {
                    throw ValidationError("unknown operation '\(targets[1])'; expected one of \(PairVerification.operations.map(\.rawValue).joined(separator: ", "))")
                }
                let shard = try sharding.selection()
                let space = PairVerification.pairCount(format: format, operation: operation)
                let verification = try PairVerification(format: format, operation: operation, threads: threads,
                                                        directions: try validating { try PairVerification.directions(parsing: rounding) }, pairs: shard?.slice(of: space))
                let outcome = verification.run(progress: progress.update)
                progress.finish()
                let summary = PairVerificationSummary(verification: verification, outcome: outcome, shard: shard ?? .whole)
                print(summary.report, terminator: "")
                printToStandardError("\(seconds(since: start)) s")
                if let folder = output ?? (shard == nil ? nil : "shards") {
                    let path = try reportingFailure { try summary.write(to: folder) }
                    printToStandardError("wrote \(path)")
                }
                if outcome.mismatches > 0 && shard == nil { throw ExitCode.failure }
                return
            }
            let format = try parseFormat(String(targets[0].dropFirst("float32->".count)))
            let range = 0..<min(chunks ?? ExhaustiveNarrowingVerification.chunkCount, ExhaustiveNarrowingVerification.chunkCount)
            let outcome = ExhaustiveNarrowingVerification(target: format, threads: threads, chunkRange: range).run(progress: progress.update)
            progress.finish()
            var line = "verify float32->\(format.name): \(outcome.checked) inputs, \(outcome.mismatches) mismatches against the scalar engine"
            if format == .float16 { line += ", \(outcome.hardwareMismatches) against hardware Float16" }
            print(line + ", \(seconds(since: start)) s")
            for example in outcome.examples {
                print("  float32 0x\(String(example.input, radix: 16)): bulk \(format.hexString(example.bulk)), \(example.expectedName) \(format.hexString(example.expected))")
            }
            if outcome.mismatches > 0 || outcome.hardwareMismatches > 0 { throw ExitCode.failure }
        }

        func seconds(since start: Date) -> String {
            String(format: "%.1f", Date().timeIntervalSince(start))
        }
    }
}
