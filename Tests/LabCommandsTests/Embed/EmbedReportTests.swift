import Encoder
import Foundation
import LabCommands
import Testing

/// What `precision-lab embed` prints, on hand-made embeddings (the forward pass itself is
/// tested in EncoderTests): the JSON fields, the plain lines, and the standard-error note for
/// a text cut to the maximum length.
@Suite struct EmbedReportTests {
    static let short = TextEmbedding(text: "Hello, world!", tokens: TokenizedText(ids: [101, 7592, 1010, 2088, 999, 102], wordPieces: 4, isTruncated: false),
                                     embedding: [0.6, -0.8])
    static let long = TextEmbedding(text: String(repeating: "word ", count: 300), tokens: TokenizedText(ids: [101] + Array(repeating: 2773, count: 254) + [102], wordPieces: 300, isTruncated: true),
                                    embedding: [1, 0])

    /// `{"embeddings": [[…]], "tokens": [[…]]}`, plus `cosine_to_float32` when not float32.
    @Test func json() throws {
        func parsed(_ report: EmbedReport) throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        }
        let float32 = try parsed(EmbedReport(embeddings: [Self.short], cosineToFloat32: nil, maxLength: 256))
        #expect(Set(float32.keys) == ["embeddings", "tokens"])
        #expect(float32["embeddings"] as? [[Double]] == [[0.6, -0.8]])
        #expect(float32["tokens"] as? [[Int]] == [[101, 7592, 1010, 2088, 999, 102]])
        let bfloat16 = try parsed(EmbedReport(embeddings: [Self.short], cosineToFloat32: [0.999], maxLength: 256))
        #expect(bfloat16["cosine_to_float32"] as? [Double] == [0.999])
    }

    @Test func plainText() {
        let report = EmbedReport(embeddings: [Self.short], cosineToFloat32: [0.5], maxLength: 256)
        #expect(report.plainText == "# text 1: 6 tokens, cosine to float32 0.5\n0.6 -0.8\n")
    }

    /// Only the truncated text gets a note, numbered from 1, with its length before the cut.
    @Test func truncationNoteNamesTheText() {
        let report = EmbedReport(embeddings: [Self.short, Self.long], cosineToFloat32: nil, maxLength: 256)
        #expect(report.truncationNotes == [
            #"note: text 2 ("word word word word word word word word …") has 300 word pieces; truncated to 256 tokens ([CLS], 254 pieces, [SEP]) as sentence-transformers does"#,
        ])
    }
}
