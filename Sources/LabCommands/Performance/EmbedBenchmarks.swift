import Encoder
import Foundation
import SoftFloat

/// `embed SETTING`: one 32-token sentence through all-MiniLM-L6-v2 (`precision-lab embed`'s
/// forward pass) on `threads` threads, with the arithmetic in float32, bfloat16, float16 or
/// bfloat16 products with float32 sums, or the Linear layers as LLM.int8 (threshold 6); ns per
/// token (× 32 for the time per sentence). Needs the real weights in
/// `.cache/weights/all-MiniLM-L6-v2` (Scripts/fetch-weights); without them the entries are
/// left out. Before it is timed, each run checks the sentence is 32 tokens and its embedding
/// unit length.
public enum EmbedBenchmarks {
    public static let folder = ".cache/weights/all-MiniLM-L6-v2"
    /// 30 word pieces + [CLS] + [SEP] = 32 tokens.
    public static let text = "The quick brown fox jumps over the lazy dog while the children watch from the window of the old house on the hill near the river bank at dawn."

    /// The benchmark names after `embed `, and their settings.
    static func settings() throws -> [(String, EncoderSettings)] {
        [
            ("float32", EncoderSettings()),
            ("bfloat16", EncoderSettings(arithmetic: try EncoderArithmetic(compute: .bfloat16))),
            ("float16", EncoderSettings(arithmetic: try EncoderArithmetic(compute: .float16))),
            ("bfloat16+float32", EncoderSettings(arithmetic: try EncoderArithmetic(compute: .bfloat16, accumulate: .float32))),
            ("llm-int8", EncoderSettings(int8: try EncoderSettings.llmInt8(threshold: 6))),
        ]
    }

    public static func benchmarks(threads: Int, repetitions: Int) -> [BenchmarkSuite.Benchmark] {
        guard let folder = try? ModelFolder(path: folder), let settings = try? settings() else { return [] }
        return settings.map { name, settings in
            BenchmarkSuite.Benchmark(name: "embed \(name)", elements: 32, bytesPerElement: 0) {
                let model = try SentenceEncoder(folder: folder, settings: settings, threads: threads)
                let ids = try model.tokenizer.tokenize(text).ids
                guard ids.count == 32 else { throw BenchmarkError.mismatch("embed \(name): the sentence has \(ids.count) tokens, expected 32") }
                let embedding = model.variant.encode(ids, arithmetic: settings.arithmetic, int8: settings.int8, threads: threads).embedding
                let norm = embedding.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard abs(norm - 1) < 1e-3 else { throw BenchmarkError.mismatch("embed \(name): embedding norm \(norm), expected 1") }
                return Stopwatch.measure(repetitions: repetitions) {
                    _ = model.variant.encode(ids, arithmetic: settings.arithmetic, int8: settings.int8, threads: threads)
                }
            }
        }
    }
}
