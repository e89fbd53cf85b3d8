import Foundation
@testable import Quantization

/// Writes small GGUF files for the reader tests, field by field as the GGUF spec lays them
/// out, so a test can also write them wrong on purpose.
struct GGUFWriter {
    struct Tensor {
        var name: [UInt8]
        var ne: [UInt64]
        var type: UInt32
        var offset: UInt64?
        var data: [UInt8]

        init(_ name: String, ne: [UInt64], type: UInt32, offset: UInt64? = nil, data: [UInt8]) {
            self.name = Array(name.utf8)
            self.ne = ne
            self.type = type
            self.offset = offset
            self.data = data
        }
    }

    var version: UInt32 = 3
    /// Raw key/value bytes after the key count (use ``keyValue(_:type:_:)``).
    var metadata: [[UInt8]] = []
    var tensors: [Tensor] = []
    var alignment = 32

    static func u32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
    static func u64(_ value: UInt64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }
    static func string(_ text: String) -> [UInt8] { u64(UInt64(text.utf8.count)) + Array(text.utf8) }
    static func keyValue(_ key: String, type: UInt32, _ value: [UInt8]) -> [UInt8] { string(key) + u32(type) + value }

    /// The file: header, metadata, tensor infos, padding to the alignment, then each tensor's
    /// data at its offset (by default packed in order, each aligned).
    var bytes: [UInt8] {
        var out = Array("GGUF".utf8) + Self.u32(version) + Self.u64(UInt64(tensors.count)) + Self.u64(UInt64(metadata.count))
        for entry in metadata { out += entry }
        var offsets: [UInt64] = []
        var next: UInt64 = 0
        for tensor in tensors {
            let offset = tensor.offset ?? next
            offsets.append(offset)
            next = max(next, (offset + UInt64(tensor.data.count) + UInt64(alignment) - 1) / UInt64(alignment) * UInt64(alignment))
        }
        for (tensor, offset) in zip(tensors, offsets) {
            out += Self.u64(UInt64(tensor.name.count)) + tensor.name + Self.u32(UInt32(tensor.ne.count))
            for dimension in tensor.ne { out += Self.u64(dimension) }
            out += Self.u32(tensor.type) + Self.u64(offset)
        }
        while out.count % alignment != 0 { out.append(0) }
        let dataStart = out.count
        for (tensor, offset) in zip(tensors, offsets) {
            let start = dataStart + Int(offset)
            if out.count < start + tensor.data.count { out += [UInt8](repeating: 0, count: start + tensor.data.count - out.count) }
            out.replaceSubrange(start..<start + tensor.data.count, with: tensor.data)
        }
        return out
    }
}
