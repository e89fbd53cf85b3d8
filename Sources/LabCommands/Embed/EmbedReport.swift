import Encoder
import Quantization

/// What `precision-lab embed` prints: the embeddings of the texts under the settings, their
/// cosine similarity to the float32 model's embeddings when anything is not float32, and a
/// line for each text cut to the maximum length.
///
///     let report = try EmbedReport(model: model, texts: ["A man is eating food."])
///     report.json   // {"embeddings": [[384 numbers]], "tokens": [[101, 1037, …, 102]]}
public struct EmbedReport: Sendable {
    public let embeddings: [TextEmbedding]
    /// One per text when the settings are not plain float32, else nil.
    public let cosineToFloat32: [Double]?
    public let maxLength: Int

    /// A report of embeddings already computed.
    public init(embeddings: [TextEmbedding], cosineToFloat32: [Double]?, maxLength: Int) {
        self.embeddings = embeddings
        self.cosineToFloat32 = cosineToFloat32
        self.maxLength = maxLength
    }

    /// Embeds `texts` (refusing an empty one before any work).
    public init(model: SentenceEncoder, texts: [String], threads: Int = 1) throws(EncoderError) {
        embeddings = try model.embed(texts, threads: threads)
        maxLength = model.tokenizer.maxLength
        if model.settings.isFloat32 {
            cosineToFloat32 = nil
        } else {
            cosineToFloat32 = embeddings.map { item in
                let reference = model.referenceEmbedding(item.tokens, threads: threads)
                return ErrorMetrics(float32: reference, approximation: item.embedding).cosineSimilarity
            }
        }
    }

    /// The standard-error lines for truncated texts:
    /// `note: text 3 has 300 word pieces; truncated to 256 tokens ([CLS], 254 pieces, [SEP]) as sentence-transformers does`.
    public var truncationNotes: [String] {
        embeddings.enumerated().compactMap { index, item in
            guard item.tokens.isTruncated else { return nil }
            return "note: text \(index + 1) (\"\(item.text.prefix(40))…\") has \(item.tokens.wordPieces) word pieces; truncated to \(maxLength) tokens ([CLS], \(maxLength - 2) pieces, [SEP]) as sentence-transformers does"
        }
    }

    static func number(_ value: Float) -> JSONValue {
        value.isFinite ? .number("\(value)") : .string(value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
    }

    /// `{"embeddings": [[…] per text], "cosine_to_float32": [one per text, when not float32],
    /// "tokens": [[ids] per text]}`; floats as their shortest float32 decimal.
    public var json: String {
        var fields: [(String, JSONValue)] = [("embeddings", .array(embeddings.map { .array($0.embedding.map(Self.number)) }))]
        if let cosineToFloat32 { fields.append(("cosine_to_float32", .array(cosineToFloat32.map { .double($0) }))) }
        fields.append(("tokens", .array(embeddings.map { .array($0.tokens.ids.map { .integer($0) }) })))
        return JSONValue.object(fields).rendered() + "\n"
    }

    /// One line per text: `# text N: T tokens[, cosine to float32 C]`, then the values.
    public var plainText: String {
        var text = ""
        for (index, item) in embeddings.enumerated() {
            text += "# text \(index + 1): \(item.tokens.ids.count) tokens"
            if let cosineToFloat32 { text += ", cosine to float32 \(cosineToFloat32[index])" }
            text += "\n" + item.embedding.map { "\($0)" }.joined(separator: " ") + "\n"
        }
        return text
    }
}
