import SoftFloat
import Testing
@testable import Verification

/// Small runs of what `precision-lab verify` runs in full: the counts say every item was
/// compared, and the engine agrees with MPFR and the fast paths agree with the engine.
struct VerificationRunTests {
    /// float4_e2m1fn: 16 × 16 pairs (16 codes for sqrt) in MPFR's five directions.
    @Test(arguments: PairVerification.operations)
    func pairsOfFloat4(operation: ArithmeticOperation) throws {
        let outcome = try PairVerification(format: .float4_e2m1fn, operation: operation, threads: 2).run()
        #expect(outcome.checked == (operation == .squareRoot ? 16 : 256) * 5)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    @Test func pairsRefuseAWideFormat() {
        #expect(throws: PairVerificationError.formatTooWide("float16")) {
            try PairVerification(format: .float16, operation: .add, threads: 1)
        }
    }

    /// 1000 random inputs × 5 directions × 2 overflow policies.
    @Test(arguments: [FloatFormat.float8_e4m3fn, .float8_e5m2, .bfloat16])
    func randomConversions(target: FloatFormat) {
        let outcome = ConversionVerification(target: target, count: 1000, threads: 2).run()
        #expect(outcome.checked == 1000 * 5 * 2)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    /// The first chunk (2^20 float32 codes, zero and the positive subnormals) through every
    /// float32 → bfloat16 fast path.
    @Test func firstChunkOfTheExhaustiveBFloat16Run() {
        let verification = ExhaustiveNarrowingVerification(target: .bfloat16, threads: 2, chunkRange: 0..<1)
        #expect(!verification.paths.isEmpty)
        let outcome = verification.run()
        #expect(outcome.checked == 1 << 20)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
        #expect(outcome.hardwareMismatches == 0)
    }
}
