/// Which implementation ``quantize(_:_:path:)`` runs. Both give the same bits; the choice only
/// changes the speed, and lets tests and the benchmark's self-check compare the two.
///
///     let fast = try quantize(x, configuration)                       // float32 fast path if eligible
///     let slow = try quantize(x, configuration, path: .softFloat)     // every step on the engine
///     fast.quantized == slow.quantized                                 // true, bit for bit
public enum KernelPath: Sendable, Hashable, CaseIterable {
    /// ``Float32QuantizeKernel`` when it applies to the configuration (compute float32 and a
    /// scheme and granularity it covers), otherwise the soft-float kernels.
    case automatic
    /// Always the soft-float kernels: every arithmetic step is one SoftFloat engine operation.
    case softFloat
}
