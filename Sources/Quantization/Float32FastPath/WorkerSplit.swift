import Dispatch

/// Splits work over threads in contiguous, ordered slices, so that "the first error" and
/// per-slice sums are the same whatever the thread count.
///
///     WorkerSplit.slices(count: 10, threads: 3, granule: 4)   // [0..<4, 4..<8, 8..<10]
enum WorkerSplit {
    /// At most `threads` slices of `0..<count`, each a multiple of `granule` long (except the
    /// last), in ascending order. A single slice when there is little work.
    static func slices(count: Int, threads: Int, granule: Int) -> [Range<Int>] {
        let granule = max(1, granule)
        let units = (count + granule - 1) / granule
        let workers = max(1, min(threads, units))
        guard workers > 1 else { return [0..<count] }
        let unitsPerWorker = (units + workers - 1) / workers
        return stride(from: 0, to: count, by: unitsPerWorker * granule).map { start in
            start..<min(count, start + unitsPerWorker * granule)
        }
    }

    /// Runs `body(slice)` for every slice index, in parallel when there are several.
    static func run(slices: Int, _ body: @Sendable (Int) -> Void) {
        if slices == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: slices, execute: body)
        }
    }
}

/// One result slot per worker, written concurrently at distinct indices (an array would be a
/// single shared value, which concurrent writers may not touch). Freed in `deinit`.
final class WorkerSlots<Value>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Value>

    init(count: Int, initial: Value) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: initial)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    subscript(index: Int) -> Value {
        get { slots[index] }
        set { slots[index] = newValue }
    }

    var values: [Value] { Array(slots) }
}

/// The buffers one quantize or dequantize call works on, handed to worker threads. The caller
/// keeps them alive and gives each worker disjoint elements and groups.
struct Float32KernelBuffers: @unchecked Sendable {
    let input: UnsafePointer<UInt32>
    let elements: UnsafeMutableRawPointer
    let scales: UnsafeMutablePointer<UInt32>
    let zeroPoints: UnsafeMutablePointer<Int32>
}
