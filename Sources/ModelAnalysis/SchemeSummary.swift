import Quantization

/// One scheme over the whole model, weighted by parameters.
///
/// For tensors A (100 parameters, 4.5 bits, 20 dB) and B (300, 4.5 bits, 30 dB):
/// total bits 1800, bits per parameter 4.5, mean SQNR (100·20 + 300·30) / 400 = 27.5 dB.
public struct SchemeSummary: Sendable, Hashable {
    /// One tensor's contribution.
    public struct Entry: Sendable, Hashable {
        public var tensor: String
        public var parameters: Int
        public var bitsPerParameter: Double
        public var sqnr: Double
        /// Σ(x − x̂)² and Σx² of the tensor.
        public var noiseEnergy: Double
        public var signalEnergy: Double

        public init(tensor: String, parameters: Int, bitsPerParameter: Double, sqnr: Double, noiseEnergy: Double, signalEnergy: Double) {
            self.tensor = tensor
            self.parameters = parameters
            self.bitsPerParameter = bitsPerParameter
            self.sqnr = sqnr
            self.noiseEnergy = noiseEnergy
            self.signalEnergy = signalEnergy
        }
    }

    public let scheme: String
    /// Tensors it was applied to.
    public let tensors: Int
    /// Parameters of the tensors it was applied to.
    public let parameters: Int
    /// Σ bits per parameter × parameters.
    public let totalBits: Double
    public var bitsPerParameter: Double { parameters == 0 ? .nan : totalBits / Double(parameters) }
    /// Σ SQNR_t × parameters_t / Σ parameters_t, in dB.
    public let meanSQNR: Double
    /// 20·log10(√Σ‖x‖² / √Σ‖x − x̂‖²) over every tensor: the model's SQNR as one signal.
    public let modelSQNR: Double
    /// The tensor with the lowest SQNR (the first in order on a tie) and that SQNR.
    public let worstTensor: String
    public let worstSQNR: Double

    /// Sums the entries in order.
    public init(scheme: String, entries: [Entry]) {
        var parameters = 0
        var totalBits = 0.0
        var weighted = 0.0
        var signal = 0.0
        var noise = 0.0
        var worst = ("", Double.infinity)
        for entry in entries {
            parameters += entry.parameters
            totalBits += entry.bitsPerParameter * Double(entry.parameters)
            weighted += entry.sqnr * Double(entry.parameters)
            signal += entry.signalEnergy
            noise += entry.noiseEnergy
            if worst.0.isEmpty || entry.sqnr < worst.1 { worst = (entry.tensor, entry.sqnr) }
        }
        self.scheme = scheme
        tensors = entries.count
        self.parameters = parameters
        self.totalBits = totalBits
        meanSQNR = parameters == 0 ? .nan : weighted / Double(parameters)
        modelSQNR = ErrorMetrics.sqnr(signalEnergy: signal, noiseEnergy: noise)
        worstTensor = worst.0
        worstSQNR = entries.isEmpty ? .nan : worst.1
    }

    /// The summary of `scheme` over analysed tensors (those it could be applied to).
    public init(scheme: ModelScheme, tensors: [TensorReport]) {
        let entries = tensors.compactMap { report -> Entry? in
            guard let metrics = report.measurements.first(where: { $0.scheme == scheme })?.metrics else { return nil }
            return Entry(tensor: report.tensor.name, parameters: report.tensor.count, bitsPerParameter: metrics.bitsPerParameter,
                         sqnr: metrics.sqnr, noiseEnergy: metrics.meanSquaredError * Double(report.tensor.count), signalEnergy: report.statistics.energy)
        }
        self.init(scheme: scheme.description, entries: entries)
    }
}
