/// How a checkpoint stores a tensor's elements.
///
///     TensorDtype(safetensorsName: "BF16")   // .bfloat16
///     TensorDtype.gguf(.q4_K).description    // "Q4_K"
///     TensorDtype.unsupported("I64").isFloatingPoint   // false
public enum TensorDtype: Sendable, Hashable, CustomStringConvertible {
    case float32, float16, bfloat16, float64
    /// A ggml block type, decoded by ``GGUFCodec``.
    case gguf(GGUFType)
    /// A dtype the lab does not decode (integer tensors, unknown names): listed, never analysed.
    case unsupported(String)

    /// The safetensors spelling: `F32`, `F16`, `BF16`, `F64`; anything else is `unsupported`.
    public init(safetensorsName name: String) {
        switch name {
        case "F32": self = .float32
        case "F16": self = .float16
        case "BF16": self = .bfloat16
        case "F64": self = .float64
        default: self = .unsupported(name)
        }
    }

    /// ggml's `GGML_TYPE_*` number: F32 = 0, F16 = 1, BF16 = 30, the block types
    /// (``GGUFType/ggmlTypeID``); nil for a number the lab does not know.
    public init?(ggmlTypeID id: UInt32) {
        switch id {
        case 0: self = .float32
        case 1: self = .float16
        case 30: self = .bfloat16
        case 28: self = .float64
        default:
            guard let type = GGUFType.allCases.first(where: { $0.ggmlTypeID == Int(id) }) else { return nil }
            self = .gguf(type)
        }
    }

    /// `F32`, `F16`, `BF16`, `F64`, ggml's name in capitals (`Q4_K`, `IQ4_XS`), or the unsupported name.
    public var description: String {
        switch self {
        case .float32: return "F32"
        case .float16: return "F16"
        case .bfloat16: return "BF16"
        case .float64: return "F64"
        case .gguf(let type): return type.rawValue.uppercased()
        case .unsupported(let name): return name
        }
    }

    /// Whether the lab can decode it to float32.
    public var isDecodable: Bool {
        if case .unsupported = self { return false }
        return true
    }

    /// Whether it holds real numbers (every decodable dtype does).
    public var isFloatingPoint: Bool { isDecodable }

    /// Bytes of `count` elements (nil for unsupported dtypes; for ggml block types, count must be
    /// a multiple of the block).
    public func byteCount(elements count: Int) -> Int? {
        switch self {
        case .float32: return count.multipliedReportingOverflow(by: 4).overflow ? nil : count * 4
        case .float16, .bfloat16: return count.multipliedReportingOverflow(by: 2).overflow ? nil : count * 2
        case .float64: return count.multipliedReportingOverflow(by: 8).overflow ? nil : count * 8
        case .gguf(let type):
            guard count % type.blockElements == 0 else { return nil }
            return (count / type.blockElements).multipliedReportingOverflow(by: type.blockBytes).overflow ? nil : count / type.blockElements * type.blockBytes
        case .unsupported: return nil
        }
    }
}
