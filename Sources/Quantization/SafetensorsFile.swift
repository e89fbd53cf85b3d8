import Foundation
import SoftFloat

/// Reads one tensor of a `.safetensors` file: an 8-byte little-endian header length N, N bytes
/// of JSON (`{"w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}, "__metadata__":
/// {…}}`), then the data buffer the offsets index. F32, F16, BF16 and F64 are read.
enum SafetensorsFile {
    static func read(_ bytes: [UInt8], name: String, tensor: String?) throws(MatrixInputError) -> (Matrix, String) {
        func corrupt(_ message: String) -> MatrixInputError { MatrixInputError(.corrupt, location: name, message) }
        guard bytes.count >= 8 else {
            throw MatrixInputError(.truncated, location: name, "truncated .safetensors file: \(bytes.count) bytes, fewer than the 8-byte header length")
        }
        var headerLength: UInt64 = 0
        for byte in 0..<8 { headerLength |= UInt64(bytes[byte]) << UInt64(8 * byte) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw MatrixInputError(.truncated, location: name, "truncated .safetensors header: it declares \(headerLength) bytes but only \(bytes.count - 8) follow")
        }
        let headerEnd = 8 + Int(headerLength)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
        } catch {
            throw corrupt("the header is not valid JSON")
        }
        guard let header = json as? [String: Any] else { throw corrupt("the header is not a JSON object") }
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
        guard let entry = header[chosen] as? [String: Any] else {
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
