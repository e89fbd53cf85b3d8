/// One text, its tokens and its embedding.
public struct TextEmbedding: Sendable {
    public let text: String
    public let tokens: TokenizedText
    public let embedding: [Float]

    public init(text: String, tokens: TokenizedText, embedding: [Float]) {
        self.text = text
        self.tokens = tokens
        self.embedding = embedding
    }
}
