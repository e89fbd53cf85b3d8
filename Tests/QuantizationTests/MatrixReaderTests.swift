import Foundation
import SoftFloat
import Testing
@testable import Quantization

@Suite struct MatrixReaderTests {
    @Test func textRowsWithSpacesAndCommas() throws {
        let source = try MatrixReader.read(text: "# weights\n1.2, -0.5  -4.3\n\n1.2 -3.1,0.8\n", name: "in.txt", format: .float32)
        #expect(source.matrix.rows == 2)
        #expect(source.matrix.columns == 3)
        #expect(source.matrix[0, 0] == 0x3f99999a)  // 1.2 rounded once to float32
        #expect(source.location(row: 1, column: 2) == "in.txt:4:10")
    }

    /// Text is rounded once to the target: "0.1" → float16 0x2e66 directly.
    @Test func textRoundsOnceToTheComputeFormat() throws {
        let source = try MatrixReader.read(text: "0.1 1/3", name: "-", format: .float16)
        #expect(source.matrix.codes == [0x2e66, 0x3555])
    }

    struct BadText: Sendable, CustomTestStringConvertible {
        let text: String
        let kind: MatrixInputError.Kind
        let message: String
        var testDescription: String { message }
    }

    static let badTexts: [BadText] = [
        BadText(text: "1 2 3\n4 5\n", kind: .raggedRows, message: "in.txt:2: ragged rows: line 2 has 2 numbers, but line 1 (the first row) has 3"),
        BadText(text: "", kind: .empty, message: "in.txt: empty input"),
        BadText(text: "\n# only a comment\n  \n", kind: .empty, message: "in.txt: empty input"),
        BadText(text: "1 2\n3 x4\n", kind: .invalidNumber, message: "in.txt:2:3: 'x4' is not a number"),
        BadText(text: "1,,2\n", kind: .invalidNumber, message: "in.txt:1:3: empty field"),
        BadText(text: "1, 2,\n", kind: .invalidNumber, message: "in.txt:1:5: empty field"),
        BadText(text: "1 70000\n", kind: .overflow, message: "in.txt:1:3: 70000 overflows float16 (largest finite 65504)"),
    ]

