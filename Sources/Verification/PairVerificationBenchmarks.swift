import FastKernels
import LabCommands
import SoftFloat

/// `bench`'s measurements of the pair verifier, the cost of a cluster hour: ns per checked
/// pair (engine and MPFR reference, comparison and checksum included) on a fixed slice of
/// 2^20 float16 pairs in RNDN, shard 2731 of 4096 of the 2^32-pair space (16 rows of
/// normal operands around a = 0xaaa0). Named `verify pairs float16 OP (RNDN)`; one element is
/// one checked pair. The slice is checked once before it is timed: a mismatch throws, so a
/// verifier that got faster by breaking never reports a time.
///
///     verify pairs float16 add (RNDN)   1048576 elements   158 ns/element (one core of a shared 2-core machine)
public enum PairVerificationBenchmarks {
    public static let operations: [ArithmeticOperation] = [.add, .multiply, .divide]
    /// The benchmark slice: shard 2731/4096 of the float16 pair space, 2^20 pairs.
    public static let slice = try! ShardSelection(index: 2731, count: 4096).slice(of: 1 << 32)

    public static func benchmarks(threads: Int, repetitions: Int) -> [BenchmarkSuite.Benchmark] {
        operations.map { operation in
            BenchmarkSuite.Benchmark(name: "verify pairs float16 \(operation.rawValue) (RNDN)", elements: slice.count, bytesPerElement: 0) {
                let verification = try PairVerification(format: .float16, operation: operation, threads: threads,
                                                        directions: [.nearestEven], pairs: slice)
                let check = verification.run()
                guard check.checked == UInt64(slice.count), check.mismatches == 0 else {
                    throw BenchmarkError.mismatch("verify pairs float16 \(operation.rawValue): \(check.mismatches) mismatches in \(check.checked) cases: \(check.examples.joined(separator: "; "))")
                }
                return Stopwatch.measure(repetitions: repetitions) { _ = verification.run() }
            }
        }
    }
}
