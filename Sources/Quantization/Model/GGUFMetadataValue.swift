/// One metadata value of a GGUF file, with the type it was stored as (GGUF's
/// `gguf_metadata_value_type`: 0 UINT8 … 12 FLOAT64).
///
///     GGUFMetadataValue.uint32(32).integer          // 32
///     GGUFMetadataValue.string("llama").description // "llama"
///     GGUFMetadataValue.array(.int32, [.int32(1), .int32(2)]).description  // "[1, 2]"
public indirect enum GGUFMetadataValue: Sendable, Hashable, CustomStringConvertible {
    /// GGUF's value type numbers.
    public enum ValueType: UInt32, Sendable, Hashable {
        case uint8 = 0, int8, uint16, int16, uint32, int32, float32, bool, string, array, uint64, int64, float64

        /// Bytes of one value of a fixed-width type (nil for string and array).
        var width: Int? {
            switch self {
            case .uint8, .int8, .bool: return 1
            case .uint16, .int16: return 2
            case .uint32, .int32, .float32: return 4
            case .uint64, .int64, .float64: return 8
            case .string, .array: return nil
            }
        }
    }

    case uint8(UInt8), int8(Int8), uint16(UInt16), int16(Int16), uint32(UInt32), int32(Int32)
    case float32(Float), bool(Bool), string(String)
    /// The element type and the elements.
    case array(ValueType, [GGUFMetadataValue])
    case uint64(UInt64), int64(Int64), float64(Double)

    /// The value as an integer, for the integer types (nil otherwise or when it does not fit an Int).
    public var integer: Int? {
        switch self {
        case .uint8(let v): return Int(v)
        case .int8(let v): return Int(v)
        case .uint16(let v): return Int(v)
        case .int16(let v): return Int(v)
        case .uint32(let v): return Int(v)
        case .int32(let v): return Int(v)
        case .uint64(let v): return Int(exactly: v)
        case .int64(let v): return Int(v)
        default: return nil
        }
    }

    /// The value as `gguf-dump` prints it; arrays longer than 8 elements are abbreviated.
    public var description: String {
        switch self {
        case .uint8(let v): return "\(v)"
        case .int8(let v): return "\(v)"
        case .uint16(let v): return "\(v)"
        case .int16(let v): return "\(v)"
        case .uint32(let v): return "\(v)"
        case .int32(let v): return "\(v)"
        case .uint64(let v): return "\(v)"
        case .int64(let v): return "\(v)"
        case .float32(let v): return "\(v)"
        case .float64(let v): return "\(v)"
        case .bool(let v): return "\(v)"
        case .string(let v): return v
        case .array(_, let values):
            let shown = values.prefix(8).map(\.description).joined(separator: ", ")
            return values.count > 8 ? "[\(shown), … (\(values.count) elements)]" : "[\(shown)]"
        }
    }
}
