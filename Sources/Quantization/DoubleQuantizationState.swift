import SoftFloat

/// bitsandbytes' double quantization of the codebook absmax values ("compress_statistics"):
/// subtract their mean, then quantize blockwise (blocks of 256) to the 8-bit dynamic map.
///
///     absmax      = [a₀, a₁, …]                    (one per codebook block, compute format)
///     offset      = mean(absmax)                   (sequential sum, then one division)
///     secondScale = max |a − offset| per 256 block
///     code        = dQuantize((a − offset) · (1/secondScale))   (nearest map entry)
///     a'          = map[code] · secondScale + offset   ← the absmax dequantization uses
///
/// Storage per codebook block drops from 32 bits to 8 (+ 32 per 256 blocks, + 32 once).
public struct DoubleQuantizationState: Sendable, Hashable {
    /// The 8-bit code of each first-level absmax.
    public let codes: [Int]
    /// Second-level absmax, one per 256 first-level scales, compute-format codes.
    public let secondScales: [UInt64]
    /// The mean that was subtracted, compute-format code.
    public let offset: UInt64
    /// 256.
    public let blockSize: Int
}
