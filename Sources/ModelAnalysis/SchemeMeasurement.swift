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
    /// Lab schemes whose groups stay inside a row (row, group:N, MX) run on blocks of whole rows
    /// of about `chunkElements` elements: every group sees the same elements, so the result is
    /// the same as one call on the whole tensor, and the quantizer's buffers stay small.
    public static func measure(_ values: [Float], rows: Int, columns: Int, tensor: String, scheme: ModelScheme,
                               chunkElements: Int = 1 << 20) -> SchemeMeasurement {
        guard let applied = scheme.applicable(columns: columns) else {
            return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: nil, metrics: nil,
                                     note: "not applied: rows of \(columns) are not a multiple of the block")
        }
        let note = applied == scheme ? "" : "\(applied) instead: rows of \(columns) are not a multiple of 256 (llama.cpp's fallback)"
        switch applied {
        case .gguf(let type):
            do {
                let blocks = try GGUFCodec.quantize(values, rows: rows, columns: columns, type: type)
                let decoded = try GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
                let metrics = ErrorMetrics(float32: values, approximation: decoded, bitsPerParameter: type.bitsPerParameter)
                return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: applied, metrics: metrics, note: note)
            } catch {
                return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: nil, metrics: nil, note: "not applied: \(error)")
            }
        case .lab(let configuration):
            do {
                let rowsPerChunk: Int
                switch configuration.resolvedGranularity {
                case .tensor, .column, .block: rowsPerChunk = rows
                // NVFP4's tensor scale comes from the whole tensor's amax: no chunks.
                case .group where configuration.scheme == .nvfp4: rowsPerChunk = rows
                case .row, .group: rowsPerChunk = max(1, min(rows, chunkElements / max(1, columns)))
                }
                var decoded = [Float]()
                decoded.reserveCapacity(values.count)
                var storageBits = 0
                var clamped = 0
                for first in stride(from: 0, to: rows, by: rowsPerChunk) {
                    let count = min(rowsPerChunk, rows - first)
                    let codes = values[first * columns..<(first + count) * columns].map { UInt64($0.bitPattern) }
                    let result = try quantize(try Matrix(rows: count, columns: columns, format: .float32, codes: codes), configuration)
                    decoded += result.dequantized.codes.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }
                    // bits per parameter is an integer bit count over the element count.
                    storageBits += Int((result.metrics.bitsPerParameter * Double(count * columns)).rounded())
                    clamped += result.metrics.clampedCount
                }
                let metrics = ErrorMetrics(float32: values, approximation: decoded, clampedCount: clamped,
                                           bitsPerParameter: Double(storageBits) / Double(values.count))
                return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: applied, metrics: metrics, note: note)
            } catch {
                return SchemeMeasurement(tensor: tensor, scheme: scheme, applied: nil, metrics: nil, note: "not applied: \(error)")
            }
        }
    }
}
