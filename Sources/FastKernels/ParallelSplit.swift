import Dispatch

/// Splits `0..<count` into `threads` contiguous slices and runs `body` on each in parallel.
///
/// Slices are multiples of 64 elements so that workers never share a cache line of output.
public enum ParallelSplit {
    public static func run(count: Int, threads: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let workers = max(1, min(threads, count / 4096 + 1))
        guard workers > 1 else {
            body(0..<count)
            return
        }
        let slice = ((count + workers - 1) / workers + 63) / 64 * 64
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = min(count, worker * slice)
            let end = min(count, start + slice)
            if start < end { body(start..<end) }
        }
    }
}
