import Foundation
import Testing
@testable import Quantization

/// `SafetensorsFile.tensors` on mapped files, and sharded checkpoints through their index.
@Suite struct SafetensorsModelTests {
    static func safetensors(_ json: String, data: [UInt8]) -> [UInt8] {
        let header = Array(json.utf8)
        return GGUFWriter.u64(UInt64(header.count)) + header + data
    }

    static func folder() -> String {
        let folder = NSTemporaryDirectory() + "safetensors-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func tensors(_ bytes: [UInt8], name: String = "m.safetensors") throws(MatrixInputError) -> [ModelTensor] {
        try bytes.withUnsafeBytes { raw in Result { () throws(MatrixInputError) in try SafetensorsFile.tensors(raw, name: name) } }.get()
    }

    static let twoTensors = safetensors(
        #"{"__metadata__": {"format": "pt"}, "w": {"dtype": "F32", "shape": [2, 1], "data_offsets": [0, 8]}, "ids": {"dtype": "I64", "shape": [1], "data_offsets": [8, 16]}, "b": {"dtype": "BF16", "shape": [2], "data_offsets": [16, 20]}}"#,
        data: GGUFFileTests.float32Bytes([0.5, -2]) + GGUFWriter.u64(7) + [0x80, 0x3f, 0x40, 0xc0])

