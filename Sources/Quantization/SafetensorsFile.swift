import Foundation
import SoftFloat

/// Reads `.safetensors` files: an 8-byte little-endian header length N, N bytes of JSON
/// (`{"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, "__metadata__":
/// {…}}`), then the data buffer the offsets index. ``read(_:name:tensor:)`` reads one tensor
/// of a file in memory as a matrix (F32, F16, BF16, F64); ``tensors(_:name:)`` lists and checks
/// every tensor of a memory-mapped file for ``ModelFile``.
enum SafetensorsFile {
    static func read(_ bytes: [UInt8], name: String, tensor: String?) throws(MatrixInputError) -> (Matrix, String) {
        let parsed = bytes.withUnsafeBytes { raw in Result { () throws(MatrixInputError) in try headerObject(raw, name: name) } }
        let (header, headerEnd) = try parsed.get()
        let names = header.keys.filter { $0 != "__metadata__" }.sorted()
        let chosen: String
        if let tensor {
            guard header[tensor] != nil, tensor != "__metadata__" else {
                throw MatrixInputError(.missingTensor, location: name, "no tensor '\(tensor)'; the file has: \(names.joined(separator: ", "))")
            }
            chosen = tensor
        } else {
            guard names.count == 1 else {
                throw MatrixInputError(
                    .missingTensor, location: name,
                    names.isEmpty ? "the file holds no tensors" : "the file has \(names.count) tensors; pick one with --tensor NAME: \(names.joined(separator: ", "))")
            }
            chosen = names[0]
        }
        let location = "\(name): tensor '\(chosen)'"
        let (dtype, shape, offsets) = try entry(header[chosen], location: location)
        let format: FloatFormat
        let width: Int
        switch dtype {
        case "F32": (format, width) = (.float32, 4)
        case "F16": (format, width) = (.float16, 2)
        case "BF16": (format, width) = (.bfloat16, 2)
        case "F64": (format, width) = (.float64, 8)
        default:
            throw MatrixInputError(.unsupportedDtype, location: location, "unsupported dtype \(dtype); supported: F32, F16, BF16, F64")
        }
        let (rows, columns) = try BinaryTensor.matrixShape(shape, name: location)
        let expected = rows * columns * width
        guard offsets[1] - offsets[0] == expected else {
            throw MatrixInputError(.corrupt, location: location, "data_offsets [\(offsets[0]), \(offsets[1])] span \(offsets[1] - offsets[0]) bytes, but shape \(shape) of \(dtype) needs \(expected)")
        }
        guard headerEnd + offsets[1] <= bytes.count else {
            throw MatrixInputError(.truncated, location: location, "truncated data: the tensor ends at byte \(headerEnd + offsets[1]) of a \(bytes.count)-byte file")
        }
        let codes = BinaryTensor.littleEndianCodes(bytes, from: headerEnd + offsets[0], count: rows * columns, width: width)
        return (try! Matrix(rows: rows, columns: columns, format: format, codes: codes), chosen)
    }

    /// The 8-byte length and the JSON object after it, and where the data buffer starts.
    ///
    /// - Throws: ``MatrixInputError`` when the file is shorter than its header, the header is not
    ///   JSON, or the JSON is not an object.
    static func headerObject(_ bytes: UnsafeRawBufferPointer, name: String) throws(MatrixInputError) -> ([String: Any], Int) {
        guard bytes.count >= 8 else {
            throw MatrixInputError(.truncated, location: name, "truncated .safetensors file: \(bytes.count) bytes, fewer than the 8-byte header length")
        }
        let headerLength = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw MatrixInputError(.truncated, location: name, "truncated .safetensors header: it declares \(headerLength) bytes but only \(bytes.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
        } catch {
            throw MatrixInputError(.corrupt, location: name, "the header is not valid JSON")
        }
        guard let header = json as? [String: Any] else {
            throw MatrixInputError(.corrupt, location: name, "the header is not a JSON object")
        }
        return (header, headerEnd)
    }

