import Testing
@testable import Quantization

extension GGUFGoldenBlocks.Case: CustomTestStringConvertible {
    var testDescription: String { "\(type) \(row)\(weighted ? " + imatrix" : "")" }
}

/// ggml's own bytes (Scripts/oracles/gguf_oracle.py --fixtures, from ggml's C code through
/// libggml-python) for seeded 256-element rows: a Gaussian row, zeros, one huge outlier, 1e-30
/// values (float16 scales that underflow), identical values, exact ties and FP4 midpoints.
@Suite struct GGUFGoldenBlockTests {
    static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).map { $0 <= 57 ? $0 - 48 : $0 - 87 }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }

    static func fnv1a(_ values: [Float]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            for k in 0..<4 {
                hash ^= UInt64((value.bitPattern >> UInt32(8 * k)) & 0xff)
                hash = hash &* 0x100_0000_01b3
            }
        }
        return hash
    }

    @Test(arguments: GGUFGoldenBlocks.cases)
    func quantizeWritesGGMLBytes(_ golden: GGUFGoldenBlocks.Case) throws {
        let type = try #require(GGUFType(schemeName: golden.type))
        let x = try #require(GGUFGoldenBlocks.rows[golden.row]).map { Float(bitPattern: $0) }
        let weights = golden.weighted ? GGUFGoldenBlocks.importance.map { Float(bitPattern: $0) } : nil
        let blocks = try GGUFCodec.quantize(x, rows: 1, columns: 256, type: type, importance: weights)
        let expected = Self.bytes(golden.blocks)
        #expect(blocks.count == expected.count)
        if let index = (0..<min(blocks.count, expected.count)).first(where: { blocks[$0] != expected[$0] }) {
            Issue.record("first differing byte \(index) of \(expected.count): \(blocks[index]) vs ggml \(expected[index])")
        }
    }

    @Test(arguments: GGUFGoldenBlocks.cases)
    func dequantizeMatchesGGML(_ golden: GGUFGoldenBlocks.Case) throws {
        let type = try #require(GGUFType(schemeName: golden.type))
        let values = try GGUFCodec.dequantize(Self.bytes(golden.blocks), rows: 1, columns: 256, type: type)
        #expect(Self.fnv1a(values) == golden.dequantizedChecksum)
    }

    @Test func everyTypeHasGoldenBlocks() {
        let covered = Set(GGUFGoldenBlocks.cases.map(\.type))
        #expect(covered == Set(GGUFType.allCases.map(\.rawValue)))
    }
}
