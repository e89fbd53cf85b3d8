import FastKernels
import Foundation
import Quantization

/// A whole-model quantization report: every selected tensor of a checkpoint, read one at a
/// time from the mapped file, quantized and dequantized with every scheme, measured against
/// its own float32 values (for GGUF inputs, ggml's dequantization).
///
///     let model = try ModelFile(path: "model.safetensors")
///     let report = try ModelReport(model: model, schemes: [try ModelScheme(parsing: "absmax@row")])
///     report.tensors[0].measurements[0].metrics?.sqnr   // dB
///     report.summaries[0].bitsPerParameter              // 8.25 for 384 columns
///
/// Peak memory is one tensor's working set per thread, never the file: the tensor's floats,
/// and for each scheme running the quantizer's buffers.
public struct ModelReport: Sendable {
    public let file: String
    public let format: ModelFile.Format
    public let schemes: [ModelScheme]
    public let tensors: [TensorReport]
    public let summaries: [SchemeSummary]

    /// - Parameters:
    ///   - threads: how many schemes of one tensor run at once (the schemes are handed out one
    ///     at a time, slowest first by ``ModelScheme/costRank``, so a slow codec does not hold
    ///     up the others).
    ///   - progress: called after each tensor, on the calling thread.
    /// - Throws: ``MatrixInputError`` when a selected tensor cannot be read.
    public init(model: ModelFile, schemes: [ModelScheme], selection: TensorSelection = try! TensorSelection(pattern: nil),
                threads: Int = 1, progress: (ModelProgress) -> Void = { _ in }) throws(MatrixInputError) {
        let chosen = model.tensors.filter(selection.selects)
        let totalBytes = chosen.reduce(0) { $0 + $1.byteCount }
        var reports: [TensorReport] = []
        var bytes = 0
        for (index, tensor) in chosen.enumerated() {
            reports.append(try Self.analyse(tensor, in: model, schemes: schemes, threads: threads))
            bytes += tensor.byteCount
            progress(ModelProgress(done: index + 1, total: chosen.count, bytes: bytes, totalBytes: totalBytes, tensor: tensor.name))
        }
        self.init(file: model.path, format: model.format, schemes: schemes, tensors: reports)
    }

    /// Assembles a report from analysed tensors (the experiment runner analyses them as cells).
    public init(file: String, format: ModelFile.Format, schemes: [ModelScheme], tensors: [TensorReport]) {
        self.file = file
        self.format = format
        self.schemes = schemes
        self.tensors = tensors
        summaries = schemes.map { SchemeSummary(scheme: $0, tensors: tensors) }
    }

    /// Reads one tensor and measures every scheme on it, `threads` schemes at a time.
    public static func analyse(_ tensor: ModelTensor, in model: ModelFile, schemes: [ModelScheme], threads: Int = 1) throws(MatrixInputError) -> TensorReport {
        let values = try model.values(of: tensor)
        let statistics = TensorStatistics(values)
        let rows = tensor.rows
        let columns = tensor.columns
        let results = LockedValue([SchemeMeasurement?](repeating: nil, count: schemes.count))
        // Slowest first (longest-processing-time order); results keep the schemes' order.
        let order = schemes.indices.sorted { schemes[$0].costRank != schemes[$1].costRank ? schemes[$0].costRank > schemes[$1].costRank : $0 < $1 }
        let next = LockedValue(0)
        ParallelSplit.run(slices: max(1, min(threads, schemes.count))) { _ in
            while true {
                let index = next.update { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < order.count else { return }
                let scheme = order[index]
                let measurement = SchemeMeasurement.measure(values, rows: rows, columns: columns, tensor: tensor.name, scheme: schemes[scheme])
                results.update { $0[scheme] = measurement }
            }
        }
        return TensorReport(tensor: tensor, statistics: statistics, measurements: results.value.map { $0! })
    }
}
