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

    public var description: String { rawValue }
}
