/// One transformer block of BERT: self-attention (query, key, value, attention output),
/// LayerNorm, the feed-forward pair (intermediate, output) with GELU between, LayerNorm.
public struct EncoderLayer: Sendable {
    public var query: LinearLayer
    public var key: LinearLayer
    public var value: LinearLayer
    public var attentionOutput: LinearLayer
    public var attentionNorm: LayerNormParameters
    public var intermediate: LinearLayer
    public var output: LinearLayer
    public var outputNorm: LayerNormParameters

    /// The six Linear layers in checkpoint order, with their tensor-name suffixes.
    public static let linearNames = ["attention.self.query", "attention.self.key", "attention.self.value",
                                     "attention.output.dense", "intermediate.dense", "output.dense"]

    public var linears: [LinearLayer] {
        get { [query, key, value, attentionOutput, intermediate, output] }
        set { (query, key, value, attentionOutput, intermediate, output) = (newValue[0], newValue[1], newValue[2], newValue[3], newValue[4], newValue[5]) }
    }
}
