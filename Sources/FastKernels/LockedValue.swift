import Dispatch

/// The lab's one thread-safe collector: a value that parallel workers read and change under a
/// lock. Workers keep their own running totals and touch the shared value rarely (once per
/// chunk for progress, once at the end for their result), so the lock costs nothing measurable.
///
///     let done = LockedValue(0)
///     ParallelSplit.run(slices: 4) { _ in done.update { $0 += 1 } }
///     done.value   // 4
///
///     let sums = LockedValue([Int](repeating: 0, count: slices.count))   // one slot per worker
///     sums.update { $0[worker] = partial }
public final class LockedValue<Value>: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var stored: Value

    public init(_ value: Value) {
        stored = value
    }

    /// Runs `body` on the value while holding the lock; returns what `body` returns.
    @discardableResult
    public func update<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.wait()
        defer { lock.signal() }
        return try body(&stored)
    }

    /// A copy of the value, read under the lock.
    public var value: Value {
        update { $0 }
    }
}
