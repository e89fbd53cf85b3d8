import FastKernels
import Quantization
import SoftFloat

/// How to run the encoder: the weights (``WeightTreatment``), the arithmetic
/// (``EncoderArithmetic``) and optionally an int8 matmul for the Linear layers.
///
///     EncoderSettings()                                                    // float32 throughout
///     EncoderSettings(weights: .cast(.bfloat16), arithmetic: try EncoderArithmetic(compute: .bfloat16))
///     EncoderSettings(int8: try Int8Matmul(configuration: MatmulConfiguration(scheme: .vectorwise, outlierThreshold: 6)))
public struct EncoderSettings: Sendable {
    public var weights: WeightTreatment
    public var arithmetic: EncoderArithmetic
    public var int8: Int8Matmul?

    public init(weights: WeightTreatment = .float32, arithmetic: EncoderArithmetic = .float32, int8: Int8Matmul? = nil) {
        self.weights = weights
        self.arithmetic = arithmetic
        self.int8 = int8
    }

    /// LLM.int8 as the CLI's `--llm-int8 T` means it: vector-wise int8, outlier columns
    /// (|x| ≥ T) in float16.
    public static func llmInt8(threshold: Double) throws(EncoderError) -> Int8Matmul {
        guard threshold >= 0, threshold.isFinite else {
            throw EncoderError(.usage, location: "--llm-int8", "the outlier threshold must be a finite number ≥ 0, got \(threshold)")
        }
        return try Int8Matmul(configuration: MatmulConfiguration(scheme: .vectorwise, outlierThreshold: threshold))
    }

    /// True when the run is the plain float32 model.
    public var isFloat32: Bool { weights == .float32 && arithmetic.isFloat32 && int8 == nil }

    /// The encoder these settings run: treated weights, then every parameter rounded to the
    /// compute format.
    ///
    /// - Throws: ``EncoderError`` (`usage`) for an int8 matmul with a compute format other
    ///   than float32, or a scheme that cannot quantize a weight.
    public func prepare(_ encoder: BertEncoder, threads: Int = 1) throws(EncoderError) -> BertEncoder {
        if int8 != nil, !arithmetic.isFloat32 {
            throw EncoderError(.usage, location: "--llm-int8", "the int8 matmul runs with --compute float32 (its scales and outliers have formats of their own)")
        }
        var prepared = try encoder.treated(weights, threads: threads)
        if let rounding = arithmetic.computeRounding { prepared = prepared.rounded(rounding) }
        return prepared
    }
}
