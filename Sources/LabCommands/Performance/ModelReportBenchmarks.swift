import Foundation
import ModelAnalysis
import PortableMath
import Quantization
import SoftFloat

/// Benchmarks of whole-model reports (`precision-lab model`): a generated float32 safetensors
/// checkpoint of N(0,1) values, 4096 columns, tensors of at most 1024 rows (so every default
/// scheme applies), reported with ``ModelReport`` as the `model` command does — file mapped,
/// tensor by tensor, `threads` schemes at once. Times are ns per parameter:
///
/// - `model report default` — the whole default scheme set (``ModelScheme/defaultNames``);
/// - `model report SCHEME` — one scheme alone, one per default scheme, so the table shows
///   where the time goes; ``slowestScheme(in:)`` names the slowest.
///
/// `parameters` is rounded up to whole rows of 4096 (1 << 20 = 256 rows, one tensor).
/// Before it is timed, the report's float32 SQNR for int8 absmax by row is checked to be
/// above 35 dB (about 42 dB for N(0,1) rows), so a reader that returns garbage never reports
/// a time.
public enum ModelReportBenchmarks {
    public static let columns = 4096
    public static let rowsPerTensor = 1024
    static let prefix = "model report "

    public static func benchmarks(parameters: Int, threads: Int, repetitions: Int) -> [BenchmarkSuite.Benchmark] {
        let rows = max(1, (parameters + columns - 1) / columns)
        let elements = rows * columns
        let checkpoint = Checkpoint(rows: rows)
        var list: [BenchmarkSuite.Benchmark] = []
        let sets = [("default", ModelScheme.defaultNames)] + ModelScheme.defaultNames.map { ($0, [$0]) }
        for (label, names) in sets {
            list.append(BenchmarkSuite.Benchmark(name: prefix + label, elements: elements, bytesPerElement: 4) {
                let schemes = try names.map { name throws(ModelSchemeError) in try ModelScheme(parsing: name) }
                let model = try ModelFile(path: try checkpoint.path())
                try check(try ModelReport(model: model, schemes: [try ModelScheme(parsing: "absmax@row")]))
                return Stopwatch.measure(repetitions: repetitions) {
                    _ = try? ModelReport(model: model, schemes: schemes, threads: threads)
                }
            })
        }
        return list
    }

    /// The per-scheme result with the largest median time, as a line for the table's end:
    /// `slowest codec: gguf-iq4_xs (95.1 ns/parameter of 310.2 for the default set)`; nil
    /// when no per-scheme result is present.
    public static func slowestScheme(in results: [BenchmarkResult]) -> String? {
        let perScheme = results.filter { $0.name.hasPrefix(prefix) && $0.name != prefix + "default" }
        guard let slowest = perScheme.max(by: { $0.nanosecondsPerElement < $1.nanosecondsPerElement }) else { return nil }
        let scheme = String(slowest.name.dropFirst(prefix.count))
        let whole = results.first { $0.name == prefix + "default" }
            .map { " of \(BenchmarkReport.fixed($0.nanosecondsPerElement, 1)) for the default set" } ?? ""
        return "slowest codec: \(scheme) (\(BenchmarkReport.fixed(slowest.nanosecondsPerElement, 1)) ns/parameter\(whole))"
    }

    static func check(_ report: ModelReport) throws {
        for tensor in report.tensors {
            let sqnr = tensor.measurements[0].metrics?.sqnr ?? -.infinity
            if !(sqnr > 35) {
                throw BenchmarkError.mismatch("model report: tensor \(tensor.tensor.name) of the generated checkpoint has int8 SQNR \(sqnr) dB, expected about 42")
            }
        }
    }

    /// The generated checkpoint, written once on first use to the temporary folder and removed
    /// when the benchmarks are released.
    final class Checkpoint: @unchecked Sendable {
        let rows: Int
        private var written: String?
        private let lock = NSLock()

        init(rows: Int) { self.rows = rows }

        func path() throws -> String {
            lock.lock()
            defer { lock.unlock() }
            if let written { return written }
            let path = NSTemporaryDirectory() + "precision-lab-bench-\(ProcessInfo.processInfo.processIdentifier)-\(rows)x\(columns).safetensors"
            try ModelReportBenchmarks.writeCheckpoint(rows: rows, to: path)
            written = path
            return path
        }

        deinit {
            if let written { try? FileManager.default.removeItem(atPath: written) }
        }
    }

    /// Writes `rows` × 4096 N(0,1) float32 values (seed 100) as safetensors tensors
    /// `layer.NNN.weight` of at most 1024 rows, streaming one tensor at a time.
    ///
    ///     writeCheckpoint(rows: 1500, to: p)   // layer.000.weight 1024x4096, layer.001.weight 476x4096
    static func writeCheckpoint(rows: Int, to path: String) throws {
        var shapes: [Int] = []
        var left = rows
        while left > 0 {
            shapes.append(min(left, rowsPerTensor))
            left -= shapes.last!
        }
        var entries: [String] = []
        var offset = 0
        for (index, tensorRows) in shapes.enumerated() {
            let end = offset + tensorRows * columns * 4
            entries.append("\"\(tensorName(index))\": {\"dtype\": \"F32\", \"shape\": [\(tensorRows), \(columns)], \"data_offsets\": [\(offset), \(end)]}")
            offset = end
        }
        var header = Array(("{" + entries.joined(separator: ", ") + "}").utf8)
        header += [UInt8](repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError.setup("model report: cannot create the checkpoint \(path)")
        }
        defer { try? handle.close() }
        var length = UInt64(header.count).littleEndian
        try handle.write(contentsOf: Data(bytes: &length, count: 8) + Data(header))
        var random = RandomVariates(SplitMix64(seed: 100))
        for tensorRows in shapes {
            var values = [Float](repeating: 0, count: tensorRows * columns)
            for index in values.indices { values[index] = Float(random.boxMullerNormal()) }
            try handle.write(contentsOf: values.withUnsafeBytes { Data($0) })
        }
    }

    static func tensorName(_ index: Int) -> String {
        let digits = String(index)
        return "layer." + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".weight"
    }
}