    @Test func listsEveryTensor() throws {
        let list = try Self.tensors(Self.twoTensors)
        #expect(list.map(\.name) == ["b", "ids", "w"])
        #expect(list.map(\.dtype) == [.bfloat16, .unsupported("I64"), .float32])
        let headerEnd = Self.twoTensors.count - 20
        #expect(list[2].offset == headerEnd)
        #expect(list[0].offset == headerEnd + 16)
        let path = Self.folder() + "/two.safetensors"
        FileManager.default.createFile(atPath: path, contents: Data(Self.twoTensors))
        let model = try ModelFile(path: path)
        #expect(try model.values(of: model.tensor(named: "w")) == [0.5, -2])
        #expect(try model.values(of: model.tensor(named: "b")) == [1, -3])
        #expect(throws: MatrixInputError(.unsupportedDtype, location: "\(path): tensor 'ids'", "unsupported dtype I64; the lab decodes F32, F16, BF16, F64 and the ggml block types")) {
            try model.values(of: model.tensor(named: "ids"))
        }
        let output = Self.folder() + "/w.npy"
        try model.dump(model.tensor(named: "w"), to: output)
        let read = try MatrixReader.read(path: output, format: .float32)
        #expect(read.matrix.doubleValues == [0.5, -2])
        #expect(read.matrix.rows == 2)
    }

    /// `--dump` keeps the tensor's numpy shape; the header text is what `np.save` writes for
    /// that shape (a 1-tuple keeps its trailing comma).
    @Test(arguments: [
        ([2], "(2,)"),
        ([2, 1], "(2, 1)"),
        ([1, 2, 1], "(1, 2, 1)"),
    ])
    func dumpKeepsTheShape(shape: [Int], tuple: String) throws {
        let shapeJSON = "[" + shape.map(String.init).joined(separator: ", ") + "]"
        let bytes = Self.safetensors(#"{"t": {"dtype": "F32", "shape": \#(shapeJSON), "data_offsets": [0, 8]}}"#,
                                     data: GGUFFileTests.float32Bytes([0.5, -2]))
        let folder = Self.folder()
        FileManager.default.createFile(atPath: folder + "/t.safetensors", contents: Data(bytes))
        let model = try ModelFile(path: folder + "/t.safetensors")
        try model.dump(model.tensor(named: "t"), to: folder + "/t.npy")
        let file = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/t.npy")))
        let header = String(decoding: file[10..<(file.count - 8)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': \(tuple), }"))
        #expect(file.count % 64 == 8)
        #expect(Array(file.suffix(8)) == [0x00, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0xc0])
        let (matrix, readShape) = try NumpyFile.read(file, name: "t.npy")
        #expect(readShape == shape)
        #expect(matrix.doubleValues == [0.5, -2])
    }

    @Test func shardedCheckpoint() throws {
        let folder = Self.folder()
        let first = Self.safetensors(#"{"a": {"dtype": "F32", "shape": [1, 2], "data_offsets": [0, 8]}}"#, data: GGUFFileTests.float32Bytes([1, 2]))
        let second = Self.safetensors(#"{"c": {"dtype": "F16", "shape": [1, 1], "data_offsets": [0, 2]}, "z": {"dtype": "F32", "shape": [1], "data_offsets": [2, 6]}}"#,
                                      data: [0x00, 0x3c] + GGUFFileTests.float32Bytes([9]))
        FileManager.default.createFile(atPath: folder + "/model-00001-of-00002.safetensors", contents: Data(first))
        FileManager.default.createFile(atPath: folder + "/model-00002-of-00002.safetensors", contents: Data(second))
        let index = #"{"metadata": {"total_size": 14}, "weight_map": {"a": "model-00001-of-00002.safetensors", "c": "model-00002-of-00002.safetensors", "z": "model-00002-of-00002.safetensors"}}"#
        FileManager.default.createFile(atPath: folder + "/model.safetensors.index.json", contents: Data(index.utf8))
        let model = try ModelFile(path: folder + "/model.safetensors.index.json")
        #expect(model.tensors.map(\.name) == ["a", "c", "z"])
        #expect(model.tensors[1].file == folder + "/model-00002-of-00002.safetensors")
        #expect(try model.values(of: model.tensor(named: "a")) == [1, 2])
        #expect(try model.values(of: model.tensor(named: "c")) == [1])
        #expect(try model.values(of: model.tensor(named: "z")) == [9])

        let missing = #"{"weight_map": {"q": "model-00001-of-00002.safetensors"}}"#
        FileManager.default.createFile(atPath: folder + "/bad.index.json", contents: Data(missing.utf8))
        #expect(throws: MatrixInputError(.missingTensor, location: "\(folder)/model-00001-of-00002.safetensors: tensor 'q'",
                                         "the index \(folder)/bad.index.json places it in this shard, which does not hold it")) {
            try ModelFile(path: folder + "/bad.index.json")
        }
        FileManager.default.createFile(atPath: folder + "/gone.index.json", contents: Data(#"{"weight_map": {"q": "nothere.safetensors"}}"#.utf8))
        #expect(throws: MatrixInputError(.unreadable, location: "\(folder)/nothere.safetensors", "no such file")) {
            try ModelFile(path: folder + "/gone.index.json")
        }
        FileManager.default.createFile(atPath: folder + "/list.index.json", contents: Data("[1, 2]".utf8))
        #expect(throws: MatrixInputError(.corrupt, location: "\(folder)/list.index.json", "the shard index is not a JSON object")) {
            try ModelFile(path: folder + "/list.index.json")
        }
    }

    struct BadHeader: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var message: String
        var testDescription: String { label }
    }

    static let badHeaders: [BadHeader] = [
        BadHeader(label: "not an object", bytes: safetensors("[1, 2]", data: []), message: "m.safetensors: the header is not a JSON object"),
        BadHeader(label: "overlap", bytes: safetensors(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}"#, data: [UInt8](repeating: 0, count: 8)),
                  message: "m.safetensors: tensor 'b': its data (bytes"),
        BadHeader(label: "beyond the file", bytes: safetensors(#"{"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}"#, data: [0, 0, 0, 0]),
                  message: "m.safetensors: tensor 'a': truncated data"),
        BadHeader(label: "shape overflow", bytes: safetensors(#"{"a": {"dtype": "F32", "shape": [1000000000000, 1000000000000], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
                  message: "m.safetensors: tensor 'a': shape 1000000000000x1000000000000 has too many elements"),
        BadHeader(label: "span", bytes: safetensors(#"{"a": {"dtype": "BF16", "shape": [3], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
                  message: "m.safetensors: tensor 'a': data_offsets [0, 4] span 4 bytes, but shape [3] of BF16 needs 6"),
        BadHeader(label: "entry not an object", bytes: safetensors(#"{"a": 3}"#, data: []), message: "m.safetensors: tensor 'a': the header entry is not an object"),
        BadHeader(label: "non-UTF-8 name", bytes: GGUFWriter.u64(8) + [0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d, 0x20], message: "m.safetensors: the header is not valid JSON"),
        BadHeader(label: "header length", bytes: GGUFWriter.u64(1 << 62) + [0x7b, 0x7d], message: "m.safetensors: truncated .safetensors header"),
    ]

    @Test(arguments: badHeaders) func badHeader(_ bad: BadHeader) {
        do {
            _ = try Self.tensors(bad.bytes)
            Issue.record("\(bad.label): parsed")
        } catch {
            #expect(error.description.hasPrefix(bad.message), "\(error)")
        }
    }

    @Test func truncations() {
        for length in 0..<Self.twoTensors.count where length != Self.twoTensors.count {
            // Cutting the data keeps the header valid; the checks must still refuse it.
            #expect(throws: MatrixInputError.self) { try Self.tensors(Array(Self.twoTensors.prefix(length))) }
        }
    }
}
