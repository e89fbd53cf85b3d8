import Quantization

/// A tensor quantized and dequantized with a ``ModelScheme``: the float32 values a model runs
/// with after weight-only quantization, the storage it takes and how many values were clamped.
///
///     let trip = try SchemeRoundTrip(values, rows: 384, columns: 1536, scheme: .gguf(.q4_K))
///     trip.applied           // gguf-q4_K (1536 is a multiple of 256)
///     trip.bitsPerParameter  // 4.5
///
/// Lab schemes whose groups stay inside a row (row, group:N, MX) run on blocks of whole rows
/// of about `chunkElements` elements: every group sees the same elements, so the result is the
/// same as one call on the whole tensor, and the quantizer's buffers stay small.
public struct SchemeRoundTrip: Sendable {
    /// The scheme that ran: the one asked for, or llama.cpp's fallback type.
    public let applied: ModelScheme
    public let decoded: [Float]
    public let bitsPerParameter: Double
    public let clampedCount: Int

    /// - Throws: ``ModelSchemeError`` when no variant of the scheme fits the rows, or the
    ///   quantizer refuses the values.
    public init(_ values: [Float], rows: Int, columns: Int, scheme: ModelScheme, chunkElements: Int = 1 << 20) throws(ModelSchemeError) {
        guard let applied = scheme.applicable(columns: columns) else {
            throw ModelSchemeError(text: "\(scheme)", reason: "rows of \(columns) are not a multiple of the block")
        }
        self.applied = applied
        switch applied {
        case .gguf(let type):
            do {
                let blocks = try GGUFCodec.quantize(values, rows: rows, columns: columns, type: type)
                decoded = try GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
            } catch {
                throw ModelSchemeError(text: "\(scheme)", reason: "\(error)")
            }
            bitsPerParameter = type.bitsPerParameter
            clampedCount = 0
        case .lab(let configuration):
            let rowsPerChunk: Int
            switch configuration.resolvedGranularity {
            case .tensor, .column, .block: rowsPerChunk = rows
            // NVFP4's tensor scale comes from the whole tensor's amax: no chunks.
            case .group where configuration.scheme == .nvfp4: rowsPerChunk = rows
            case .row, .group: rowsPerChunk = max(1, min(rows, chunkElements / max(1, columns)))
            }
            var decoded = [Float](repeating: 0, count: values.count)
            var storageBits = 0
            var clamped = 0
            do {
                try values.withUnsafeBufferPointer { (source) throws(QuantizationError) in
                    try decoded.withUnsafeMutableBufferPointer { (target) throws(QuantizationError) in
                        for first in stride(from: 0, to: rows, by: rowsPerChunk) {
                            let range = first * columns..<(first + min(rowsPerChunk, rows - first)) * columns
                            let trip = try Float32QuantizeKernel.roundTrip(
                                UnsafeBufferPointer(rebasing: source[range]), rows: range.count / columns, columns: columns,
                                configuration: configuration, into: UnsafeMutableBufferPointer(rebasing: target[range]))
                            storageBits += trip.storageBits
                            clamped += trip.clampedCount
                        }
                    }
                }
            } catch {
                throw ModelSchemeError(text: "\(scheme)", reason: "\(error)")
            }
            self.decoded = decoded
            bitsPerParameter = Double(storageBits) / Double(values.count)
            clampedCount = clamped
        }
    }
}
