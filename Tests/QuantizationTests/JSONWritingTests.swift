import SoftFloat
import Testing
@testable import Quantization

/// The in-place writers of `quantize --json` on values worked by hand: integers, float32 texts
/// through ``Float32JSONCache`` (first printed, then copied), ``JSONCodeTable``'s word copies
/// and the separators of ``JSONValue/separated(_:to:_:)``.
@Suite struct JSONWritingTests {
    /// Runs `write` on a 64-byte buffer of "#" and returns the text of the length it returns.
    static func text(_ write: (UnsafeMutablePointer<UInt8>) -> Int) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            buffer.initialize(repeating: UInt8(ascii: "#"))
            let length = write(buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
        }
    }

    @Test(arguments: [
        (Int64(0), "0"), (9, "9"), (10, "10"), (-1, "-1"), (-9, "-9"), (-10, "-10"), (99, "99"), (100, "100"),
        (-127, "-127"), (255, "255"), (999, "999"), (1000, "1000"), (-32768, "-32768"), (65535, "65535"),
        (4_294_967_295, "4294967295"), (Int64.max, "9223372036854775807"), (Int64.min, "-9223372036854775808"),
    ])
    func integer(_ value: Int64, _ expected: String) {
        #expect(Self.text { JSONValue.writeInteger(value, to: $0) } == expected)
    }

    /// Float32 texts, each written twice through one cache (the second a copy), between two
    /// values that share its slot or not: the same bytes as the printer's.
    @Test func float32Cache() {
        let cases: [(UInt32, String)] = [
            (0x3dcc_cccd, "0.1"), (0xbdcc_cccd, "-0.1"), (0x3f80_0000, "1.0"), (0x0000_0000, "0.0"),
            (0x8000_0000, "-0.0"), (0x7f7f_ffff, "3.4028235e+38"), (0x0000_0001, "1e-45"),
            (0x7f80_0000, "\"inf\""), (0xff80_0000, "\"-inf\""), (0x7fc0_0000, "null"), (0xffff_ffff, "null"),
            (0x4b80_0001, "16777218.0"), (0xbeaa_aaab, "-0.33333334"),
        ]
        var cache = Float32JSONCache()
        for _ in 0..<2 {
            for (bits, expected) in cases {
                #expect(Self.text { cache.write(bits, to: $0) } == expected, "0x\(String(bits, radix: 16))")
            }
        }
        // 600 distinct values through 512 slots: every text right whether it was kept, copied
        // or replaced (1 + i/1024 for i < 600; Swift's Float.description is the oracle, the
        // same layout between 1 and 2: 1.0009766, 1.0019531, …).
        for round in 0..<2 {
            for index in 0..<600 {
                let value = 1 + Float(index) / 1024
                #expect(Self.text { cache.write(value.bitPattern, to: $0) } == "\(value)", "round \(round)")
            }
        }
    }

    @Test func codeTable() throws {
        let table = try #require(JSONCodeTable(.float8_e4m3fn, codes: []))
        #expect(table.width == 12 && table.room == 16)  // "-0.001953125", 2 words
        #expect(Self.text { table.write(0x7e, to: $0) } == "448.0")
        #expect(Self.text { table.write(0xfe, to: $0) } == "-448.0")
        #expect(Self.text { table.write(0x7f, to: $0) } == "null")
        #expect(Self.text { table.write(0x01, to: $0) } == "0.001953125")  // 2^-9: longer than a word
        let bfloat = try #require(JSONCodeTable(.bfloat16, codes: [0x3f80, 0xff80]))
        #expect(Self.text { bfloat.write(0x3f80, to: $0) } == "1.0")
        #expect(Self.text { bfloat.write(0xff80, to: $0) } == "\"-inf\"")
    }

    @Test func separators() {
        #expect(Self.text { JSONValue.separated(3, to: $0) { index, out in JSONValue.writeInteger(Int64(index) - 1, to: out) } }
                == "-1, 0, 1")
        #expect(Self.text { JSONValue.separated(1, to: $0) { _, out in JSONValue.writeInteger(7, to: out) } } == "7")
        #expect(Self.text { JSONValue.separated(0, to: $0) { _, out in JSONValue.writeInteger(7, to: out) } } == "")
    }

    /// A document's rows: integers, float32 with repeats (the cache), and an FP8 matrix (the
    /// code table), laid out as before.
    @Test func rows() throws {
        let floats = try Matrix(rows: 2, columns: 3, format: .float32,
                                codes: [0x3dcc_cccd, 0x3dcc_cccd, 0xbf80_0000, 0x0000_0001, 0x7fc0_0000, 0x3dcc_cccd])
        #expect(QuantizationResult.json(floats).rendered() == "[\n  [0.1, 0.1, -1.0],\n  [1e-45, null, 0.1]\n]")
        let fp8 = try Matrix(rows: 1, columns: 2, format: .float8_e4m3fn, codes: [0x7e, 0x01])
        #expect(QuantizationResult.json(fp8).rendered() == "[\n  [448.0, 0.001953125]\n]")
        #expect(JSONValue.integers([Int64(-128), 0, 127]).rendered() == "[-128, 0, 127]")
    }
}
