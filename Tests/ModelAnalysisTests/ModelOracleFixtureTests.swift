import Foundation
import ModelAnalysis
import Quantization
import Testing

/// The fixtures Scripts/oracles/model_oracle.py wrote with independent tools: a GGUF v3 file
/// written by gguf-py's GGUFWriter (F32 3-D, F16, BF16 and 20 block types with random blocks)
/// and gguf-py's dequantization of every tensor; two float32 matrices with numpy's (and torch's,
/// for FP8) quantization metrics and tensor statistics.
@Suite struct ModelOracleFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static let ggufTensors = [
        "f32.3d", "f16", "bf16", "q4_0.weight", "q4_1.weight", "q5_0.weight", "q5_1.weight", "q8_0.weight", "q2_k.weight",
        "q3_k.weight", "q4_k.weight", "q5_k.weight", "q6_k.weight", "iq4_nl.weight", "iq4_xs.weight", "iq1_s.weight",
        "iq1_m.weight", "iq2_xxs.weight", "iq2_xs.weight", "iq2_s.weight", "iq3_xxs.weight", "iq3_s.weight", "mxfp4.weight",
    ]

    @Test(arguments: ggufTensors) func ggufMatchesGGUFPy(name: String) throws {
        let model = try ModelFile(path: Self.folder + "/oracle.gguf")
        #expect(model.gguf?.version == 3)
        #expect(model.gguf?.metadata["words"] == .array(.string, [.string("a"), .string("bb"), .string("ccc")]))
        #expect(model.gguf?.metadata["name"] == .string("oracle ✓"))
        let tensor = try model.tensor(named: name)
        let expected = try MatrixReader.read(path: Self.folder + "/oracle-\(name).npy", format: .float32).matrix
        #expect(tensor.columns == expected.columns)
        let values = try model.values(of: tensor)
        #expect(values.map { UInt64($0.bitPattern) } == expected.codes, "\(name)")
    }

    struct Reference: Sendable {
        var tensor, scheme, measure: String
        var value: Double
    }

    static let references: [Reference] = {
        let text = try! String(contentsOfFile: folder + "/oracle-metrics.csv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",").map(String.init)
            return Reference(tensor: cells[0], scheme: cells[1], measure: cells[2], value: Double(cells[3])!)
        }
    }()

    static func close(_ a: Double, _ b: Double) -> Bool { a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

    @Test func metricsAndStatisticsMatchNumpy() throws {
        #expect(Self.references.count == 48)
        let model = try ModelFile(path: Self.folder + "/oracle.safetensors")
        let schemes = try ["absmax@row", "absmax@tensor", "absmax4@group:128", "fp8-e4m3@tensor"].map { try ModelScheme(parsing: $0) }
        let report = try ModelReport(model: model, schemes: schemes, threads: 2)
        #expect(report.tensors.map(\.tensor.name) == ["gaussian", "student_t"])
        var compared = 0
        for reference in Self.references {
            let tensor = try #require(report.tensors.first { $0.tensor.name == reference.tensor })
            let value: Double
            if reference.scheme == "statistics" {
                let s = tensor.statistics
                value = ["absmax": s.absmax, "rms": s.rms, "kurtosis": s.kurtosis, "beyond_6_sigma": s.outlierShare][reference.measure]!
            } else {
                let metrics = try #require(tensor.measurements.first { $0.scheme.description == reference.scheme }?.metrics)
                value = ["sqnr_db": metrics.sqnr, "rmse": metrics.rootMeanSquaredError, "max_abs_error": metrics.maxAbsoluteError,
                         "cosine_similarity": metrics.cosineSimilarity, "relative_rmse": metrics.rootMeanSquaredError / tensor.statistics.rms][reference.measure]!
            }
            #expect(Self.close(value, reference.value), "\(reference.tensor) \(reference.scheme) \(reference.measure): lab \(value), numpy \(reference.value)")
            compared += 1
        }
        #expect(compared == 48)
    }

    /// Row blocks of 512 elements (2 rows of 256) give numpy's whole-tensor numbers too.
    @Test(arguments: ["absmax@row", "absmax4@group:128"]) func rowBlocksMatchNumpy(scheme: String) throws {
        let model = try ModelFile(path: Self.folder + "/oracle.safetensors")
        let tensor = try model.tensor(named: "gaussian")
        let measurement = SchemeMeasurement.measure(try model.values(of: tensor), rows: tensor.rows, columns: tensor.columns,
                                                    tensor: "gaussian", scheme: try ModelScheme(parsing: scheme), chunkElements: 512)
        let metrics = try #require(measurement.metrics)
        let expected = Self.references.filter { $0.tensor == "gaussian" && $0.scheme == scheme }
        #expect(expected.count == 5)
        for reference in expected where reference.measure != "relative_rmse" {
            let value = ["sqnr_db": metrics.sqnr, "rmse": metrics.rootMeanSquaredError, "max_abs_error": metrics.maxAbsoluteError,
                         "cosine_similarity": metrics.cosineSimilarity][reference.measure]!
            #expect(Self.close(value, reference.value), "\(scheme) \(reference.measure): lab \(value), numpy \(reference.value)")
        }
        let bits: Double = scheme == "absmax@row" ? 8.125 : 4.25   // 8 + 32/256, 4 + 32/128
        #expect(metrics.bitsPerParameter == bits)
    }
}
