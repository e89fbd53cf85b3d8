/// One Linear layer of the encoder: y = x · Wᵀ + b, with W kept transposed (in × out, so
/// column j is output channel j) for ``DenseMatmul``.
public struct LinearLayer: Sendable {
    public let inputs: Int
    public let outputs: Int
    /// Wᵀ, inputs × outputs, row-major.
    public var transposed: [Float]
    public var bias: [Float]

    /// - Parameter weight: the stored [outputs, inputs] tensor, row-major.
    public init(weight: [Float], bias: [Float], outputs: Int, inputs: Int) {
        precondition(weight.count == outputs * inputs && bias.count == outputs)
        self.inputs = inputs
        self.outputs = outputs
        self.bias = bias
        var transposed = [Float](repeating: 0, count: weight.count)
        for o in 0..<outputs {
            for i in 0..<inputs { transposed[i * outputs + o] = weight[o * inputs + i] }
        }
        self.transposed = transposed
    }

    /// The stored [outputs, inputs] weight, row-major.
    public var weight: [Float] {
        var weight = [Float](repeating: 0, count: transposed.count)
        for i in 0..<inputs {
            for o in 0..<outputs { weight[o * inputs + i] = transposed[i * outputs + o] }
        }
        return weight
    }

    /// Replaces the weight with `weight` ([outputs, inputs]).
    public mutating func setWeight(_ weight: [Float]) {
        self = LinearLayer(weight: weight, bias: bias, outputs: outputs, inputs: inputs)
    }
}
