import Dispatch

/// Thread-safe accumulation of per-worker outcomes.
final class OutcomeCollector: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var total = ExhaustiveNarrowingCheck.Outcome()

    func add(_ part: ExhaustiveNarrowingCheck.Outcome) {
        lock.wait()
        total.checked += part.checked
        total.mismatches += part.mismatches
        total.hardwareMismatches += part.hardwareMismatches
        total.examples += part.examples.prefix(max(0, 5 - total.examples.count))
        lock.signal()
    }

    var outcome: ExhaustiveNarrowingCheck.Outcome {
        lock.wait()
        defer { lock.signal() }
        return total
    }
}
