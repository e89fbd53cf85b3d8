import Encoder
import Foundation
import Testing

/// Bad model folders and settings: the message names the missing file or the expected fields.
@Suite struct BadModelInputTests {
    @Test func missingFileIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encoder-missing-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/config.json", contents: Data("{}".utf8))
        let error = #expect(throws: EncoderError.self) { try ModelFolder(path: folder) }
        #expect(error?.kind == .missingFile)
        #expect(error?.description.contains("model.safetensors") == true)
    }

    @Test(arguments: [
        (#"{"model_type": "gpt2", "hidden_act": "gelu"}"#, "model_type is \"gpt2\""),
        (#"{"model_type": "bert", "hidden_act": "relu"}"#, "hidden_act is \"relu\""),
        (#"{"model_type": "bert", "hidden_act": "gelu", "hidden_size": 384}"#, "num_hidden_layers is missing"),
        (#"{"model_type": "bert", "hidden_act": "gelu", "hidden_size": 384, "num_hidden_layers": 6, "num_attention_heads": 5}"#, "does not divide"),
    ])
    func unsupportedArchitectureNamesTheFields(json: String, reason: String) {
        let error = #expect(throws: EncoderError.self) { try BertConfiguration(json: Array(json.utf8), location: "config.json") }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.contains("expected model_type \"bert\"") == true)
    }

    @Test(arguments: ["float64", "absmax@group:0", "nonsense"])
    func badWeightsAreUsageErrors(text: String) {
        let error = #expect(throws: EncoderError.self) { try WeightTreatment(parsing: text) }
        #expect(error?.isUsage == true)
    }

    @Test func wideComputeFormatsAreRefused() {
        #expect(throws: EncoderError.self) { try EncoderArithmetic(compute: .float64) }
        #expect(throws: EncoderError.self) { try EncoderArithmetic(compute: .float16, accumulate: .bfloat16) }
        #expect(throws: EncoderError.self) { try EncoderArithmetic(compute: .float32, accumulate: .bfloat16) }
    }
}
