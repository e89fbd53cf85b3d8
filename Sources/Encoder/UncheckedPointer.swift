/// A pointer handed to ``ParallelSplit`` workers that write disjoint parts of one buffer (or
/// only read it): the caller keeps the buffer alive and the slices apart.
struct UncheckedPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>

    init(_ pointer: UnsafeMutablePointer<Float>) {
        self.pointer = pointer
    }
}
