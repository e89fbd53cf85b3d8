import FastKernels
import Testing
@testable import Verification

/// The one outcome type and the one collection loop of the verifications.
struct VerificationOutcomeTests {
    /// Counts add up; examples keep the first five, the merged-in worker's only while there is room.
    @Test func mergeSumsCountsAndKeepsFiveExamples() {
        var first = VerificationOutcome<Int>()
        first.checked = 10
        for example in 1...3 { first.recordMismatch(example) }
        var second = VerificationOutcome<Int>()
        second.checked = 7
        for example in 11...14 { second.recordMismatch(example) }
        second.recordHardwareMismatch(15)
        #expect(second.examples == [11, 12, 13, 14, 15])
        first.merge(second)
        #expect(first.checked == 17)
        #expect(first.mismatches == 7)
        #expect(first.hardwareMismatches == 1)
        #expect(first.examples == [1, 2, 3, 11, 12])
    }

    /// Every item reaches exactly one worker, whatever the thread count, and progress ends at 1.
    @Test(arguments: [1, 2, 3, 8])
    func collectVisitsEveryItemOnce(threads: Int) {
        let reported = LockedValue<[Double]>([])
        let outcome = VerificationOutcome<Int>.collect(count: 1000, threads: threads, progress: { fraction in reported.update { $0.append(fraction) } }) { items, finished in
            var local = VerificationOutcome<Int>()
            for item in items {
                local.checked += UInt64(item)
                if item % 100 == 0 { local.recordMismatch(item) }
                finished()
            }
            return local
        }
        #expect(outcome.checked == 999 * 1000 / 2)
        #expect(outcome.mismatches == 10)
        #expect(reported.value.count == 1000)
        #expect(reported.value.max() == 1.0)
    }
}

