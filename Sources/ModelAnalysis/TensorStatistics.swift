/// The distribution of one tensor's values, in float64 with sums in element order.
///
///     let s = TensorStatistics([1, -1, 1, -1] as [Float])
///     s.absmax        // 1
///     s.rms           // 1
///     s.kurtosis      // 1 (m4 / m2² of ±1; a normal distribution has 3)
///     s.outlierShare  // 0
///
/// `outlierShare` is the share of values farther than 6σ from the mean: LLM.int8's outlier
/// notion (its threshold 6 is for activations of unit scale); a normal distribution has
/// 2·10⁻⁹ of them, so any visible share means heavy tails, which per-tensor int8 pays for.
public struct TensorStatistics: Sendable, Hashable {
    public let count: Int
    public let absmax: Double
    public let mean: Double
    /// √(Σx² / n).
    public let rms: Double
    /// The population standard deviation √(Σ(x − mean)² / n).
    public let standardDeviation: Double
    /// Pearson's kurtosis m4 / m2² (central moments; 3 for a normal distribution).
    public let kurtosis: Double
    /// Values with |x − mean| > 6σ, over n.
    public let outlierShare: Double
    /// Σx², the signal energy of the SQNR.
    public let energy: Double

    public init(_ values: [Float]) {
        var sum = 0.0
        var squares = 0.0
        var absmax = 0.0
        for value in values {
            let x = Double(value)
            sum += x
            squares += x * x
            absmax = max(absmax, abs(x))
        }
        let n = Double(max(values.count, 1))
        let mean = sum / n
        var m2 = 0.0
        var m4 = 0.0
        for value in values {
            let d = Double(value) - mean
            let d2 = d * d
            m2 += d2
            m4 += d2 * d2
        }
        m2 /= n
        m4 /= n
        let sigma = m2.squareRoot()
        var outliers = 0
        for value in values where abs(Double(value) - mean) > 6 * sigma && sigma > 0 { outliers += 1 }
        count = values.count
        self.absmax = absmax
        self.mean = mean
        rms = (squares / n).squareRoot()
        standardDeviation = sigma
        kurtosis = m2 == 0 ? 0 : m4 / (m2 * m2)
        outlierShare = Double(outliers) / n
        energy = squares
    }
}
