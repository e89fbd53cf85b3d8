import FastKernels
import Foundation
import ModelAnalysis
import Quantization

/// BERT's encoder as sentence-transformers runs all-MiniLM-L6-v2: token, position and
/// token-type embeddings summed and LayerNorm'ed, `layers` blocks of 12-head self-attention
/// and a GELU (erf) feed-forward pair, each with a residual and LayerNorm (eps from
/// config.json), then mean pooling over the tokens and L2 normalisation.
///
///     let encoder = try BertEncoder(model: ModelFile(path: "…/model.safetensors"), configuration: config)
///     let output = encoder.encode([101, 7592, 2088, 102], arithmetic: .float32)
///     output.embedding.count   // 384, unit length
///
/// One text at a time and no padding, so the attention mask is all ones (a padded batch gives
/// the same embedding: padded keys get weight 0 and pooling skips padded tokens).
public struct BertEncoder: Sendable {
    public let configuration: BertConfiguration
    public var wordEmbeddings: [Float]
    public var positionEmbeddings: [Float]
    public var tokenTypeEmbeddings: [Float]
    public var embeddingNorm: LayerNormParameters
    public var layers: [EncoderLayer]

    /// Reads every parameter from the checkpoint (float32 values of any stored dtype).
    ///
    /// - Throws: ``EncoderError`` (`unsupportedModel`) naming a missing tensor or a shape that
    ///   does not match config.json.
    public init(model: ModelFile, configuration: BertConfiguration) throws(EncoderError) {
        self.configuration = configuration
        let h = configuration.hiddenSize
        func read(_ name: String, _ shape: [Int]) throws(EncoderError) -> [Float] {
            let candidates = [name, "bert." + name]
            guard let tensor = model.tensors.first(where: { candidates.contains($0.name) }) else {
                throw EncoderError(.unsupportedModel, location: model.path, "no tensor \(name) (a BERT checkpoint as sentence-transformers saves it)")
            }
            guard tensor.shape == shape else {
                throw EncoderError(.unsupportedModel, location: tensor.location, "shape \(tensor.shapeText), config.json implies \(shape.map(String.init).joined(separator: "x"))")
            }
            do {
                return try model.values(of: tensor)
            } catch {
                throw EncoderError(.unsupportedModel, location: tensor.location, "\(error)")
            }
        }
        func norm(_ prefix: String) throws(EncoderError) -> LayerNormParameters {
            LayerNormParameters(scale: try read(prefix + ".weight", [h]), shift: try read(prefix + ".bias", [h]))
        }
        func linear(_ prefix: String, _ outputs: Int, _ inputs: Int) throws(EncoderError) -> LinearLayer {
            LinearLayer(weight: try read(prefix + ".weight", [outputs, inputs]), bias: try read(prefix + ".bias", [outputs]),
                        outputs: outputs, inputs: inputs)
        }
        wordEmbeddings = try read("embeddings.word_embeddings.weight", [configuration.vocabularySize, h])
        positionEmbeddings = try read("embeddings.position_embeddings.weight", [configuration.maxPositions, h])
        tokenTypeEmbeddings = try read("embeddings.token_type_embeddings.weight", [configuration.typeVocabularySize, h])
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers = [EncoderLayer]()
        let inner = configuration.intermediateSize
        for index in 0..<configuration.layers {
            let prefix = "encoder.layer.\(index)."
            layers.append(EncoderLayer(
                query: try linear(prefix + "attention.self.query", h, h),
                key: try linear(prefix + "attention.self.key", h, h),
                value: try linear(prefix + "attention.self.value", h, h),
                attentionOutput: try linear(prefix + "attention.output.dense", h, h),
                attentionNorm: try norm(prefix + "attention.output.LayerNorm"),
                intermediate: try linear(prefix + "intermediate.dense", inner, h),
                output: try linear(prefix + "output.dense", h, inner),
                outputNorm: try norm(prefix + "output.LayerNorm")))
        }
        self.layers = layers
    }

    /// The encoder with its parameters treated: cast (every parameter) or quantized (the
    /// Linear weights, rows = output channels), on `threads` threads (one Linear each).
    ///
    /// - Throws: ``EncoderError`` (`usage`) when the scheme cannot quantize a weight.
    public func treated(_ treatment: WeightTreatment, threads: Int = 1) throws(EncoderError) -> BertEncoder {
        var copy = self
        switch treatment {
        case .float32:
            return copy
        case .cast:
            return copy.rounded(treatment.castRounding!)
        case .scheme(let scheme):
            let count = layers.count * 6
            let results = LockedValue([Int: Result<[Float], ModelSchemeError>]())
            let weights = layers.flatMap { $0.linears }
            ParallelSplit.run(count: count, threads: threads) { range in
                for index in range {
                    let linear = weights[index]
                    let result = Result { () throws(ModelSchemeError) -> [Float] in
                        try SchemeRoundTrip(linear.weight, rows: linear.outputs, columns: linear.inputs, scheme: scheme).decoded
                    }
                    results.update { $0[index] = result }
                }
            }
            let decoded = results.value
            for layer in 0..<layers.count {
                var linears = copy.layers[layer].linears
                for slot in 0..<6 {
                    switch decoded[layer * 6 + slot]! {
                    case .success(let weight): linears[slot].setWeight(weight)
                    case .failure(let error):
                        throw EncoderError(.usage, location: "--weights", "\(error) on encoder.layer.\(layer).\(EncoderLayer.linearNames[slot]).weight")
                    }
                }
                copy.layers[layer].linears = linears
            }
            return copy
        }
    }

    /// Every parameter rounded with `rounding` (a cast, or the compute format's parameters).
    public func rounded(_ rounding: Float32Rounding) -> BertEncoder {
        var copy = self
        rounding.round(&copy.wordEmbeddings)
        rounding.round(&copy.positionEmbeddings)
        rounding.round(&copy.tokenTypeEmbeddings)
        func round(_ norm: inout LayerNormParameters) {
            rounding.round(&norm.scale)
            rounding.round(&norm.shift)
        }
        round(&copy.embeddingNorm)
        for index in copy.layers.indices {
            var linears = copy.layers[index].linears
            for slot in linears.indices {
                rounding.round(&linears[slot].transposed)
                rounding.round(&linears[slot].bias)
            }
            copy.layers[index].linears = linears
            round(&copy.layers[index].attentionNorm)
            round(&copy.layers[index].outputNorm)
        }
        return copy
    }
}
