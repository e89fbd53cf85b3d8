import Dispatch

/// The lab's one way to split work over threads: contiguous, ordered slices of `0..<count`,
/// each a multiple of `granule` long (except the last), so that "the first error" and
/// per-slice sums are the same whatever the thread count, and workers writing whole granules
/// never share a cache line of output (`granule: 64` for 1-byte codes).
///
///     ParallelSplit.slices(count: 10, threads: 3, granule: 4)   // [0..<4, 4..<8, 8..<10]
///     ParallelSplit.slices(count: 10, threads: 1, granule: 4)   // [0..<10]
///
/// The bulk conversions, the quantize kernels, `bench`'s memcpy baseline and `verify` all
/// split through here; per-worker results go into a ``LockedValue``.
public enum ParallelSplit {
    /// At most `threads` slices of `0..<count` in ascending order; a single slice when there
    /// is only one granule of work or one thread.
    public static func slices(count: Int, threads: Int, granule: Int = 1) -> [Range<Int>] {
        let granule = max(1, granule)
        let units = (count + granule - 1) / granule
        let workers = max(1, min(threads, units))
        guard workers > 1 else { return [0..<count] }
        let unitsPerWorker = (units + workers - 1) / workers
        return stride(from: 0, to: count, by: unitsPerWorker * granule).map { start in
            start..<min(count, start + unitsPerWorker * granule)
        }
    }

    /// Runs `body(slice)` for every slice index `0..<slices`, in parallel when there are several.
    public static func run(slices: Int, _ body: @Sendable (Int) -> Void) {
        if slices == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: slices, execute: body)
        }
    }

    /// Splits `0..<count` with ``slices(count:threads:granule:)`` and runs `body` on each
    /// slice's range, in parallel.
    public static func run(count: Int, threads: Int, granule: Int = 1, _ body: @Sendable (Range<Int>) -> Void) {
        let ranges = slices(count: count, threads: threads, granule: granule)
        run(slices: ranges.count) { body(ranges[$0]) }
    }
}
