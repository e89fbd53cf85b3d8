import FastKernels

/// An outcome that workers fill separately and then merge: the shape of every verification
/// run (split the items over threads, count, keep a few examples, merge at the end).
public protocol MergeableOutcome: Sendable {
    init()
    /// Adds another worker's outcome to this one.
    mutating func merge(_ part: Self)
}

extension MergeableOutcome {
    /// The one parallel collection loop of the verifications: splits items `0..<count` over
    /// `threads` (``ParallelSplit``), hands each worker its items and a `finished` callback to
    /// call once per item (reported to `progress` as the fraction of all items done), and
    /// merges the workers' outcomes in slice order, so the kept examples are the first ones in
    /// item order whatever the thread count and whichever worker finishes first.
    ///
    ///     let outcome = VerificationOutcome<String>.collect(count: 256, threads: 2) { items, finished in
    ///         var local = VerificationOutcome<String>()
    ///         for item in items { local.checked += 1; finished() }
    ///         return local
    ///     }
    ///     outcome.checked   // 256
    static func collect(count: Int, threads: Int, progress: @Sendable (Double) -> Void = { _ in },
                        _ worker: @Sendable (_ items: Range<Int>, _ finished: () -> Void) -> Self) -> Self {
        let slices = ParallelSplit.slices(count: count, threads: threads)
        let parts = LockedValue([Int: Self]())
        let done = LockedValue(0)
        withoutActuallyEscaping(progress) { progress in
            ParallelSplit.run(slices: slices.count) { slice in
                let local = worker(slices[slice]) { progress(Double(done.update { $0 += 1; return $0 }) / Double(count)) }
                parts.update { $0[slice] = local }
            }
        }
        var total = Self()
        for slice in slices.indices { if let part = parts.value[slice] { total.merge(part) } }
        return total
    }
}
