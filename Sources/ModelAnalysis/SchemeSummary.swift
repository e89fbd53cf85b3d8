import Quantization

/// One scheme over the whole model, weighted by parameters.
///
/// For tensors A (100 parameters, 4.5 bits, 20 dB) and B (300, 4.5 bits, 30 dB):
/// total bits 1800, bits per parameter 4.5, mean SQNR (100·20 + 300·30) / 400 = 27.5 dB.
public struct SchemeSummary: Sendable, Hashable {
    public let scheme: ModelScheme
    /// Parameters of the tensors it was applied to.
    public let parameters: Int
    /// Σ bits per parameter × parameters.
    public let totalBits: Double
    public var bitsPerParameter: Double { parameters == 0 ? .nan : totalBits / Double(parameters) }
    /// Σ SQNR_t × parameters_t / Σ parameters_t, in dB.
    public let meanSQNR: Double
    /// 10·log10(Σ‖x‖² / Σ‖x − x̂‖²) over every tensor: the model's SQNR as one signal.
    public let modelSQNR: Double
    /// The tensor with the lowest SQNR and that SQNR.
    public let worstTensor: String
    public let worstSQNR: Double
    /// Tensors it could not be applied to.
    public let skipped: Int

    public init(scheme: ModelScheme, tensors: [TensorReport]) {
        var parameters = 0
        var totalBits = 0.0
        var weighted = 0.0
        var signal = 0.0
        var noise = 0.0
        var worst = ("", Double.infinity)
        var skipped = 0
        for report in tensors {
            guard let measurement = report.measurements.first(where: { $0.scheme == scheme }), let metrics = measurement.metrics else {
                skipped += 1
                continue
            }
            let count = report.tensor.count
            parameters += count
            totalBits += metrics.bitsPerParameter * Double(count)
            weighted += metrics.sqnr * Double(count)
            signal += report.statistics.energy
            noise += metrics.meanSquaredError * Double(count)
            if metrics.sqnr < worst.1 || worst.0.isEmpty { worst = (report.tensor.name, metrics.sqnr) }
        }
        self.scheme = scheme
        self.parameters = parameters
        self.totalBits = totalBits
        meanSQNR = parameters == 0 ? .nan : weighted / Double(parameters)
        modelSQNR = ErrorMetrics.sqnr(signalEnergy: signal, noiseEnergy: noise)
        worstTensor = worst.0
        worstSQNR = worst.1
        self.skipped = skipped
    }
}
