/// Reads the structure of a GGUF file (llama.cpp / ggml), versions 2 and 3: the header, every
/// metadata key/value and the tensor infos; the tensor data stays in the mapped file.
///
/// Layout (little-endian): magic `GGUF`, version (u32), tensor count (u64), metadata count
/// (u64); each key/value is a string (u64 length + UTF-8 bytes), a type (u32) and the value
/// (arrays: element type u32, count u64, elements); each tensor info is a name, the number of
/// dimensions (u32, at most 4), the dimensions ne[0], ne[1], … (u64, ne[0] fastest), the ggml
/// type (u32) and the offset (u64) into the data section, which starts at the next multiple of
/// `general.alignment` (default 32) after the infos.
///
///     let file = try GGUFFile(bytes: mapped.bytes, name: "tiny.gguf")
///     file.version                 // 3
///     file.tensors[0].shape        // [1536, 384] for ne = [384, 1536]
///     file.metadata["general.alignment"]   // .uint32(32), when present
///
/// Every inconsistency is a ``MatrixInputError`` naming the file, the key or tensor and the
/// byte where reading failed: lengths beyond the file, unknown value or tensor types, more than
/// 4 dimensions, shapes whose product overflows, a row length that is not a multiple of the
/// block, offsets that are unaligned, out of range or overlapping, non-UTF-8 or duplicate names.
public struct GGUFFile: Sendable {
    public static let magic: [UInt8] = Array("GGUF".utf8)

    public let name: String
    public let version: Int
    /// Metadata keys in file order.
    public let metadataKeys: [String]
    public let metadata: [String: GGUFMetadataValue]
    /// Tensors in file order, with absolute offsets.
    public let tensors: [ModelTensor]
    public let alignment: Int
    /// Where the data section starts (absolute).
    public let dataOffset: Int

    public init(bytes: UnsafeRawBufferPointer, name: String) throws(MatrixInputError) {
        self.name = name
        var reader = Cursor(bytes: bytes, name: name)
        guard bytes.count >= 4, Array(bytes.prefix(4)) == Self.magic else {
            throw MatrixInputError(.corrupt, location: name, "not a GGUF file: it does not start with the magic bytes 'GGUF'")
        }
        reader.position = 4
        let version = try reader.u32("the version")
        guard version == 2 || version == 3 else {
            throw MatrixInputError(.corrupt, location: name, "unsupported GGUF version \(version); versions 2 and 3 are read")
        }
        self.version = Int(version)
        let tensorCount = try reader.u64("the tensor count")
        let keyCount = try reader.u64("the metadata count")
        // Each key/value takes at least 12 bytes and each tensor info at least 24: a count
        // beyond what the file can hold is caught before anything is allocated.
        guard keyCount <= UInt64(bytes.count / 12), tensorCount <= UInt64(bytes.count / 24) else {
            throw MatrixInputError(.truncated, location: name, "the header declares \(tensorCount) tensors and \(keyCount) metadata entries, more than a \(bytes.count)-byte file can hold")
        }
        var keys: [String] = []
        var metadata: [String: GGUFMetadataValue] = [:]
        for index in 0..<Int(keyCount) {
            let key = try reader.string("metadata key #\(index)")
            guard metadata[key] == nil else {
                throw MatrixInputError(.corrupt, location: name, "duplicate metadata key '\(key)'")
            }
            let value = try reader.value(key: key)
            keys.append(key)
            metadata[key] = value
        }
        metadataKeys = keys
        self.metadata = metadata
        var alignment = 32
        if let value = metadata["general.alignment"] {
            guard case .uint32(let declared) = value, declared > 0, declared & (declared - 1) == 0 else {
                throw MatrixInputError(.corrupt, location: name, "general.alignment must be a uint32 power of two, got \(value)")
            }
            alignment = Int(declared)
        }
        self.alignment = alignment
        struct Info { var name: String; var shape: [Int]; var dtype: TensorDtype; var offset: UInt64 }
        var infos: [Info] = []
        var seen: Set<String> = []
        for index in 0..<Int(tensorCount) {
            let tensorName = try reader.string("the name of tensor #\(index)")
            let location = "\(name): tensor '\(tensorName)'"
            guard seen.insert(tensorName).inserted else {
                throw MatrixInputError(.corrupt, location: location, "duplicate tensor name")
            }
            let dimensionCount = try reader.u32("the dimension count of tensor '\(tensorName)'")
            guard (1...4).contains(dimensionCount) else {
                throw MatrixInputError(.corrupt, location: location, "\(dimensionCount) dimensions; ggml tensors have 1 to 4")
            }
            var ne: [Int] = []
            for _ in 0..<dimensionCount {
                let dimension = try reader.u64("the dimensions of tensor '\(tensorName)'")
                guard dimension < 1 << 48 else {
                    throw MatrixInputError(.corrupt, location: location, "dimension \(dimension) is too large")
                }
                ne.append(Int(dimension))
            }
            let typeID = try reader.u32("the type of tensor '\(tensorName)'")
            guard let dtype = TensorDtype(ggmlTypeID: typeID) else {
                throw MatrixInputError(.unsupportedDtype, location: location, "unknown ggml type \(typeID)")
            }
            let offset = try reader.u64("the offset of tensor '\(tensorName)'")
            infos.append(Info(name: tensorName, shape: Array(ne.reversed()), dtype: dtype, offset: offset))
        }
        let end = reader.position
        dataOffset = (end + alignment - 1) / alignment * alignment
        var tensors: [ModelTensor] = []
        for info in infos {
            let location = "\(name): tensor '\(info.name)'"
            let shapeText = info.shape.map(String.init).joined(separator: "x")
            guard let count = ModelTensor.elementCount(info.shape) else {
                throw MatrixInputError(.corrupt, location: location, "shape \(shapeText) has too many elements (the product overflows)")
            }
            if case .gguf(let type) = info.dtype, info.shape.last! % type.blockElements != 0 {
                throw MatrixInputError(.corrupt, location: location, "rows of \(info.shape.last!) elements are not a multiple of \(info.dtype)'s block of \(type.blockElements)")
            }
            guard let byteCount = info.dtype.byteCount(elements: count) else {
                throw MatrixInputError(.corrupt, location: location, "shape \(shapeText) of \(info.dtype) has too many bytes")
            }
            guard info.offset % UInt64(alignment) == 0 else {
                throw MatrixInputError(.corrupt, location: location, "data offset \(info.offset) is not a multiple of the alignment \(alignment)")
            }
            guard info.offset <= UInt64(bytes.count), UInt64(dataOffset) + info.offset + UInt64(byteCount) <= UInt64(bytes.count) else {
                throw MatrixInputError(.truncated, location: location, "the data (\(byteCount) bytes at offset \(info.offset) of the data section at byte \(dataOffset)) runs past the end of the \(bytes.count)-byte file")
            }
            tensors.append(ModelTensor(name: info.name, shape: info.shape, dtype: info.dtype, file: name,
                                       offset: dataOffset + Int(info.offset), byteCount: byteCount))
        }
        try ModelTensor.checkDisjoint(tensors, file: name)
        self.tensors = tensors
    }

