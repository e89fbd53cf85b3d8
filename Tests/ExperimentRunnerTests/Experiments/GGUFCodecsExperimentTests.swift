@testable import ExperimentRunner
import Quantization
import Testing

/// The gguf-codecs kind: the tie examples worked by hand, the uniform-step anchors, the
/// Student-t(3) sampler and bad specs.
@Suite("gguf-codecs")
struct GGUFCodecsExperimentTests {
    static func experiment(_ parameters: String) throws -> GGUFCodecsExperiment {
        try GGUFCodecsExperiment(spec: SpecLoader.parse(text: "kind = \"gguf-codecs\"\n[parameters]\n" + parameters, name: "gc", file: "gc.toml"))
    }

    /// amax 6 → E8M0 2^0 (MXFP4) and UE4M3 1.0 (NVFP4): 3.5, 1.75 and 0.75 are halfway between
    /// two E2M1 magnitudes (3|4, 1.5|2, 0.5|1). ggml keeps the first (smaller); nearest-even
    /// takes the even code (4 = 0b110, 2 = 0b100, 1 = 0b010).
    @Test(arguments: [FP4Comparison.mxfp4, .nvfp4])
    func tiesGoToTheSmallerMagnitudeInGGML(comparison: FP4Comparison) throws {
        let width = comparison == .mxfp4 ? 32 : 64
        let x: [Float] = [6, 3.5, 1.75, 0.75, -3.5] + [Float](repeating: 0, count: width - 5)
        let decoded = try comparison.decode(x, rows: 1, columns: width)
        #expect(Array(decoded.ggml.prefix(5)) == [6, 3, 1.5, 0.5, -3])
        #expect(Array(decoded.reference.prefix(5)) == [6, 4, 2, 1, -4])
    }

    /// 6.375 / 6 = 1.0625, halfway between the E4M3 values 1 and 1.125: ggml's half-up UE4M3
    /// takes 1.125 (code 0x39) and 6.375 → 6 × 1.125 = 6.75; nearest-even takes 1.0 (0x38) and
    /// 6.375 saturates to 6.
    @Test func nvfp4ScaleTieRoundsUpInGGML() throws {
        let x: [Float] = [6.375] + [Float](repeating: 0, count: 63)
        let decoded = try FP4Comparison.nvfp4.decode(x, rows: 1, columns: 64)
        #expect(decoded.ggmlScales[0] == 0x39)
        #expect(decoded.referenceScales[0] == 0x38)
        #expect(decoded.ggml[0] == 6.75)
        #expect(decoded.reference[0] == 6)
    }

    /// A Q8_0 block of 1 … 32 stores d = fp16(32/127) = 1032 × 2^-12 = 0.251953125.
    @Test func q8BlockStep() throws {
        let x = (1...32).map(Float.init)
        let blocks = try GGUFCodec.quantize(x, rows: 1, columns: 32, type: .q8_0)
        #expect(GGUFCodec.blockSteps(blocks, type: .q8_0) == [0.251953125])
        #expect(GGUFCodec.blockSteps(blocks, type: .q4_K) == nil)
    }

    /// Student-t(3)/√3 has unit variance and heavy tails: on 2^16 draws the sample variance is
    /// near 1 (its own spread is wide: the fourth moment is infinite), and |x| > 5 means
    /// |t₃| > 5√3, probability 1 − (2/π)(atan 5 + 5/26) ≈ 3.24e-3: about 212 draws (N(0, 1): 0.04).
    @Test func studentTIsHeavyTailed() {
        let values = InputDistribution.studentT3.sample(rows: 256, columns: 256, seed: 7)
        let variance = values.reduce(0) { $0 + $1 * $1 } / Double(values.count)
        #expect(variance > 0.7 && variance < 1.4)
        let far = values.filter { abs($0) > 5 }.count
        #expect(far > 150 && far < 280)
        let normal = InputDistribution.normal.sample(rows: 256, columns: 256, seed: 7)
        #expect(normal.filter { abs($0) > 5 }.count == 0)
    }

    /// One small cell: rows for every type (two for those using the importance matrix), the
    /// uniform-step anchor of Q8_0, and no FP4 disagreement on float32 data.
    @Test func smallCell() throws {
        let experiment = try Self.experiment("""
            types = ["gguf-q8_0", "gguf-q4_1", "gguf-q4_K", "gguf-mxfp4"]
            compare = ["mxfp4"]
            distributions = ["normal"]
            rows = 16
            columns = 512
            """)
        let cell = try experiment.computeCell(0)
        let rows = try cell.rows(GGUFCodecsExperiment.CodecRow.self)
        #expect(rows.map { $0.text(.scheme) + "/" + $0.text(.imatrix) } == [
            "gguf-q8_0/none", "gguf-q4_1/none", "gguf-q4_1/yes", "gguf-q4_K/none", "gguf-q4_K/yes", "gguf-mxfp4/none", "mxfp4/none",
        ])
        let q8 = try #require(rows.first { $0.text(.scheme) == "gguf-q8_0" }?.double(.rmse_over_step))
        #expect(abs(q8 - 0.2841) < 0.01)
        // ggml's MXFP4 and OCP MX share the scale rule: identical SQNR on float32 data.
        #expect(rows.first { $0.text(.scheme) == "gguf-mxfp4" }?.text(.sqnr_db) == rows.first { $0.text(.scheme) == "mxfp4" }?.text(.sqnr_db))
        let ties = try cell.rows(GGUFCodecsExperiment.TieRow.self)
        #expect(ties.count == 4)
        #expect(ties.filter { $0.text(.source) == "float32" }.allSatisfy { $0.integer(.differing_elements) == 0 })
        #expect(ties.contains { $0.text(.source) == "bfloat16" && $0.integer(.ties) > 0 })
    }

    @Test(arguments: [
        ("types = [\"gguf-q9_0\"]", "unknown ggml type"),
        ("types = [\"gguf-iq2_xxs\"]", "needs an importance matrix"),
        ("columns = 300", "not a multiple of 256"),
        ("distributions = [\"cauchy\"]", "unknown distribution 'cauchy'"),
        ("compare = [\"absmax@group:0\"]", "compare"),
    ])
    func badSpecsNameTheKey(parameters: String, fragment: String) {
        #expect {
            _ = try Self.experiment(parameters)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
