import MPFRReference
import SoftFloat
import Testing

/// MPFR's exponent range and flags are per-thread, and the reference narrows the range inside
/// every operation; these tests run narrow-range and wide-range work side by side.
@Suite struct ConcurrencyTests {
    /// Parallel tasks mixing float8 emulation (emin −9) with float64 work that needs the full
    /// range give exactly the serial results.
    @Test func parallelResultsEqualSerialResults() async {
        let jobs: [(FloatFormat, UInt64)] = (0..<8).map { job in
            (job.isMultiple(of: 2) ? .float8_e4m3fn : .float64, UInt64(job))
        }
        func run(_ format: FloatFormat, _ seed: UInt64) -> [Rounded] {
            var sampler = CodeSampler(format: .float64, seed: seed)
            return (0..<300).map { _ in
                MPFRReference.convert(bits: sampler.next(), from: .float64, to: format, rounding: .nearestEven)!
            }
        }
        let serial = jobs.map { run($0.0, $0.1) }
        let parallel = await withTaskGroup(of: (Int, [Rounded]).self) { group in
            for (index, job) in jobs.enumerated() {
                group.addTask { (index, run(job.0, job.1)) }
            }
            var results = Array(repeating: [Rounded](), count: jobs.count)
            for await (index, result) in group { results[index] = result }
            return results
        }
        #expect(parallel == serial)
    }

    /// After an operation in a narrow emulation range, the calling thread's own MPFR range is
    /// back to the default: a value far below float64's range still parses to nonzero.
    @Test func callersRangeIsRestored() throws {
        _ = MPFRReference.round(MPFRValue(1e-30), to: .float4_e2m1fn)
        _ = try MPFRReference.round(text: "1e-400000000", to: .float16)
        let tiny = try MPFRValue("1e-400", precision: 53)
        #expect(!tiny.isZero && tiny.exponent == -1329)
        let huge = try MPFRValue("1e400", precision: 53)
        #expect(huge.isFinite && huge.exponent == 1328)
    }
}
