import SoftFloat

/// Transformer Engine's `DelayedScaling` recipe for one FP8 tensor slot: the scale a step
/// uses comes from the amaxes of earlier steps, kept in a history of `historyLength` entries.
/// Stateful, so the lab models it here and in the `fp8-training-recipes` experiment, not as a
/// `quantize` flag.
///
/// Read from TE's `transformer_engine/pytorch/quantization.py` (`_update_amax_history`,
/// `_default_get_amax_and_update_history`, `_default_sf_compute`) and the CUDA kernel
/// `common/recipe/delayed_scaling.cu`:
///
/// 1. Step t quantizes its tensor with the current scale s (float32, initially 1):
///    q = fp8(fl32(x · s)), nearest-even, saturating at ±max (TE casts with `__NV_SATFINITE`);
///    x̂ = fl32(q · fl32(1/s)) (`scale_inv`). Its amax = max|x| goes into history[0].
/// 2. After the step: amax = max(history) for `"max"`, history[0] for `"most_recent"`; the
///    history rolls by one (`torch.roll(h, -1)`: h[i] ← h[i+1], the last entry ← h[0]) and
///    history[0] is zeroed for the next step — so "max" covers the last N steps' amaxes.
/// 3. s = fl32(fl32(max / amax) / 2^margin) ("(fp8_max / amax) / (2 ** margin)"); amax 0,
///    ±∞ or NaN keeps the previous s; an s that overflows to +∞ becomes FLT_MAX.
///
/// (TE before 1.0 rounded s down to a power of two, `2^(⌊log2(max/amax)⌋ − margin)`; the
/// current code keeps the plain quotient, which this models.)
///
///     // e4m3, N = 2, "max", margin 0; step 0: s = 1, x = [3, -500] → q = [3, -448]
///     //   (one saturation), amax 500 → s = fl32(448/500) = 0.896
///     // step 1: x = [1] → q = e4m3(0.896) = 0.875; history {1, 500} → s stays 0.896
///     // step 2: x = [1] → q = 0.875 again; history {1, 1} (500 has left the window)
///     //   → s = 448 from step 3 on
public struct FP8DelayedScaling: Sendable {
    /// How the scale's amax is taken from the history.
    public enum AmaxAlgorithm: String, Sendable, Hashable, CaseIterable {
        case max
        case mostRecent = "most_recent"
    }

    public let element: FloatFormat
    public let historyLength: Int
    public let algorithm: AmaxAlgorithm
    public let margin: Int
    /// float32 amaxes, history[0] the slot of the step about to run.
    public private(set) var history: [UInt64]
    /// The float32 scale (multiplier) the next step uses.
    public private(set) var scale: UInt64

    private let f32 = ComputeFormat(.float32)

    /// - Precondition: `historyLength` ≥ 1; `element` is an FP8 format.
    public init(element: FloatFormat, historyLength: Int, algorithm: AmaxAlgorithm, margin: Int = 0) {
        precondition(historyLength >= 1, "the amax history needs at least one entry")
        self.element = element
        self.historyLength = historyLength
        self.algorithm = algorithm
        self.margin = margin
        history = Array(repeating: 0, count: historyLength)
        scale = 0x3f80_0000
    }

    /// Quantizes one float32 tensor with the current scale, records its amax and updates the
    /// scale for the next step.
    public mutating func step(_ input: Matrix) -> FP8ScalingStep {
        precondition(input.format == .float32, "delayed scaling runs on float32 tensors")
        let used = scale
        let scaleInverse = f32.divide(0x3f80_0000, used)
        var step = FP8ScalingStep(count: input.count, scale: used)
        FP8CurrentScalingKernel.cast(input.codes, multiplier: used, scale: scaleInverse, element: element,
                                     quantized: &step.quantized, dequantized: &step.dequantized, saturated: &step.saturated)
        var amax = f32.zero
        for code in input.codes { amax = f32.maximum(amax, f32.magnitude(code)) }
        step.amax = amax
        history[0] = amax
        update()
        return step
    }

    /// TE's post-step update: amax from the history, roll, zero the new slot, new scale.
    mutating func update() {
        var amax = f32.zero
        switch algorithm {
        case .max: for entry in history { amax = f32.maximum(amax, entry) }
        case .mostRecent: amax = history[0]
        }
        if historyLength > 1 { history = Array(history.dropFirst()) + [history[0]] }
        history[0] = 0
        guard f32.isFinite(amax), !f32.isZero(amax) else { return }
        let maximum = f32.converting(element.maxFiniteBits, from: element)
        var next = f32.divide(f32.divide(maximum, amax), Self.powerOfTwo(margin))
        if next == 0x7f80_0000 { next = 0x7f7f_ffff }
        scale = next
    }

    /// 2^margin as float32 bits (|margin| ≤ 126).
    static func powerOfTwo(_ margin: Int) -> UInt64 {
        UInt64(127 + max(-126, min(127, margin))) << 23
    }
}
