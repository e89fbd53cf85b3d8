import Quantization
import SoftFloat

/// One quantization recipe of the `block-scaled-formats` experiment, written in its spec as
/// `SCHEME [key=value …]` and turned into a ``QuantizationConfiguration`` (compute float32):
///
///     BlockScaledRecipe(parsing: "mxfp4 rounding=even")
///     BlockScaledRecipe(parsing: "nvfp4 convention=transformer-engine granularity=block:16x16")
///     BlockScaledRecipe(parsing: "fp8-e4m3 convention=deepgemm granularity=block:1x128 scale=ue8m0")
///     BlockScaledRecipe(parsing: "absmax bits=4 granularity=group:32")
///
/// Keys: `rounding` (MX scale rule), `convention`, `granularity`, `bits`, `tensor-scale`
/// (`on`/`off`, NVFP4) and `scale` (`float32`/`ue8m0`, FP8 blocks). Recipes of one
/// ``family`` (same scheme, bits and granularity) store codes of the same meaning, so the
/// report compares them pairwise, code by code.
struct BlockScaledRecipe: Sendable, Hashable {
    /// The spec's text, which is also the recipe's name in every table.
    var label: String
    var configuration: QuantizationConfiguration

    /// The recipes of one family store comparable codes: scheme, bits and granularity.
    var family: String {
        let scheme = configuration.scheme
        let bits = scheme.isInteger ? " int\(configuration.bits)" : ""
        return "\(scheme)\(bits) \(configuration.resolvedGranularity)"
    }

    /// Significand bits p of the element format (implicit bit included), for the
    /// 6.02·p + 7.44 dB anchor; nil for integers and codebooks.
    var significandBits: Int? {
        switch configuration.scheme {
        case .scaledFloat(let format): return format.precision
        case .mx(let element): return element.format?.precision
        case .nvfp4: return FloatFormat.float4_e2m1fn.precision
        default: return nil
        }
    }

    /// Parses `SCHEME [key=value …]`; the message names the offending word.
    init(parsing text: String) throws(RecipeSyntaxError) {
        let words = text.split(separator: " ").map(String.init)
        guard let name = words.first, let scheme = QuantizationScheme(name: name) else {
            throw RecipeSyntaxError("'\(words.first ?? "")' is not a scheme; expected one of: \(QuantizationScheme.names.joined(separator: ", "))")
        }
        var configuration = QuantizationConfiguration(scheme: scheme, bits: 8, compute: .float32)
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let key = parts.first, let value = parts.last else {
                throw RecipeSyntaxError("'\(word)' is not key=value")
            }
            switch key {
            case "rounding":
                guard let rule = MXScaleRounding(rawValue: value) else {
                    throw RecipeSyntaxError("rounding '\(value)': expected \(MXScaleRounding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.scaleRounding = rule
            case "convention":
                guard let convention = QuantizationConvention(rawValue: value) else {
                    throw RecipeSyntaxError("convention '\(value)': expected \(QuantizationConvention.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                configuration.convention = convention
            case "granularity":
                guard let granularity = Granularity(parsing: value) else { throw RecipeSyntaxError("granularity '\(value)' is not tensor, row, group:N or block:RxC") }
                configuration.granularity = granularity
            case "bits":
                guard let bits = Int(value) else { throw RecipeSyntaxError("bits '\(value)' is not an integer") }
                configuration.bits = bits
            case "tensor-scale":
                guard value == "on" || value == "off" else { throw RecipeSyntaxError("tensor-scale '\(value)': expected on or off") }
                configuration.tensorScale = value == "on"
            case "scale":
                guard let format = BlockScaleFormat(rawValue: value) else { throw RecipeSyntaxError("scale '\(value)': expected float32 or ue8m0") }
                configuration.blockScaleFormat = format
            default:
                throw RecipeSyntaxError("unknown key '\(key)'; expected rounding, convention, granularity, bits, tensor-scale or scale")
            }
        }
        do {
            try configuration.validate()
        } catch {
            throw RecipeSyntaxError("\(error)")
        }
        label = text
        self.configuration = configuration
    }
}