    /// Expects `read` to fail with an error of `kind` whose message starts with `message`: the
    /// one check of every bad-input table below (text, .npy, .safetensors).
    static func expectFailure(
        _ kind: MatrixInputError.Kind, _ message: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ read: () throws(MatrixInputError) -> MatrixSource
    ) {
        do {
            _ = try read()
            Issue.record("expected an error", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == kind, sourceLocation: sourceLocation)
            #expect(error.description.hasPrefix(message), "\(error.description)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: badTexts)
    func badTextNamesLineAndColumn(_ bad: BadText) {
        Self.expectFailure(bad.kind, bad.message) { () throws(MatrixInputError) in
            try MatrixReader.read(text: bad.text, name: "in.txt", format: .float16)
        }
    }

    /// NaN and ±∞ are read (only MX accepts them); quantize reports their position.
    @Test func nonFiniteTextIsRejectedByTheKernelWithItsPosition() throws {
        let source = try MatrixReader.read(text: "1 2\n3 nan\n", name: "in.txt", format: .float32)
        do {
            _ = try quantize(source.matrix, QuantizationConfiguration(scheme: .absmax))
            Issue.record("expected an error")
        } catch {
            #expect(source.describe(error).hasPrefix("in.txt:2:3: nan is not finite"))
        }
    }

    // MARK: .npy

    static func npy(descr: String, shape: String, payload: [UInt8], fortran: Bool = false, version: UInt8 = 1) -> [UInt8] {
        var header = "{'descr': '\(descr)', 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape), }"
        let prefix = version == 1 ? 10 : 12
        while (prefix + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
        let length = header.utf8.count
        bytes += version == 1 ? [UInt8(length & 0xff), UInt8(length >> 8)] : [UInt8(length & 0xff), UInt8(length >> 8), 0, 0]
        return bytes + Array(header.utf8) + payload
    }

    static func littleEndian(_ values: [Float]) -> [UInt8] {
        values.flatMap { value in withUnsafeBytes(of: value.bitPattern.littleEndian) { Array($0) } }
    }

    @Test func npyFloat32Matrix() throws {
        let bytes = Self.npy(descr: "<f4", shape: "(2, 3)", payload: Self.littleEndian([1.5, -2, 0.1, 3, 4, 5]))
        let source = try MatrixReader.read(bytes: bytes, name: "w.npy", format: .float32)
        #expect(source.matrix.rows == 2 && source.matrix.columns == 3)
        #expect(source.matrix.doubleValues == [1.5, -2, Double(Float(0.1)), 3, 4, 5])
        #expect(source.location(row: 1, column: 2) == "w.npy element [1, 2]")
    }

    /// numpy's own bytes for `np.save(np.array([1.5, -2.0], dtype=np.float16))`: a vector is 1 × n.
    @Test func npyFloat16VectorVersion2AndFloat64() throws {
        let half = Self.npy(descr: "<f2", shape: "(2,)", payload: [0x00, 0x3e, 0x00, 0xc0])
        #expect(try MatrixReader.read(bytes: half, name: "v.npy", format: .float32).matrix.doubleValues == [1.5, -2])
        let double = Self.npy(descr: "<f8", shape: "(1, 1)", payload: withUnsafeBytes(of: (0.1).bitPattern.littleEndian) { Array($0) }, version: 2)
        #expect(try MatrixReader.read(bytes: double, name: "d.npy", format: .float32).matrix.codes == [0x3dcccccd])
    }

    /// `np.save(np.array([-128, -1, 127], np.int8))` and int16/int32 relatives: exact integer
    /// values, then one nearest-even cast to the compute format (int32 16777217 = 2^24 + 1 →
    /// float32 16777216).
    @Test func npyIntegers() throws {
        let int8 = Self.npy(descr: "|i1", shape: "(3,)", payload: [0x80, 0xff, 0x7f])
        #expect(try MatrixReader.read(bytes: int8, name: "q.npy", format: .float32).matrix.doubleValues == [-128, -1, 127])
        let int16 = Self.npy(descr: "<i2", shape: "(2,)", payload: [0x00, 0x80, 0x39, 0x30])
        #expect(try MatrixReader.read(bytes: int16, name: "q.npy", format: .float32).matrix.doubleValues == [-32768, 12345])
        let int32 = Self.npy(descr: "<i4", shape: "(1, 2)", payload: [0x01, 0x00, 0x00, 0x01, 0xff, 0xff, 0xff, 0xff])
        #expect(try MatrixReader.read(bytes: int32, name: "q.npy", format: .float32).matrix.doubleValues == [16_777_216, -1])
        let uint16 = Self.npy(descr: "<u2", shape: "(1,)", payload: [0xff, 0xff])
        #expect(try MatrixReader.read(bytes: uint16, name: "q.npy", format: .float32).matrix.doubleValues == [65535])
    }

    /// ml_dtypes' bytes: `np.save(np.array([1, -1.5], ml_dtypes.bfloat16))` is descr '<V2' with
    /// codes 0x3f80, 0xbfc0; float8_e4m3fn [448, 0.5] is '<V1' with 0x7e, 0x30.
    @Test func npyCodesOfANamedFormat() throws {
        let bf16 = Self.npy(descr: "<V2", shape: "(2,)", payload: [0x80, 0x3f, 0xc0, 0xbf])
        #expect(try MatrixReader.read(bytes: bf16, name: "w.npy", format: .float32, codesOf: .bfloat16).matrix.doubleValues == [1, -1.5])
        let e4m3 = Self.npy(descr: "<V1", shape: "(2,)", payload: [0x7e, 0x30])
        #expect(try MatrixReader.read(bytes: e4m3, name: "w.npy", format: .float32, codesOf: .float8_e4m3fn).matrix.doubleValues == [448, 0.5])
        let fp4 = Self.npy(descr: "<V1", shape: "(2,)", payload: [0x07, 0x1f])
        #expect(throws: MatrixInputError.self) { try MatrixReader.read(bytes: fp4, name: "w.npy", format: .float32, codesOf: .float4_e2m1fn) }
        do { _ = try MatrixReader.read(bytes: fp4, name: "w.npy", format: .float32, codesOf: .float4_e2m1fn) } catch {
            #expect(error.description.contains("element 1 holds 0x1f, not a 4-bit code of float4_e2m1fn"))
        }
        do { _ = try MatrixReader.read(bytes: bf16, name: "w.npy", format: .float32, codesOf: .float8_e4m3fn) } catch {
            #expect(error.description.contains("'<V2' holds 16-bit codes, but --input-format float8_e4m3fn has 8-bit codes"))
        }
    }

    struct BadFile: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let kind: MatrixInputError.Kind
        let message: String
        var testDescription: String { "\(name): \(message)" }
    }

    static let badNumpy: [BadFile] = [
        BadFile(name: "t.npy", bytes: Array(npy(descr: "<f4", shape: "(2, 3)", payload: littleEndian([1, 2, 3, 4, 5])).dropLast(0)),
                kind: .truncated, message: "t.npy: truncated data: shape [2, 3] of <f4 needs 24 bytes, the file has 20"),
        BadFile(name: "h.npy", bytes: Array(npy(descr: "<f4", shape: "(1,)", payload: []).prefix(40)),
                kind: .truncated, message: "h.npy: truncated .npy header"),
        BadFile(name: "m.npy", bytes: Array("NUMPY!!!!!!!".utf8), kind: .corrupt, message: "m.npy: not a .npy file"),
        BadFile(name: "i.npy", bytes: npy(descr: "<i8", shape: "(1,)", payload: [1, 0, 0, 0, 0, 0, 0, 0]),
                kind: .unsupportedDtype, message: "i.npy: unsupported dtype '<i8'"),
        BadFile(name: "v.npy", bytes: npy(descr: "<V2", shape: "(1,)", payload: [0x80, 0x3f]),
                kind: .unsupportedDtype, message: "v.npy: '<V2' is raw 16-bit codes (how numpy saves ml_dtypes' bfloat16 arrays): name their format with --input-format"),
        BadFile(name: "b.npy", bytes: npy(descr: ">f4", shape: "(1,)", payload: [0, 0, 0, 0]),
                kind: .unsupportedDtype, message: "b.npy: big-endian data is not supported '>f4'"),
        BadFile(name: "f.npy", bytes: npy(descr: "<f4", shape: "(1, 1)", payload: [0, 0, 0, 0], fortran: true),
                kind: .unsupportedLayout, message: "f.npy: Fortran-ordered arrays are not supported"),
        BadFile(name: "e.npy", bytes: npy(descr: "<f4", shape: "(0, 3)", payload: []),
                kind: .empty, message: "e.npy: empty tensor"),
        BadFile(name: "o.npy", bytes: npy(descr: "<f4", shape: "(1,)", payload: littleEndian([1e10])),
                kind: .overflow, message: "o.npy element [0, 0]: 10000000000.0 overflows float16"),
    ]

    @Test(arguments: badNumpy)
    func badNumpyFiles(_ bad: BadFile) {
        Self.expectFailure(bad.kind, bad.message) { () throws(MatrixInputError) in
            try MatrixReader.read(bytes: bad.bytes, name: bad.name, format: .float16)
        }
    }

    // MARK: .safetensors

    static func safetensors(_ json: String, data: [UInt8]) -> [UInt8] {
        let header = Array(json.utf8)
        let length = UInt64(header.count)
        return withUnsafeBytes(of: length.littleEndian) { Array($0) } + header + data
    }

    static let twoTensors = safetensors(
        #"{"__metadata__": {"format": "pt"}, "w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 16]}, "h": {"dtype": "BF16", "shape": [2], "data_offsets": [16, 20]}}"#,
        data: littleEndian([1, 2, 3, 4]) + [0x80, 0x3f, 0xc0, 0xbf])

    @Test func safetensorsTensors() throws {
        let w = try MatrixReader.read(bytes: Self.twoTensors, name: "m.safetensors", tensor: "w", format: .float32)
        #expect(w.matrix.doubleValues == [1, 2, 3, 4])
        #expect(w.location(row: 1, column: 0) == "m.safetensors tensor 'w' element [1, 0]")
        let h = try MatrixReader.read(bytes: Self.twoTensors, name: "m.safetensors", tensor: "h", format: .float32)
        #expect(h.matrix.doubleValues == [1, -1.5])  // bfloat16 0x3f80, 0xbfc0
        let f16 = Self.safetensors(#"{"x": {"dtype": "F16", "shape": [1, 2], "data_offsets": [0, 4]}}"#, data: [0x00, 0x3c, 0x00, 0xc4])
        #expect(try MatrixReader.read(bytes: f16, name: "one.safetensors", format: .float32).matrix.doubleValues == [1, -4])
    }

    static let badSafetensors: [BadFile] = [
        BadFile(name: "m.safetensors", bytes: twoTensors, kind: .missingTensor,
                message: "m.safetensors: the file has 2 tensors; pick one with --tensor NAME: h, w"),
        BadFile(name: "short.safetensors", bytes: [1, 2, 3], kind: .truncated, message: "short.safetensors: truncated .safetensors file"),
        BadFile(name: "h.safetensors", bytes: [200, 0, 0, 0, 0, 0, 0, 0] + Array("{}".utf8), kind: .truncated,
                message: "h.safetensors: truncated .safetensors header: it declares 200 bytes but only 2 follow"),
        BadFile(name: "j.safetensors", bytes: safetensors("{not json", data: []), kind: .corrupt, message: "j.safetensors: the header is not valid JSON"),
        BadFile(name: "d.safetensors", bytes: safetensors(#"{"x": {"dtype": "I8", "shape": [1], "data_offsets": [0, 1]}}"#, data: [1]),
                kind: .unsupportedDtype, message: "d.safetensors: tensor 'x': unsupported dtype I8; supported: F32, F16, BF16, F64"),
        BadFile(name: "o.safetensors", bytes: safetensors(#"{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
                kind: .corrupt, message: "o.safetensors: tensor 'x': data_offsets [0, 4] span 4 bytes, but shape [2] of F32 needs 8"),
        BadFile(name: "t.safetensors", bytes: safetensors(#"{"x": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, data: [0, 0, 0, 0]),
                kind: .truncated, message: "t.safetensors: tensor 'x': truncated data"),
        BadFile(name: "s.safetensors", bytes: safetensors(#"{"x": {"dtype": "F32", "shape": "2", "data_offsets": [0, 4]}}"#, data: [0, 0, 0, 0]),
                kind: .corrupt, message: "s.safetensors: tensor 'x': the header entry has no \"shape\""),
    ]

    @Test(arguments: badSafetensors)
    func badSafetensorsFiles(_ bad: BadFile) {
        Self.expectFailure(bad.kind, bad.message) { () throws(MatrixInputError) in
            try MatrixReader.read(bytes: bad.bytes, name: bad.name, format: .float32)
        }
    }

    @Test func missingNamedTensor() throws {
        #expect(throws: MatrixInputError(.missingTensor, location: "m.safetensors", "no tensor 'q'; the file has: h, w")) {
            try MatrixReader.read(bytes: Self.twoTensors, name: "m.safetensors", tensor: "q", format: .float32)
        }
    }

    @Test func missingFile() throws {
        #expect(throws: MatrixInputError(.unreadable, location: "/nonexistent/x.txt", "no such file")) {
            try MatrixReader.read(path: "/nonexistent/x.txt", format: .float32)
        }
    }
}
