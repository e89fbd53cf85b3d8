import Quantization

/// One (tensor, scheme) cell of a model report: the scheme actually applied and its error
/// against the tensor's own float32 values, or why it could not be applied.
public struct SchemeMeasurement: Sendable, Hashable {
    public let tensor: String
    /// The scheme asked for.
    public let scheme: ModelScheme
    /// The scheme that ran: the same, or llama.cpp's fallback type for rows a K-quant super-block
    /// does not divide; nil when nothing ran.
    public let applied: ModelScheme?
    /// nil when the scheme could not be applied (`note` says why).
    public let metrics: ErrorMetrics?
    /// Empty, or what happened instead (`gguf-q5_0: rows of 384 are not a multiple of 256`).
    public let note: String

    public init(tensor: String, scheme: ModelScheme, applied: ModelScheme?, metrics: ErrorMetrics?, note: String) {
        self.tensor = tensor
        self.scheme = scheme
        self.applied = applied
        self.metrics = metrics
        self.note = note
    }

    /// Quantizes and dequantizes `values` (rows × columns, row-major) with `scheme` and measures
    /// the round trip with ``ErrorMetrics``.
    ///
    /// The round trip is ``SchemeRoundTrip`` (blocks of whole rows for row- and group-wise schemes).
    public static func measure(_ values: [Float], rows: Int, columns: Int, tensor: String, scheme: ModelScheme,
                               chunkElements: Int = 1 << 20) -> SchemeMeasurement {
        guard let applied = scheme.applicable(columns: columns) else {
            return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: nil, metrics: nil,
                                     note: "not applied: rows of \(columns) are not a multiple of the block")
        }
        let note = applied == scheme ? "" : "\(applied) instead: rows of \(columns) are not a multiple of 256 (llama.cpp's fallback)"
        do {
            let trip = try SchemeRoundTrip(values, rows: rows, columns: columns, scheme: scheme, chunkElements: chunkElements)
            let metrics = ErrorMetrics(float32: values, approximation: trip.decoded, clampedCount: trip.clampedCount,
                                       bitsPerParameter: trip.bitsPerParameter)
            return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: applied, metrics: metrics, note: note)
        } catch {
            return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: nil, metrics: nil, note: "not applied: \(error.reason)")
        }
    }
}