    /// Every tensor of a (memory-mapped) file, sorted by name, with absolute offsets. Tensors of
    /// dtypes the lab does not decode (I64, U8, …) are listed as ``TensorDtype/unsupported(_:)``.
    ///
    ///     // {"b": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}} after an 8-byte length
    ///     try SafetensorsFile.tensors(bytes, name: "m.safetensors")[0].offset   // 8 + header length
    ///
    /// - Throws: ``MatrixInputError`` naming the file and tensor: an entry without dtype, shape or
    ///   data_offsets, a shape whose product overflows, a byte span that does not match the shape,
    ///   data beyond the end of the file, or two tensors sharing bytes.
    static func tensors(_ bytes: UnsafeRawBufferPointer, name: String) throws(MatrixInputError) -> [ModelTensor] {
        let (header, headerEnd) = try headerObject(bytes, name: name)
        var tensors: [ModelTensor] = []
        for tensorName in header.keys.sorted() where tensorName != "__metadata__" {
            let location = "\(name): tensor '\(tensorName)'"
            let (dtypeName, shape, offsets) = try entry(header[tensorName], location: location)
            let dtype = TensorDtype(safetensorsName: dtypeName)
            let shapeText = shape.map(String.init).joined(separator: "x")
            guard let count = ModelTensor.elementCount(shape) else {
                throw MatrixInputError(.corrupt, location: location, "shape \(shapeText) has too many elements (the product overflows)")
            }
            if dtype.isDecodable {
                let expected = dtype.byteCount(elements: count)
                guard offsets[1] - offsets[0] == expected else {
                    throw MatrixInputError(.corrupt, location: location, "data_offsets [\(offsets[0]), \(offsets[1])] span \(offsets[1] - offsets[0]) bytes, but shape \(shape) of \(dtypeName) needs \(expected.map(String.init) ?? "too many")")
                }
            }
            guard offsets[1] <= bytes.count - headerEnd else {
                throw MatrixInputError(.truncated, location: location, "truncated data: the tensor ends at byte \(headerEnd + offsets[1]) of a \(bytes.count)-byte file")
            }
            tensors.append(ModelTensor(name: tensorName, shape: shape, dtype: dtype, file: name,
                                       offset: headerEnd + offsets[0], byteCount: offsets[1] - offsets[0]))
        }
        try ModelTensor.checkDisjoint(tensors, file: name)
        return tensors
    }

    /// One header entry's `dtype`, `shape` and `data_offsets` [begin, end], checked: the one
    /// place both readers (one matrix, every tensor of a mapped file) validate an entry.
    static func entry(_ value: Any?, location: String) throws(MatrixInputError) -> (dtype: String, shape: [Int], offsets: [Int]) {
        guard let entry = value as? [String: Any] else {
            throw MatrixInputError(.corrupt, location: location, "the header entry is not an object")
        }
        guard let dtype = entry["dtype"] as? String else {
            throw MatrixInputError(.corrupt, location: location, "the header entry has no \"dtype\" string")
        }
        guard let shapeValues = entry["shape"] as? [Any], let shape = integers(shapeValues) else {
            throw MatrixInputError(.corrupt, location: location, "the header entry has no \"shape\" list of non-negative integers")
        }
        guard let offsetValues = entry["data_offsets"] as? [Any], let offsets = integers(offsetValues), offsets.count == 2, offsets[0] <= offsets[1] else {
            throw MatrixInputError(.corrupt, location: location, "the header entry has no valid \"data_offsets\" [begin, end]")
        }
        return (dtype, shape, offsets)
    }

    /// JSON numbers that are non-negative integers (below 2^50), or nil.
    static func integers(_ values: [Any]) -> [Int]? {
        var result: [Int] = []
        for value in values {
            guard let number = value as? NSNumber else { return nil }
            let double = number.doubleValue
            guard double >= 0, double < 1_125_899_906_842_624, double == double.rounded() else { return nil }
            result.append(Int(double))
        }
        return result
    }
}
