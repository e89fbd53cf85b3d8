import Testing
@testable import Quantization

/// One Q4_K super-block explained by hand, and checked against ggml's bytes (same block from
/// ggml_quantize_chunk: identical).
///
/// Input: eight sub-blocks of 32; in sub-block j, element i is s_j · (i mod 16) − 2 with
/// s = [8, 4, 2, 1, 8, 4, 2, 1]. Each sub-block lies exactly on a 16-level grid: the search
/// starts from iscale = 15 / (max − min) = 15 / (15 s_j) = 1/s_j (exact for powers of two),
/// scale s_j, min −2, codes i mod 16, error 0, and no candidate can do better (it must be
/// strictly smaller).
///
/// Sub-scales: max s = 8, 63/8 = 7.875: nearest_int(7.875 · [8, 4, 2, 1]) = [63, 31.5 → 32 (half
/// to even), 15.75 → 16, 7.875 → 8]; d = float16(8/63) = 1040/1024 · 2^-3 = 0.126953125 = 0x3010.
/// Mins: all 2, 63/2 · 2 = 63; dmin = float16(2/63) = 0.03173828125 = 0x2810.
/// Packed (``ScaleMinK4``): bytes 0–3 = sub-scales 0–3 with the top bits of sub-scales 4–7
/// (63 | 3 << 6 = 0xff, 32 | 2 << 6 = 0xa0, 16 | 1 << 6 = 0x50, 8), bytes 4–7 = mins 0–3 with
/// the top bits of mins 4–7 (0xff), bytes 8–11 = low nibbles of sub-scale | min 4–7 (0xff,
/// 0xf0, 0xf0, 0xf8).
/// Codes are recomputed with the float16 d and dmin: sub-block 3 (sc 8): (x + 63·dmin)/(8·d) =
/// (q − 2 + 1.99951171875)/1.015625 → q again; so byte l of each 32 is (l mod 16) · 0x11.
/// Decoding sub-block 3, q = 15: 1.015625 · 15 − 1.99951171875 = 13.23486328125 (x was 13).
@Suite struct Q4_KBlockTests {
    static let scales: [Float] = [8, 4, 2, 1, 8, 4, 2, 1]
    static let input: [Float] = (0..<256).map { k in scales[k / 32] * Float(k % 16) - 2 }

    @Test func handExplainedBlock() throws {
        let block = try GGUFCodec.quantize(Self.input, rows: 1, columns: 256, type: .q4_K)
        #expect(Array(block[0..<4]) == [0x10, 0x30, 0x10, 0x28])
        #expect(Array(block[4..<16]) == [0xff, 0xa0, 0x50, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xf0, 0xf0, 0xf8])
        let codes = (0..<128).map { UInt8($0 % 16) &* 0x11 }
        #expect(Array(block[16...]) == codes)
        for j in 0..<8 {
            let (sc, m) = block.withUnsafeBufferPointer { ScaleMinK4.unpack(j, $0.baseAddress! + 4) }
            #expect(sc == [63, 32, 16, 8][j % 4])
            #expect(m == 63)
        }
        let decoded = try GGUFCodec.dequantize(block, rows: 1, columns: 256, type: .q4_K)
        #expect(decoded[96 + 15] == 13.23486328125)
        #expect(decoded[0] == -1.99951171875)
    }
}
