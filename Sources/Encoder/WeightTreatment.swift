import ModelAnalysis
import SoftFloat

/// What happens to the checkpoint's float32 parameters before the forward pass (`--weights`).
///
///     try WeightTreatment(parsing: "float32")      // .float32: as stored
///     try WeightTreatment(parsing: "bfloat16")     // .cast(bfloat16): every parameter, as model.to(torch.bfloat16)
///     try WeightTreatment(parsing: "nf4@group:64") // .scheme(nf4@group:64): the 36 Linear weights only
///
/// A format name casts every floating-point parameter (embedding tables, Linear weights and
/// biases, LayerNorm parameters); a `model` scheme quantizes and dequantizes the encoder's
/// Linear weight matrices only (rows = output channels, the stored [out, in] rows) and leaves
/// embeddings, biases and LayerNorm parameters in float32.
public enum WeightTreatment: Sendable, Hashable, CustomStringConvertible {
    case float32
    case cast(FloatFormat)
    case scheme(ModelScheme)

    /// - Throws: ``EncoderError`` (`usage`) when the text is neither a format nor a scheme.
    public init(parsing text: String) throws(EncoderError) {
        if let format = try? FloatFormat.named(text) {
            if format == .float32 {
                self = .float32
                return
            }
            guard Float32Rounding(format: format) != nil else {
                throw EncoderError(.usage, location: "--weights", "cannot cast float32 parameters to \(format.name) here: choose a signed format inside float32's range (bfloat16, float16, float8_e4m3fn, …) or a model scheme")
            }
            self = .cast(format)
            return
        }
        do {
            self = .scheme(try ModelScheme(parsing: text))
        } catch {
            throw EncoderError(.usage, location: "--weights", "'\(text)' is neither a format (float32, bfloat16, float16, float8_e4m3fn, …) nor a model scheme: \(error.reason)")
        }
    }

    public var description: String {
        switch self {
        case .float32: return "float32"
        case .cast(let format): return format.name
        case .scheme(let scheme): return "\(scheme)"
        }
    }

    /// Rounding for a cast, nil otherwise.
    var castRounding: Float32Rounding? {
        if case .cast(let format) = self { return Float32Rounding(format: format) }
        return nil
    }
}
