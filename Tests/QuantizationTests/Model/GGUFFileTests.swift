import Foundation
import SoftFloat
import Testing
@testable import Quantization

@Suite struct GGUFFileTests {
    static func parse(_ bytes: [UInt8], name: String = "t.gguf") throws(MatrixInputError) -> GGUFFile {
        try bytes.withUnsafeBytes { raw in Result { () throws(MatrixInputError) in try GGUFFile(bytes: raw, name: name) } }.get()
    }

    static func temporaryFile(_ bytes: [UInt8], name: String) -> String {
        let folder = NSTemporaryDirectory() + "gguf-tests-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func float32Bytes(_ values: [Float]) -> [UInt8] { values.flatMap { GGUFWriter.u32($0.bitPattern) } }

    /// A 2 × 3 float32 tensor (ne = [3, 2]), every metadata type, and a 1-D F16 tensor.
    static var sample: GGUFWriter {
        var writer = GGUFWriter()
        writer.metadata = [
            GGUFWriter.keyValue("general.architecture", type: 8, GGUFWriter.string("llama")),
            GGUFWriter.keyValue("u8", type: 0, [200]),
            GGUFWriter.keyValue("i8", type: 1, [0xff]),
            GGUFWriter.keyValue("u16", type: 2, [0x34, 0x12]),
            GGUFWriter.keyValue("i16", type: 3, [0xfe, 0xff]),
            GGUFWriter.keyValue("u32", type: 4, GGUFWriter.u32(70000)),
            GGUFWriter.keyValue("i32", type: 5, GGUFWriter.u32(UInt32(bitPattern: -5))),
            GGUFWriter.keyValue("f32", type: 6, GGUFWriter.u32(Float(1.5).bitPattern)),
            GGUFWriter.keyValue("bool", type: 7, [1]),
            GGUFWriter.keyValue("u64", type: 10, GGUFWriter.u64(1 << 40)),
            GGUFWriter.keyValue("i64", type: 11, GGUFWriter.u64(UInt64(bitPattern: -7))),
            GGUFWriter.keyValue("f64", type: 12, GGUFWriter.u64(Double(0.25).bitPattern)),
            GGUFWriter.keyValue("tokens", type: 9, GGUFWriter.u32(8) + GGUFWriter.u64(2) + GGUFWriter.string("a") + GGUFWriter.string("bé")),
            GGUFWriter.keyValue("ids", type: 9, GGUFWriter.u32(5) + GGUFWriter.u64(3) + GGUFWriter.u32(1) + GGUFWriter.u32(2) + GGUFWriter.u32(3)),
        ]
        writer.tensors = [
            .init("w", ne: [3, 2], type: 0, data: float32Bytes([1, 2, 3, 4, 5, -6])),
            .init("h", ne: [2], type: 1, data: [0x00, 0x3c, 0x00, 0xc4]),
            .init("b", ne: [2, 1], type: 30, data: [0x80, 0x3f, 0x40, 0xc0]),
        ]
        return writer
    }

    @Test(arguments: [UInt32(2), 3]) func headerMetadataAndTensors(version: UInt32) throws {
        var writer = Self.sample
        writer.version = version
        let file = try Self.parse(writer.bytes)
        #expect(file.version == Int(version))
        #expect(file.alignment == 32)
        #expect(file.metadataKeys.first == "general.architecture")
        #expect(file.metadata["general.architecture"] == .string("llama"))
        #expect(file.metadata["u8"] == .uint8(200))
        #expect(file.metadata["i8"] == .int8(-1))
        #expect(file.metadata["u16"] == .uint16(0x1234))
        #expect(file.metadata["i16"] == .int16(-2))
        #expect(file.metadata["u32"] == .uint32(70000))
        #expect(file.metadata["i32"] == .int32(-5))
        #expect(file.metadata["f32"] == .float32(1.5))
        #expect(file.metadata["bool"] == .bool(true))
        #expect(file.metadata["u64"] == .uint64(1 << 40))
        #expect(file.metadata["i64"] == .int64(-7))
        #expect(file.metadata["f64"] == .float64(0.25))
        #expect(file.metadata["tokens"] == .array(.string, [.string("a"), .string("bé")]))
        #expect(file.metadata["ids"] == .array(.int32, [.int32(1), .int32(2), .int32(3)]))
        #expect(file.tensors.map(\.name) == ["w", "h", "b"])
        // ne = [3, 2] (ne[0] fastest) is numpy's 2 × 3.
        #expect(file.tensors[0].shape == [2, 3])
        #expect(file.tensors[0].dtype == .float32)
        #expect(file.dataOffset % 32 == 0)
        #expect(file.tensors[0].offset == file.dataOffset)
        #expect(file.tensors[1].offset == file.dataOffset + 32)
        #expect(file.tensors[2].shape == [1, 2])
    }

    @Test func valuesThroughModelFile() throws {
        let path = Self.temporaryFile(Self.sample.bytes, name: "sample.gguf")
        let model = try ModelFile(path: path)
        #expect(model.format == .gguf)
        #expect(try model.values(of: model.tensor(named: "w")) == [1, 2, 3, 4, 5, -6])
        #expect(try model.values(of: model.tensor(named: "h")) == [1, -4])
        #expect(try model.values(of: model.tensor(named: "b")) == [1, -3])
    }

    @Test func alignmentFromMetadata() throws {
        var writer = Self.sample
        writer.alignment = 64
        writer.metadata.append(GGUFWriter.keyValue("general.alignment", type: 4, GGUFWriter.u32(64)))
        let file = try Self.parse(writer.bytes)
        #expect(file.alignment == 64)
        #expect(file.dataOffset % 64 == 0)
        #expect(file.tensors[1].offset == file.dataOffset + 64)
    }

    /// Every block type: random block bytes written as a 2 × (2 blocks) tensor read back equal to
    /// decoding those bytes directly (the reader's offsets and shape order; the codecs have their
    /// own golden tests).
    @Test(arguments: GGUFType.allCases) func everyBlockType(type: GGUFType) throws {
        var random = SplitMix64(seed: UInt64(type.ggmlTypeID))
        let columns = 2 * type.blockElements
        var blocks = (0..<(2 * 2 * type.blockBytes)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        // Keep the float16 scales finite and small: bytes 0-1 of each block are d for most types;
        // NaN bit patterns would still compare equal by bits below.
        blocks = blocks.map { $0 & 0x3f }
        var writer = GGUFWriter()
        writer.tensors = [.init("lead", ne: [4], type: 0, data: Self.float32Bytes([1, 2, 3, 4])),
                          .init("q", ne: [UInt64(columns), 2], type: UInt32(type.ggmlTypeID), data: blocks)]
        let path = Self.temporaryFile(writer.bytes, name: "\(type.rawValue).gguf")
        let model = try ModelFile(path: path)
        let tensor = try model.tensor(named: "q")
        #expect(tensor.dtype == .gguf(type))
        #expect(tensor.shape == [2, columns])
        #expect(tensor.byteCount == blocks.count)
        let expected = try GGUFCodec.dequantize(blocks, rows: 2, columns: columns, type: type)
        #expect(try model.values(of: tensor).map(\.bitPattern) == expected.map(\.bitPattern))
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        var label: String
        var bytes: [UInt8]
        var kind: MatrixInputError.Kind
        var message: String
        var testDescription: String { label }
    }

    static let badFiles: [BadFile] = {
        func with(_ change: (inout GGUFWriter) -> Void) -> [UInt8] {
            var writer = sample
            change(&writer)
            return writer.bytes
        }
        let good = sample.bytes
        var longString = good
        // The first key's length (bytes 24…31) far beyond the file.
        longString.replaceSubrange(24..<32, with: GGUFWriter.u64(1 << 40))
        var badUTF8 = sample
        badUTF8.tensors[0].name = [0x77, 0xff, 0xfe]
        return [
            BadFile(label: "magic", bytes: Array("GGUX".utf8) + good.dropFirst(4), kind: .corrupt, message: "t.gguf: not a GGUF file"),
            BadFile(label: "version 1", bytes: with { $0.version = 1 }, kind: .corrupt, message: "t.gguf: unsupported GGUF version 1"),
            BadFile(label: "truncated header", bytes: Array(good.prefix(10)), kind: .truncated, message: "t.gguf: truncated at byte 8 reading the tensor count"),
            BadFile(label: "string length beyond the file", bytes: longString, kind: .truncated, message: "t.gguf: metadata key #0 at byte 24 declares 1099511627776 bytes"),
            BadFile(label: "counts beyond the file", bytes: Array("GGUF".utf8) + GGUFWriter.u32(3) + GGUFWriter.u64(1 << 50) + GGUFWriter.u64(0),
                    kind: .truncated, message: "t.gguf: the header declares 1125899906842624 tensors"),
            BadFile(label: "unknown value type", bytes: with { $0.metadata = [GGUFWriter.keyValue("k", type: 13, [0])] }, kind: .corrupt, message: "t.gguf: metadata 'k' has unknown value type 13"),
            BadFile(label: "array beyond the file", bytes: with { $0.metadata = [GGUFWriter.keyValue("a", type: 9, GGUFWriter.u32(4) + GGUFWriter.u64(1 << 40))] },
                    kind: .truncated, message: "t.gguf: metadata 'a': an array of 1099511627776 elements does not fit"),
            BadFile(label: "duplicate key", bytes: with { $0.metadata += [GGUFWriter.keyValue("u8", type: 0, [1])] }, kind: .corrupt, message: "t.gguf: duplicate metadata key 'u8'"),
            BadFile(label: "bad alignment", bytes: with { $0.metadata += [GGUFWriter.keyValue("general.alignment", type: 4, GGUFWriter.u32(24))] },
                    kind: .corrupt, message: "t.gguf: general.alignment must be a uint32 power of two, got 24"),
            BadFile(label: "five dimensions", bytes: with { $0.tensors[0].ne = [1, 1, 1, 1, 6] }, kind: .corrupt, message: "t.gguf: tensor 'w': 5 dimensions"),
            BadFile(label: "unknown type", bytes: with { $0.tensors[0].type = 99 }, kind: .unsupportedDtype, message: "t.gguf: tensor 'w': unknown ggml type 99"),
            BadFile(label: "shape overflow", bytes: with { $0.tensors[0].ne = [1 << 40, 1 << 40] }, kind: .corrupt, message: "t.gguf: tensor 'w': shape 1099511627776x1099511627776 has too many elements"),
            BadFile(label: "unaligned offset", bytes: with { $0.tensors[1].offset = 33 }, kind: .corrupt, message: "t.gguf: tensor 'h': data offset 33 is not a multiple of the alignment 32"),
            BadFile(label: "offset out of range", bytes: with { $0.tensors[2].offset = 1 << 20; $0.tensors[2].data = [] },
                    kind: .truncated, message: "t.gguf: tensor 'b': the data (4 bytes at offset 1048576"),
            BadFile(label: "overlap", bytes: with { $0.tensors[1].offset = 0 }, kind: .corrupt, message: "t.gguf: tensor 'w': its data (bytes"),
            BadFile(label: "duplicate name", bytes: with { $0.tensors[1].name = Array("w".utf8) }, kind: .corrupt, message: "t.gguf: tensor 'w': duplicate tensor name"),
            BadFile(label: "non-UTF-8 name", bytes: badUTF8.bytes, kind: .corrupt, message: "t.gguf: the name of tensor #0 at byte"),
            BadFile(label: "K-quant row length", bytes: with { $0.tensors = [.init("k", ne: [32, 1], type: 12, data: [UInt8](repeating: 0, count: 144))] },
                    kind: .corrupt, message: "t.gguf: tensor 'k': rows of 32 elements are not a multiple of Q4_K's block of 256"),
        ]
    }()

    @Test(arguments: badFiles) func badInput(_ bad: BadFile) {
        do {
            _ = try Self.parse(bad.bytes)
            Issue.record("\(bad.label): parsed")
        } catch {
            #expect(error.kind == bad.kind, "\(error)")
            #expect(error.description.hasPrefix(bad.message), "\(error)")
        }
    }

    /// Every prefix of a valid file is refused with a message, never a trap; so are 2,000 files
    /// with one random byte changed (they may parse: then every tensor lies inside the file).
    @Test func truncationsAndMutations() {
        let good = Self.sample.bytes
        for length in 0..<good.count {
            #expect(throws: MatrixInputError.self) { try Self.parse(Array(good.prefix(length))) }
        }
        var random = SplitMix64(seed: 13)
        for _ in 0..<2000 {
            var bytes = good
            bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            if let file = try? Self.parse(bytes) {
                for tensor in file.tensors { #expect(tensor.offset + tensor.byteCount <= bytes.count) }
            }
        }
    }
}
