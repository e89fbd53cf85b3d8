import Quantization

/// One per-tensor FP8 scaling recipe of the `fp8-training-recipes` experiment, as its spec
/// writes it:
///
///     FP8ScalingRecipe(parsing: "current")                    // TE current scaling
///     FP8ScalingRecipe(parsing: "delayed max 16")             // DelayedScaling, history 16, "max"
///     FP8ScalingRecipe(parsing: "delayed most_recent 1")
///     FP8ScalingRecipe(parsing: "delayed max 1024 margin=1")
struct FP8ScalingRecipe: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Transformer Engine's current scaling: the step's own amax (`quantize --convention transformer-engine`).
        case current
        /// ``FP8DelayedScaling``.
        case delayed(algorithm: FP8DelayedScaling.AmaxAlgorithm, historyLength: Int, margin: Int)
    }

    var label: String
    var kind: Kind

    init(parsing text: String) throws(RecipeSyntaxError) {
        let words = text.split(separator: " ").map(String.init)
        label = text
        if words == ["current"] {
            kind = .current
            return
        }
        guard words.count >= 3, words.count <= 4, words.first == "delayed" else {
            throw RecipeSyntaxError("expected 'current' or 'delayed ALGORITHM LENGTH [margin=M]'")
        }
        guard let algorithm = FP8DelayedScaling.AmaxAlgorithm(rawValue: words[1]) else {
            throw RecipeSyntaxError("amax algorithm '\(words[1])': expected max or most_recent")
        }
        guard let length = Int(words[2]), (1...1 << 16).contains(length) else {
            throw RecipeSyntaxError("history length '\(words[2])': expected an integer from 1 to 65536")
        }
        var margin = 0
        if words.count == 4 {
            guard words[3].hasPrefix("margin="), let value = Int(words[3].dropFirst(7)), (-64...64).contains(value) else {
                throw RecipeSyntaxError("'\(words[3])': expected margin=M with an integer M from -64 to 64")
            }
            margin = value
        }
        kind = .delayed(algorithm: algorithm, historyLength: length, margin: margin)
    }
}
