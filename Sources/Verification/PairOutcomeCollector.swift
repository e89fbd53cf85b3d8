import Dispatch

/// Thread-safe accumulation of per-worker ``PairVerification/Outcome`` values.
final class PairOutcomeCollector: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var total = PairVerification.Outcome()

    func add(_ part: PairVerification.Outcome) {
        lock.wait()
        total.checked += part.checked
        total.mismatches += part.mismatches
        total.examples += part.examples.prefix(max(0, 5 - total.examples.count))
        lock.signal()
    }

    var outcome: PairVerification.Outcome {
        lock.wait()
        defer { lock.signal() }
        return total
    }
}
