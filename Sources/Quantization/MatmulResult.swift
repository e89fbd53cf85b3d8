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
    /// How many entries of C are ±∞ (or NaN) although A and B are finite: the compute format
    /// overflowed. The command line warns when this is not 0.
    public let overflowCount: Int
    public let metrics: ErrorMetrics
}

extension MatmulResult {
    /// The warning the command line prints on standard error when C overflowed, e.g.
    /// `warning: 1 of 64 entries of C overflow float16 (largest finite 65504)`; nil otherwise.
    public var overflowWarning: String? {
        guard overflowCount > 0 else { return nil }
        let format = product.format
        let largest = format.exactDecimal(format.maxFiniteBits)
        return "warning: \(overflowCount) of \(product.count) entries of C overflow \(format.name) (largest finite \(largest))"
    }
}
