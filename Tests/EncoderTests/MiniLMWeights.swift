import Encoder
import Foundation
import Testing

/// Where the tests find all-MiniLM-L6-v2: `.cache/weights/all-MiniLM-L6-v2` at the repository
/// root (git-ignored; `Scripts/fetch-weights` downloads it). Tests that need it are skipped,
/// saying so, when it is absent; the model is read once per test process.
enum MiniLMWeights {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent(".cache/weights/all-MiniLM-L6-v2").path
    static var present: Bool {
        ModelFolder.requiredFiles.allSatisfy { FileManager.default.fileExists(atPath: folder + "/" + $0) }
    }
    static let skipReason: Comment = "needs the weights: run Scripts/fetch-weights (.cache/weights/all-MiniLM-L6-v2)"

    /// The float32 model, read on first use.
    static let model: Result<SentenceEncoder, EncoderError> = Result { () throws(EncoderError) in
        try SentenceEncoder(folder: ModelFolder(path: folder))
    }
}
