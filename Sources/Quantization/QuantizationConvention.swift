/// Whose formulas a kernel follows. The lab's point: the same scheme gives different bits in
/// different tools, and `--convention` shows which step causes it.
///
/// For x = 0.273939937, scale = 0.00214854861 (float32), int8:
/// - `textbook`: q = round(x / S) = round(127.49999) = 127.
/// - `torch`: q = rint(x · float32(1/S)) = rint(127.5) = 128 (fbgemm multiplies by the reciprocal).
public enum QuantizationConvention: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The seeds' formulas: S = max|x|/qmax or (max − min)/(qmax − qmin), q = round(x/S [+ Z]),
    /// half-to-even; codebooks pick the exactly nearest code, ties to the lower value.
    case textbook
    /// torch.ao's MinMaxObserver with quantize_per_tensor / quantize_per_channel: the range is
    /// widened to include 0, scale ≥ float32 eps, q = clamp(rint(x · (1/scale)) + zp).
    case torch
    /// bitsandbytes: LLM.int8's row-wise int8, q = round(x · (127/absmax)); NF4/FP4 as
    /// bitsandbytes 0.50's CPU `quantize_4bit` (flattened blocks, bucketize on float32
    /// midpoints, float32 only; see ``BitsandbytesCodebookKernel``).
    case bitsandbytes
    /// torchao 0.18's `nvfp4_quantize` (``NVFP4Kernel``): block scale clamped to E4M3's
    /// smallest normal 2^-6, elements multiplied by fl32(fl32(1/tensor scale)/block scale).
    case torchao
    /// NVIDIA Transformer Engine: NVFP4 as its reference quantizer (``NVFP4Kernel``, subnormal
    /// and zero E4M3 block scales allowed), FP8 per-tensor current scaling
    /// (``FP8CurrentScalingKernel``).
    case transformerEngine = "transformer-engine"
    /// DeepSeek-V3's `inference/kernel.py` as released (``FP8BlockKernel``): s = amax/448,
    /// y = x/s cast to E4M3.
    case deepseek
    /// DeepGEMM's `deep_gemm/utils/math.py` (``FP8BlockKernel``): amax ≥ 1e-4, sf = amax/448
    /// (optionally rounded up to a power of two), y = x · fl32(1/sf).
    case deepgemm

    public var description: String { rawValue }
}
