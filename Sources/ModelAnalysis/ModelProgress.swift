/// Where a model report stands: called after each tensor.
public struct ModelProgress: Sendable, Hashable {
    /// Tensors done, of `total`.
    public let done: Int
    public let total: Int
    /// Bytes of tensor data done, of `totalBytes`.
    public let bytes: Int
    public let totalBytes: Int
    /// The tensor just finished.
    public let tensor: String
}
