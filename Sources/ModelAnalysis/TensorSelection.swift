import Quantization

/// Which tensors a model report analyses: by default the floating-point tensors with at least
/// two dimensions (embeddings and linear weights); with a pattern, every decodable tensor whose
/// name the regular expression matches somewhere (`--tensors 'layer\.0\..*weight'`).
public struct TensorSelection: Sendable {
    public let pattern: String?

    /// - Throws: ``ModelSchemeError`` when the pattern is not a valid regular expression.
    public init(pattern: String?) throws(ModelSchemeError) {
        if let pattern {
            do { _ = try Regex(pattern) } catch {
                throw ModelSchemeError(text: pattern, reason: "not a valid regular expression: \(error)")
            }
        }
        self.pattern = pattern
    }

    public func selects(_ tensor: ModelTensor) -> Bool {
        guard tensor.dtype.isFloatingPoint, tensor.count > 0 else { return false }
        guard let pattern else { return tensor.shape.count >= 2 }
        // Validated in init.
        let regex = try! Regex(pattern)
        return tensor.name.contains(regex)
    }
}
