import Foundation
import Testing
@testable import LabCommands
import Quantization

/// The generated checkpoint behind `bench 'model report'` and the slowest-codec line.
@Suite struct ModelReportBenchmarksTests {
    /// 1500 rows of 4096 split into tensors of at most 1024 rows: 1024 + 476, 6,144,000
    /// parameters, offsets back to back after the header.
    @Test func checkpointShapes() throws {
        let path = NSTemporaryDirectory() + "bench-checkpoint-\(UUID().uuidString).safetensors"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelReportBenchmarks.writeCheckpoint(rows: 1500, to: path)
        let model = try ModelFile(path: path)
        #expect(model.tensors.map(\.name) == ["layer.000.weight", "layer.001.weight"])
        #expect(model.tensors.map(\.shape) == [[1024, 4096], [476, 4096]])
        #expect(model.tensors.map(\.count).reduce(0, +) == 6_144_000)
        #expect(model.tensors[1].offset == model.tensors[0].offset + 1024 * 4096 * 4)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(size == model.tensors[1].offset + 476 * 4096 * 4)
        #expect((model.tensors[0].offset - 8) % 8 == 0)
    }

    @Test func slowestScheme() {
        let results = [
            BenchmarkResult(name: "model report default", elements: 10, bytesPerElement: 4, runs: [3000]),
            BenchmarkResult(name: "model report absmax@row", elements: 10, bytesPerElement: 4, runs: [100, 120, 140]),
            BenchmarkResult(name: "model report gguf-iq4_xs", elements: 10, bytesPerElement: 4, runs: [900, 951, 990]),
            BenchmarkResult(name: "memcpy float32", elements: 10, bytesPerElement: 8, runs: [5000]),
        ]
        #expect(ModelReportBenchmarks.slowestScheme(in: results) == "slowest codec: gguf-iq4_xs (95.1 ns/parameter of 300.0 for the default set)")
        #expect(ModelReportBenchmarks.slowestScheme(in: Array(results.suffix(1))) == nil)
    }
}
