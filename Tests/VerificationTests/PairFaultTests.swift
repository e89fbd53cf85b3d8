import FastKernels
import SoftFloat
import Testing
@testable import Verification

/// The pair verifier can fail: wrong engine results injected through ``PairVerification/fault``
/// (a deliberately broken operation) are counted and named, in one process and through shards.
struct PairFaultTests {
    /// float16 1.0 × b for the 4096 codes b from 0x3c00 to 0x4bff (1 ≤ b < 16): the
    /// fault adds one ulp to the engine's result whenever b is 2 (0x4000) and the mode is `up`.
    @Test func aWrongBitIsReported() throws {
        var verification = try PairVerification(format: .float16, operation: .multiply, threads: 2,
                                                 directions: [.nearestEven, .up], pairs: 0x3c00_3c00..<0x3c00_4c00)
        let clean = verification.run()
        #expect(clean.mismatches == 0, "\(clean.examples)")
        verification.fault = { _, b, mode, result in
            b == 0x4000 && mode == .up ? Rounded(bits: result.bits + 1, flags: result.flags) : result
        }
        let broken = verification.run()
        #expect(broken.checked == clean.checked)
        #expect(broken.mismatches == 1)
        #expect(broken.examples == ["mul(0x3c00, 0x4000) RNDU: engine 0x4001 [none], MPFR 0x4000 [none]"])
        #expect(broken.checksum != clean.checksum)
    }

    /// Right bits with a missing flag are a mismatch too; a different NaN code with the same
    /// flags is not (NaN results agree when both are NaN with the same flags).
    @Test func flagsCountButNaNPayloadsDoNot() throws {
        // 0 ÷ b for b = 0x0000 … 0x003f: 0 ÷ 0 is NaN with invalid; 0 ÷ 2^-24 is 0, exact.
        var verification = try PairVerification(format: .float16, operation: .divide, threads: 1,
                                                 directions: [.nearestEven], pairs: 0..<64)
        verification.fault = { _, b, _, result in
            switch b {
            case 0: Rounded(bits: 0x7fff, flags: result.flags)      // another NaN, same flags: agrees
            case 1: Rounded(bits: result.bits, flags: .inexact)      // 0 ÷ 2^-24 = 0 is exact: disagrees
            default: result
            }
        }
        let outcome = verification.run()
        #expect(outcome.checked == 64)
        #expect(outcome.mismatches == 1)
        #expect(outcome.examples == ["div(0x0000, 0x0001) RNDN: engine 0x0000 [inexact], MPFR 0x0000 [none]"])
    }

    /// A shard that finds a mismatch writes it, and the merge reports it: the total is what one
    /// process finds with the same fault.
    @Test func aMismatchSurvivesShardingAndMerge() throws {
        let space = PairVerification.pairCount(format: .bfloat16, operation: .add)
        let pairs = 0x3f80_0000..<0x3f80_2000  // 1 + b, b from +0 up
        let fault: PairVerification.Fault = { _, b, mode, result in
            b == 0x0001 && mode == .towardZero ? Rounded(bits: 0x3f81, flags: result.flags) : result
        }
        var single = try PairVerification(format: .bfloat16, operation: .add, threads: 2, directions: [.towardZero], pairs: pairs)
        single.fault = fault
        let expected = single.run()
        #expect(expected.mismatches == 1)
        #expect(expected.examples == ["add(0x3f80, 0x0001) RNDZ: engine 0x3f81 [inexact], MPFR 0x3f80 [inexact]"])

        // The same slice as 4 shards of a 4-shard sweep over just these pairs.
        var files: [(path: String, text: String)] = []
        var total = VerificationOutcome<String>()
        for index in 1...4 {
            let shard = try ShardSelection(index: index, count: 4)
            let part = shard.slice(of: pairs.count)
            var verification = try PairVerification(format: .bfloat16, operation: .add, threads: 1, directions: [.towardZero],
                                                    pairs: pairs.lowerBound + part.lowerBound..<pairs.lowerBound + part.upperBound)
            verification.fault = fault
            let outcome = verification.run()
            total.merge(outcome)
            var summary = PairVerificationSummary(verification: verification, outcome: outcome, shard: shard)
            // Shard files describe slices of the whole space; here the space is the test's slice.
            summary.pairSpace = pairs.count
            summary.slice = part
            files.append((summary.fileName, summary.fileText))
        }
        #expect(total.mismatches == 1)
        #expect(total.checksum == expected.checksum)
        let merged = try PairVerificationSummary.merge(files)
        #expect(merged.mismatches == 1)
        #expect(merged.examples == expected.examples)
        #expect(merged.report.contains("1 mismatches"))
        #expect(space == 1 << 32)
    }
}
