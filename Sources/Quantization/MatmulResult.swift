import SoftFloat

/// The outcome of an integer matmul, with its float64 reference.
public struct MatmulResult: Sendable {
    public let configuration: MatmulConfiguration
    /// A and B cast to the compute format.
    public let a: Matrix
    public let b: Matrix
    /// C in the compute format: the dequantized int8 part plus the outlier part.
    public let product: Matrix
    /// Σ a·b over the cast inputs, in float64 (element order), row-major.
    public let reference: [Double]
    /// The columns of A (= rows of B) that took the float16 path, ascending, 0-based.
    public let outlierColumns: [Int]
    /// Quantized A (rows × K) and B (K × N); outlier columns/rows hold 0.
    public let quantizedA: [Int64]
    public let quantizedB: [Int64]
    /// Per row of A and per column of B (one each for tensorwise), compute-format codes:
    /// textbook S = absmax / qmax; bitsandbytes the absmax (its row_stats / SCB).
    public let scalesA: [UInt64]
    public let scalesB: [UInt64]
    /// The exact int32 accumulators, row-major.
    public let accumulators: [Int64]
    public let metrics: ErrorMetrics
}
