import Foundation

/// The fields of a Hugging Face `config.json` that a BERT encoder needs, checked.
///
/// all-MiniLM-L6-v2: `hidden_size` 384, `num_hidden_layers` 6, `num_attention_heads` 12
/// (head size 32), `intermediate_size` 1536, `hidden_act` "gelu" (the erf form),
/// `layer_norm_eps` 1e-12, `vocab_size` 30522, `max_position_embeddings` 512,
/// `type_vocab_size` 2, `position_embedding_type` "absolute".
public struct BertConfiguration: Sendable, Hashable {
    public let hiddenSize: Int
    public let layers: Int
    public let heads: Int
    public let intermediateSize: Int
    public let layerNormEpsilon: Float
    public let vocabularySize: Int
    public let maxPositions: Int
    public let typeVocabularySize: Int

    /// The head size: `hiddenSize / heads` (384 / 12 = 32).
    public var headSize: Int { hiddenSize / heads }

    /// What a supported config.json holds, for the error message.
    public static let expectedFields = "model_type \"bert\", hidden_act \"gelu\", position_embedding_type \"absolute\" (or absent), and integers hidden_size, num_hidden_layers, num_attention_heads (dividing hidden_size), intermediate_size, vocab_size, max_position_embeddings, type_vocab_size, with layer_norm_eps"

    public init(hiddenSize: Int, layers: Int, heads: Int, intermediateSize: Int, layerNormEpsilon: Float,
                vocabularySize: Int, maxPositions: Int, typeVocabularySize: Int) {
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.heads = heads
        self.intermediateSize = intermediateSize
        self.layerNormEpsilon = layerNormEpsilon
        self.vocabularySize = vocabularySize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
    }

    /// Parses config.json's bytes; `location` names the file in errors.
    ///
    /// - Throws: ``EncoderError`` (`unsupportedModel`) naming the field that is missing or
    ///   unsupported and listing the expected fields.
    public init(json bytes: [UInt8], location: String) throws(EncoderError) {
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                throw EncoderError(.unsupportedModel, location: location, "not a JSON object")
            }
            object = parsed
        } catch let error as EncoderError {
            throw error
        } catch {
            throw EncoderError(.unsupportedModel, location: location, "not valid JSON")
        }
        func unsupported(_ what: String) -> EncoderError {
            EncoderError(.unsupportedModel, location: location, "unsupported architecture: \(what); expected \(Self.expectedFields)")
        }
        func string(_ key: String) -> String? { object[key] as? String }
        func integer(_ key: String) throws(EncoderError) -> Int {
            guard let number = object[key] as? NSNumber, let value = Int(exactly: number.doubleValue), value > 0 else {
                throw unsupported("\(key) is missing or not a positive integer")
            }
            return value
        }
        guard string("model_type") == "bert" else { throw unsupported("model_type is \(string("model_type").map { "\"\($0)\"" } ?? "missing")") }
        guard string("hidden_act") == "gelu" else { throw unsupported("hidden_act is \(string("hidden_act").map { "\"\($0)\"" } ?? "missing")") }
        if let position = string("position_embedding_type"), position != "absolute" {
            throw unsupported("position_embedding_type is \"\(position)\"")
        }
        hiddenSize = try integer("hidden_size")
        layers = try integer("num_hidden_layers")
        heads = try integer("num_attention_heads")
        guard hiddenSize % heads == 0 else { throw unsupported("num_attention_heads \(heads) does not divide hidden_size \(hiddenSize)") }
        intermediateSize = try integer("intermediate_size")
        vocabularySize = try integer("vocab_size")
        maxPositions = try integer("max_position_embeddings")
        typeVocabularySize = try integer("type_vocab_size")
        let epsilon = (object["layer_norm_eps"] as? NSNumber)?.doubleValue ?? 1e-12
        layerNormEpsilon = Float(epsilon)
    }
}
