/// The buffers one quantize or dequantize call works on, handed to worker threads. The caller
/// keeps them alive and gives each worker disjoint elements and groups.
struct Float32KernelBuffers: @unchecked Sendable {
    let input: UnsafePointer<UInt32>
    let elements: UnsafeMutableRawPointer
    let scales: UnsafeMutablePointer<UInt32>
    let zeroPoints: UnsafeMutablePointer<Int32>
}
