/// One tensor of a checkpoint: its name, shape, dtype and where its bytes are.
///
/// The shape is in numpy order (slowest dimension first): a GGUF tensor with ne = [384, 1536]
/// (ne[0] fastest) has shape [1536, 384], 1536 rows of 384 columns.
///
///     let t = ModelTensor(name: "w", shape: [2, 3, 4], dtype: .float32, file: "m.safetensors", offset: 128, byteCount: 96)
///     t.count     // 24
///     t.rows      // 6 (every dimension but the last)
///     t.columns   // 4
///     t.shapeText // "2x3x4"
public struct ModelTensor: Sendable, Hashable {
    public let name: String
    public let shape: [Int]
    public let dtype: TensorDtype
    /// The file holding the bytes (a shard of a sharded checkpoint).
    public let file: String
    /// The first byte, from the start of the file.
    public let offset: Int
    public let byteCount: Int

    public init(name: String, shape: [Int], dtype: TensorDtype, file: String, offset: Int, byteCount: Int) {
        self.name = name
        self.shape = shape
        self.dtype = dtype
        self.file = file
        self.offset = offset
        self.byteCount = byteCount
    }

    /// The number of elements (1 for a scalar).
    public var count: Int { shape.reduce(1, *) }
    /// The matrix view's rows: the product of every dimension but the last (1 for 0-D and 1-D).
    public var rows: Int { shape.dropLast().reduce(1, *) }
    /// The matrix view's columns: the last dimension (1 for a scalar).
    public var columns: Int { shape.last ?? 1 }
    /// `384x1536`; a scalar is `scalar`.
    public var shapeText: String { shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "x") }
    /// `file: tensor 'name'`, the location every message about this tensor starts with.
    public var location: String { "\(file): tensor '\(name)'" }

    /// The product of `shape`, or nil when it overflows or reaches 2^48 elements.
    static func elementCount(_ shape: [Int]) -> Int? {
        var product = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (next, overflow) = product.multipliedReportingOverflow(by: dimension)
            guard !overflow, next < 1 << 48 else { return nil }
            product = next
        }
        return product
    }
}
