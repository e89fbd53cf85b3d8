/// One step of a per-tensor FP8 scaling recipe (``FP8DelayedScaling``): the scale it used,
/// the tensor's amax, the codes and what they decode to.
public struct FP8ScalingStep: Sendable {
    /// The float32 multiplier s: q = fp8(fl32(x · s)).
    public var scale: UInt64
    /// The tensor's largest magnitude (float32 bits), recorded for later steps.
    public var amax: UInt64 = 0
    /// FP8 codes, row-major.
    public var quantized: [Int64]
    /// x̂ = fl32(q · fl32(1/s)) as float32 bits.
    public var dequantized: [UInt64]
    /// Elements that saturated at ±max.
    public var saturated: Int = 0

    init(count: Int, scale: UInt64) {
        self.scale = scale
        quantized = Array(repeating: 0, count: count)
        dequantized = Array(repeating: 0, count: count)
    }
}
