/// What one forward pass gives: the sentence embedding (mean-pooled over the tokens, L2
/// normalised) and, when asked for, the hidden states (the embeddings' LayerNorm output, then
/// each layer's output; tokens × hidden, row-major).
public struct EncoderOutput: Sendable {
    public let embedding: [Float]
    public let hiddenStates: [[Float]]

    public init(embedding: [Float], hiddenStates: [[Float]]) {
        self.embedding = embedding
        self.hiddenStates = hiddenStates
    }
}
