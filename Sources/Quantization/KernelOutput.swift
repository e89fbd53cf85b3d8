import SoftFloat

/// What every quantization kernel produces, before metrics are attached.
struct KernelOutput: Sendable {
    /// Per element, row-major; meaning given by ``QuantizedElementKind``.
    var quantized: [Int64]
    /// Per group, in ``GroupLayout`` order, as codes of `scaleFormat`.
    var scales: [UInt64]
    var scaleFormat: FloatFormat
    /// Per group; 0 for symmetric schemes.
    var zeroPoints: [Int64]
    /// Per element, codes of the compute format.
    var dequantized: [UInt64]
    /// Elements whose rounded value fell outside the target's range (clamped or saturated).
    var clampedCount: Int
    var elementKind: QuantizedElementKind
    /// Metadata bits per group besides the scale (a stored zero point).
    var metadataBits: Int
    var doubleQuantization: DoubleQuantizationState?
    /// bitsandbytes' packed 4-bit codes (two per byte, first in the high nibble), when the
    /// kernel reproduces them.
    var packed: [UInt8]?
    /// NVFP4's float32 tensor scale (x ≈ q × scale × tensor scale), when there is one.
    var tensorScale: UInt64?
    /// Transformer Engine's FP8 current-scaling multiplier m (float32 bits; q = fp8(x · m)).
    var multiplier: UInt64?

    init(count: Int, groups: Int, scaleFormat: FloatFormat, elementKind: QuantizedElementKind) {
        quantized = [Int64](repeating: 0, count: count)
        scales = [UInt64](repeating: 0, count: groups)
        self.scaleFormat = scaleFormat
        zeroPoints = [Int64](repeating: 0, count: groups)
        dequantized = [UInt64](repeating: 0, count: count)
        clampedCount = 0
        self.elementKind = elementKind
        metadataBits = 0
        doubleQuantization = nil
        packed = nil
        tensorScale = nil
        multiplier = nil
    }
}