    /// Reads little-endian values and GGUF strings, checking every length against the file.
    struct Cursor {
        let bytes: UnsafeRawBufferPointer
        let name: String
        var position = 0

        mutating func take(_ count: Int, _ what: String) throws(MatrixInputError) -> UnsafeRawBufferPointer {
            guard count >= 0, count <= bytes.count - position else {
                throw MatrixInputError(.truncated, location: name, "truncated at byte \(position) reading \(what): \(count) bytes needed, \(bytes.count - position) left")
            }
            defer { position += count }
            return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
        }

        mutating func integer<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(MatrixInputError) -> T {
            let raw = try take(MemoryLayout<T>.size, what)
            return T(littleEndian: raw.loadUnaligned(as: T.self))
        }

        mutating func u32(_ what: String) throws(MatrixInputError) -> UInt32 { try integer(UInt32.self, what) }
        mutating func u64(_ what: String) throws(MatrixInputError) -> UInt64 { try integer(UInt64.self, what) }

        mutating func string(_ what: String) throws(MatrixInputError) -> String {
            let start = position
            let length = try u64("the length of \(what)")
            guard length <= UInt64(bytes.count - position) else {
                throw MatrixInputError(.truncated, location: name, "\(what) at byte \(start) declares \(length) bytes but only \(bytes.count - position) follow")
            }
            let raw = try take(Int(length), what)
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw MatrixInputError(.corrupt, location: name, "\(what) at byte \(start) is not valid UTF-8")
            }
            return text
        }

        mutating func value(key: String) throws(MatrixInputError) -> GGUFMetadataValue {
            let typeID = try u32("the type of metadata '\(key)'")
            guard let type = GGUFMetadataValue.ValueType(rawValue: typeID) else {
                throw MatrixInputError(.corrupt, location: name, "metadata '\(key)' has unknown value type \(typeID)")
            }
            return try value(of: type, key: key, depth: 0)
        }

        mutating func value(of type: GGUFMetadataValue.ValueType, key: String, depth: Int) throws(MatrixInputError) -> GGUFMetadataValue {
            let what = "metadata '\(key)'"
            switch type {
            case .uint8: return .uint8(try integer(UInt8.self, what))
            case .int8: return .int8(try integer(Int8.self, what))
            case .uint16: return .uint16(try integer(UInt16.self, what))
            case .int16: return .int16(try integer(Int16.self, what))
            case .uint32: return .uint32(try integer(UInt32.self, what))
            case .int32: return .int32(try integer(Int32.self, what))
            case .uint64: return .uint64(try integer(UInt64.self, what))
            case .int64: return .int64(try integer(Int64.self, what))
            case .float32: return .float32(Float(bitPattern: try integer(UInt32.self, what)))
            case .float64: return .float64(Double(bitPattern: try integer(UInt64.self, what)))
            case .bool:
                let byte = try integer(UInt8.self, what)
                guard byte <= 1 else { throw MatrixInputError(.corrupt, location: name, "\(what): bool byte \(byte) is neither 0 nor 1") }
                return .bool(byte == 1)
            case .string: return .string(try string(what))
            case .array:
                guard depth == 0 else {
                    throw MatrixInputError(.corrupt, location: name, "\(what): arrays nested more than two deep")
                }
                let elementID = try u32("the element type of \(what)")
                guard let element = GGUFMetadataValue.ValueType(rawValue: elementID) else {
                    throw MatrixInputError(.corrupt, location: name, "\(what): unknown array element type \(elementID)")
                }
                let count = try u64("the length of \(what)")
                // Every element takes at least one byte (strings and arrays at least 8).
                let least = UInt64(element.width ?? 8)
                guard count <= UInt64(bytes.count - position) / least else {
                    throw MatrixInputError(.truncated, location: name, "\(what): an array of \(count) elements does not fit in the \(bytes.count - position) bytes left")
                }
                var values: [GGUFMetadataValue] = []
                values.reserveCapacity(Int(count))
                for _ in 0..<Int(count) { values.append(try value(of: element, key: key, depth: depth + 1)) }
                return .array(element, values)
            }
        }
    }
}
