import FastKernels
import Foundation
import Quantization

/// A sentence-transformers BERT model ready to embed texts: the tokenizer, the float32
/// encoder and the variant the settings ask for (weights treated, parameters rounded to the
/// compute format, optionally LLM.int8 matmuls).
///
///     let model = try SentenceEncoder(folder: ModelFolder(path: ".cache/weights/all-MiniLM-L6-v2"))
///     let e = try model.embed(["A man is eating food."])
///     e[0].embedding.count   // 384, and ≈ sentence-transformers' to cosine 0.9999999
public struct SentenceEncoder: Sendable {
    public let tokenizer: WordPieceTokenizer
    /// The checkpoint's own float32 encoder.
    public let reference: BertEncoder
    /// The encoder the settings run.
    public let variant: BertEncoder
    public let settings: EncoderSettings

    /// Reads the model and prepares `settings`' variant.
    ///
    /// - Throws: ``EncoderError``: a missing or unsupported file (data), a setting that cannot
    ///   run (usage).
    public init(folder: ModelFolder, settings: EncoderSettings = EncoderSettings(), threads: Int = 1) throws(EncoderError) {
        let configPath = folder.file("config.json")
        guard let configData = FileManager.default.contents(atPath: configPath) else {
            throw EncoderError(.missingFile, location: configPath, "cannot read config.json")
        }
        let configuration = try BertConfiguration(json: Array(configData), location: configPath)
        tokenizer = try WordPieceTokenizer(vocabularyFile: folder.file("vocab.txt"), normalizer: folder.normalizer,
                                           maxLength: min(folder.maxLength, configuration.maxPositions))
        let model: ModelFile
        do {
            model = try ModelFile(path: folder.weights)
        } catch {
            throw EncoderError(.unsupportedModel, location: folder.weights, "\(error)")
        }
        reference = try BertEncoder(model: model, configuration: configuration)
        variant = try settings.prepare(reference, threads: threads)
        self.settings = settings
    }

    /// Tokenizes and embeds every text with the settings' variant (texts split over `threads`).
    ///
    /// - Throws: ``EncoderError`` (`badText`) for an empty text, before any is embedded.
    public func embed(_ texts: [String], threads: Int = 1) throws(EncoderError) -> [TextEmbedding] {
        let tokenized = try texts.map { (text) throws(EncoderError) in try tokenizer.tokenize(text) }
        let embeddings = LockedValue([Int: [Float]]())
        let parallelTexts = texts.count >= threads && threads > 1
        let (variant, settings) = (variant, settings)
        ParallelSplit.run(count: texts.count, threads: parallelTexts ? threads : 1) { range in
            for index in range {
                let output = variant.encode(tokenized[index].ids, arithmetic: settings.arithmetic, int8: settings.int8,
                                            threads: parallelTexts ? 1 : threads)
                embeddings.update { $0[index] = output.embedding }
            }
        }
        let values = embeddings.value
        return texts.indices.map { TextEmbedding(text: texts[$0], tokens: tokenized[$0], embedding: values[$0]!) }
    }

    /// The float32 reference embedding of one tokenized text.
    public func referenceEmbedding(_ tokens: TokenizedText, threads: Int = 1) -> [Float] {
        reference.encode(tokens.ids, threads: threads).embedding
    }
}
