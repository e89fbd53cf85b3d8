import Encoder
import Foundation
import Testing

/// all-MiniLM-L6-v2 against sentence-transformers (PyTorch, CPU, float32): token ids and
/// embeddings of a handful of sentences written by Scripts/oracles/minilm_oracle.py
/// (Fixtures/minilm-reference.json). Needs the real weights (Scripts/fetch-weights puts them
/// in the git-ignored .cache/); skipped with that message without them.
@Suite(.enabled(if: MiniLMWeights.present, MiniLMWeights.skipReason))
struct MiniLMFixtureTests {
    struct Case: Decodable {
        let text: String
        let ids: [Int]
        let embedding: [Float]
    }

    struct Fixture: Decodable {
        let cases: [Case]
    }

    static func fixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/minilm-reference.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Double {
        var dot = 0.0, aa = 0.0, bb = 0.0
        for (x, y) in zip(a, b) {
            dot += Double(x) * Double(y); aa += Double(x) * Double(x); bb += Double(y) * Double(y)
        }
        return dot / (aa * bb).squareRoot()
    }

    /// The lab's token ids equal the model's own tokenizer's; the float32 embeddings are within
    /// cosine 0.99999 and 1e-5 per component of PyTorch's.
    @Test func float32MatchesSentenceTransformers() throws {
        let model = try MiniLMWeights.model.get()
        let fixture = try Self.fixture()
        #expect(fixture.cases.count >= 5)
        let embeddings = try model.embed(fixture.cases.map(\.text), threads: 2)
        for (item, expected) in zip(embeddings, fixture.cases) {
            #expect(item.tokens.ids == expected.ids, "\(expected.text)")
            let cosine = Self.cosine(item.embedding, expected.embedding)
            #expect(cosine >= 0.99999, "\(expected.text): cosine \(cosine)")
            let largest = zip(item.embedding, expected.embedding).map { abs($0 - $1) }.max() ?? 0
            #expect(largest < 1e-5, "\(expected.text): max |difference| \(largest)")
        }
    }

    /// Half-precision weights and arithmetic stay close (the tutorials' claim), 4-bit weights
    /// move the embedding further; the reference itself is unchanged by preparing variants.
    @Test func formatsMoveTheEmbedding() throws {
        let model = try MiniLMWeights.model.get()
        let tokens = try model.tokenizer.tokenize("A man is eating food.")
        let reference = model.referenceEmbedding(tokens)
        func cosine(_ settings: EncoderSettings) throws -> Double {
            let variant = try settings.prepare(model.reference, threads: 2)
            return Self.cosine(variant.encode(tokens.ids, arithmetic: settings.arithmetic, int8: settings.int8, threads: 2).embedding, reference)
        }
        let half = try cosine(EncoderSettings(weights: .cast(.bfloat16), arithmetic: try EncoderArithmetic(compute: .bfloat16)))
        let int4 = try cosine(EncoderSettings(weights: try WeightTreatment(parsing: "absmax4@group:128")))
        #expect(half > 0.99 && half < 1)
        #expect(int4 > 0.8 && int4 < half)
        #expect(model.referenceEmbedding(tokens) == reference)
    }
}
