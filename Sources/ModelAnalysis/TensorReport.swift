import Quantization

/// One analysed tensor: its description, statistics and one measurement per scheme.
public struct TensorReport: Sendable, Hashable {
    public let tensor: ModelTensor
    public let statistics: TensorStatistics
    public let measurements: [SchemeMeasurement]

    public init(tensor: ModelTensor, statistics: TensorStatistics, measurements: [SchemeMeasurement]) {
        self.tensor = tensor
        self.statistics = statistics
        self.measurements = measurements
    }
}
