import Foundation

/// A checkpoint opened for reading tensor by tensor: a `.safetensors` file, a sharded
/// safetensors checkpoint (its `model.safetensors.index.json`), or a `.gguf` file. Files are
/// memory-mapped, so only the tensor being read is resident.
///
///     let model = try ModelFile(path: "model.safetensors")
///     model.tensors.map(\.name)              // sorted by name (GGUF: file order)
///     let w = try model.values(of: model.tensors[0])   // float32, row-major
///
/// The format is decided by content: the `GGUF` magic, a JSON object with a `weight_map`
/// (a shard index), otherwise safetensors.
public struct ModelFile: Sendable {
    public enum Format: String, Sendable { case safetensors, gguf }

    public let path: String
    public let format: Format
    public let tensors: [ModelTensor]
    /// GGUF files: the parsed header (version, metadata, alignment).
    public let gguf: GGUFFile?
    let files: [String: MappedFile]

    /// Opens and validates a checkpoint; nothing of the tensor data is read yet.
    ///
    /// - Throws: ``MatrixInputError`` naming the file (and tensor) for anything malformed.
    public init(path: String) throws(MatrixInputError) {
        self.path = path
        let main = try MappedFile(path: path)
        if main.bytes.count >= 4, Array(main.bytes.prefix(4)) == GGUFFile.magic {
            let header = try GGUFFile(bytes: main.bytes, name: path)
            format = .gguf
            gguf = header
            tensors = header.tensors
            files = [path: main]
            return
        }
        format = .safetensors
        gguf = nil
        if path.hasSuffix(".json") || main.bytes.first == UInt8(ascii: "{") {
            (tensors, files) = try Self.openShards(index: main)
        } else {
            tensors = try SafetensorsFile.tensors(main.bytes, name: path)
            files = [path: main]
        }
    }

    /// Reads `model.safetensors.index.json` (`{"weight_map": {"tensor": "shard file", …}}`) and
    /// maps every shard it names (paths relative to the index's folder).
    static func openShards(index: MappedFile) throws(MatrixInputError) -> ([ModelTensor], [String: MappedFile]) {
        let name = index.path
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(index.bytes))
        } catch {
            throw MatrixInputError(.corrupt, location: name, "the shard index is not valid JSON")
        }
        guard let object = json as? [String: Any] else {
            throw MatrixInputError(.corrupt, location: name, "the shard index is not a JSON object")
        }
        guard let weightMap = object["weight_map"] as? [String: Any] else {
            throw MatrixInputError(.corrupt, location: name, "the shard index has no \"weight_map\" object")
        }
        var shardOf: [String: String] = [:]
        for (tensor, shard) in weightMap {
            guard let shard = shard as? String, !shard.isEmpty, !shard.contains("/") else {
                throw MatrixInputError(.corrupt, location: "\(name): tensor '\(tensor)'", "the weight_map entry is not a file name in the index's folder")
            }
            shardOf[tensor] = shard
        }
        let folder = (name as NSString).deletingLastPathComponent
        var files: [String: MappedFile] = [:]
        var tensors: [ModelTensor] = []
        for shard in Set(shardOf.values).sorted() {
            let shardPath = folder.isEmpty ? shard : folder + "/" + shard
            let file = try MappedFile(path: shardPath)
            files[shardPath] = file
            let listed = try SafetensorsFile.tensors(file.bytes, name: shardPath)
            let expected = Set(shardOf.filter { $0.value == shard }.keys)
            let present = Set(listed.map(\.name))
            if let missing = expected.subtracting(present).sorted().first {
                throw MatrixInputError(.missingTensor, location: "\(shardPath): tensor '\(missing)'", "the index \(name) places it in this shard, which does not hold it")
            }
            tensors += listed.filter { expected.contains($0.name) }
        }
        return (tensors.sorted { $0.name < $1.name }, files)
    }

    /// The tensor called `name`.
    ///
    /// - Throws: ``MatrixInputError`` (`missingTensor`) listing a few of the names there are.
    public func tensor(named name: String) throws(MatrixInputError) -> ModelTensor {
        guard let tensor = tensors.first(where: { $0.name == name }) else {
            let some = tensors.prefix(8).map(\.name).joined(separator: ", ")
            throw MatrixInputError(.missingTensor, location: path, "no tensor '\(name)'; the file has \(tensors.count) tensors: \(some)\(tensors.count > 8 ? ", …" : "")")
        }
        return tensor
    }

    /// The tensor's elements as float32, row-major: F32 as stored, F16/BF16/F64 converted
    /// exactly (F64 rounded to nearest), ggml block types through ``GGUFCodec/dequantize(_:rows:columns:type:)``,
    /// bit for bit ggml's `dequantize_row_*`.
    ///
    /// - Throws: ``MatrixInputError`` (`unsupportedDtype`) for a dtype the lab does not decode.
    public func values(of tensor: ModelTensor) throws(MatrixInputError) -> [Float] {
        guard let file = files[tensor.file] else {
            throw MatrixInputError(.missingTensor, location: tensor.location, "the tensor does not belong to \(path)")
        }
        let raw = UnsafeRawBufferPointer(rebasing: file.bytes[tensor.offset..<tensor.offset + tensor.byteCount])
        defer { file.release(tensor.offset..<tensor.offset + tensor.byteCount) }
        let count = tensor.count
        switch tensor.dtype {
        case .float32:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
                }
                initialized = count
            }
        case .float16:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self))))
                }
                initialized = count
            }
        case .bfloat16:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    let bits = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self))
                    buffer[index] = Float(bitPattern: UInt32(bits) << 16)
                }
                initialized = count
            }
        case .float64:
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))))
                }
                initialized = count
            }
        case .gguf(let type):
            do {
                return try GGUFCodec.dequantize(Array(raw), rows: tensor.rows, columns: tensor.columns, type: type)
            } catch {
                throw MatrixInputError(.corrupt, location: tensor.location, "\(error)")
            }
        case .unsupported(let name):
            throw MatrixInputError(.unsupportedDtype, location: tensor.location, "unsupported dtype \(name); the lab decodes F32, F16, BF16, F64 and the ggml block types")
        }
    }

    /// Writes the tensor's float32 values as a little-endian `.npy` with the tensor's own numpy
    /// shape (a 1-D tensor of 2 is `(2,)`, a 2×3×4 tensor `(2, 3, 4)`), atomically.
    public func dump(_ tensor: ModelTensor, to output: String) throws(MatrixInputError) {
        let values = try values(of: tensor)
        do {
            try AtomicFileWriter.write(Data(NumpyFile.float32File(values, shape: tensor.shape)), to: output)
        } catch {
            throw MatrixInputError(error, output: output)
        }
    }
}
