import Testing
@testable import Quantization

/// Round trips, edge rows, the integer roundings, and refused inputs.
@Suite struct GGUFCodecTests {
    /// Uniform importance for the types ggml quantizes only with an importance matrix.
    static func importance(_ type: GGUFType, columns: Int = 256) -> [Float]? {
        type.requiresImportance ? [Float](repeating: 1, count: columns) : nil
    }

    /// A seeded row: a Gaussian-like sum of uniforms (SplitMix64-free: a fixed LCG), 512 values.
    static func row(_ count: Int, seed: UInt64 = 7) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            var sum: Float = 0
            for _ in 0..<4 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                sum += Float(state >> 40) / Float(1 << 24) - 0.5
            }
            return sum
        }
    }

    @Test(arguments: GGUFType.allCases)
    func roundTripErrorIsBoundedByTheBlockScale(_ type: GGUFType) throws {
        let x = Self.row(512)
        let blocks = try GGUFCodec.quantize(x, rows: 2, columns: 256, type: type, importance: Self.importance(type))
        #expect(blocks.count == 2 * 256 / type.blockElements * type.blockBytes)
        let y = try GGUFCodec.dequantize(blocks, rows: 2, columns: 256, type: type)
        let amax = x.map(abs).max()!
        let worst = zip(x, y).map { abs($0 - $1) }.max()!
        // Ternary types keep only sign and zero; IQ1_S/IQ1_M's grid of {−1, 0, 1}^8 points has
        // no separate signs, so an element can land on the other side of zero (bound 2·amax);
        // everything else is within half a step of a ≥ 2-bit grid spanning amax (amax / 2).
        let bound: Float = type == .iq1_s || type == .iq1_m ? 2 * amax : type == .tq1_0 || type == .tq2_0 ? amax : amax / 2
        #expect(worst <= bound, "\(type): max error \(worst), amax \(amax)")
    }

    @Test(arguments: GGUFType.allCases)
    func zerosStayZero(_ type: GGUFType) throws {
        let blocks = try GGUFCodec.quantize([Float](repeating: 0, count: 256), rows: 1, columns: 256, type: type, importance: Self.importance(type))
        let y = try GGUFCodec.dequantize(blocks, rows: 1, columns: 256, type: type)
        #expect(y.allSatisfy { $0 == 0 })
    }

    @Test func nearestIntRoundsHalfToEven() {
        #expect(GGMLRounding.nearestInt(2.5) == 2)
        #expect(GGMLRounding.nearestInt(3.5) == 4)
        #expect(GGMLRounding.nearestInt(-2.5) == -2)
        #expect(GGMLRounding.nearestInt(-0.7) == -1)
        #expect(GGMLRounding.roundAway(2.5) == 3)
        #expect(GGMLRounding.roundAway(-2.5) == -3)
        #expect(GGMLRounding.truncateInt32(-0.5 + 8.5) == 8)
        #expect(GGMLRounding.truncateInt32(.nan) == Int32.min)
    }

    /// Q4_0 truncates x/d + 8.5: with d = −4/−8 = 0.5, x = 1.25 gives 2.5 + 8.5 = 11 exactly → 11,
    /// and x = −0.25 gives −0.5 + 8.5 = 8 → 8 (a round-half-even would give 8 and 10; roundf 11 and 8).
    @Test func q4_0TruncatesAfterAdding8Point5() throws {
        var x = [Float](repeating: 0, count: 32)
        x[0] = -4
        x[1] = 1.25
        x[2] = -0.25
        x[3] = 0.75  // 1.5 + 8.5 = 10
        let block = try GGUFCodec.quantize(x, rows: 1, columns: 32, type: .q4_0)
        #expect(block[0] == 0x00 && block[1] == 0x38)  // float16 0.5
        #expect(block[2] & 0xf == 0)
        #expect(block[3] & 0xf == 11)
        #expect(block[4] & 0xf == 8)
        #expect(block[5] & 0xf == 10)
    }

    /// ggml's MXFP4 keeps the first (smaller) code at a tie: amax 6 → e = 127, d = 0.5, and
    /// 1.75 (between 1.5 and 2) gets index 3 (1.5) where OCP's nearest-even gives 2.
    @Test func mxfp4TiesGoToTheSmallerMagnitude() throws {
        var x = [Float](repeating: 0, count: 32)
        x[0] = 6
        x[1] = 1.75
        x[2] = -1.75
        x[3] = 5  // between 4 and 6: index 6 (4)
        let block = try GGUFCodec.quantize(x, rows: 1, columns: 32, type: .mxfp4)
        #expect(block[0] == 127)
        #expect(block[1] == 7)          // 6 = 12 · 0.5, index 7
        #expect(block[2] == 3)          // 1.75 → 1.5
        #expect(block[3] == 11)         // −1.75 → −1.5 (index 8 + 3)
        #expect(block[4] == 6)          // 5 → 4
        let y = try GGUFCodec.dequantize(block, rows: 1, columns: 32, type: .mxfp4)
        #expect(Array(y[0..<4]) == [6, 1.5, -1.5, 4])
    }

    /// NVFP4's UE4M3 scale: amax / 6 rounded with ggml's round-half-up on the mantissa.
    @Test func ue4m3Conversion() {
        #expect(FP4Codec.ue4m3(1) == 0x38)           // 2^0: exponent 7
        #expect(FP4Codec.ue4m3(1.0625) == 0x39)      // halfway 1 … 1.125: up
        #expect(FP4Codec.ue4m3(1000) == 0x7e)        // clamped to 448
        #expect(FP4Codec.ue4m3(0x1p-9) == 1)         // smallest subnormal
        #expect(FP4Codec.ue4m3(0x1p-11) == 0)        // 0.25 · 2^-9 + 0.5 → 0
        #expect(FP4Codec.ue4m3(-1) == 0)
        #expect(FP4Codec.halfValue(ue4m3: 0x38) == 0.5)
        #expect(FP4Codec.halfValue(ue4m3: 0x7f) == 0)
    }

    /// Scales of 1e-30 inputs underflow float16 to zero: ggml stores d = 0 and the row decodes to 0.
    @Test(arguments: [GGUFType.q8_0, .q4_0, .q4_K, .q6_K])
    func tinyValuesGiveZeroScales(_ type: GGUFType) throws {
        let x = Self.row(256).map { $0 * 1e-30 }
        let blocks = try GGUFCodec.quantize(x, rows: 1, columns: 256, type: type)
        let y = try GGUFCodec.dequantize(blocks, rows: 1, columns: 256, type: type)
        #expect(y.allSatisfy { $0 == 0 })
    }

    @Test func schemeNamesAreCaseInsensitive() {
        #expect(GGUFType(schemeName: "gguf-q4_k") == .q4_K)
        #expect(GGUFType(schemeName: "GGUF-Q4_K") == .q4_K)
        #expect(GGUFType(schemeName: "gguf-IQ4_XS") == .iq4_xs)
        #expect(GGUFType(schemeName: "gguf-q4_2") == nil)
        #expect(GGUFType.q4_K.bitsPerParameter == 4.5)
        #expect(GGUFType.q8_0.bitsPerParameter == 8.5)
    }

    @Test func refusals() throws {
        let x = Self.row(256)
        #expect(throws: GGUFError.columnsNotMultipleOfBlock(type: .q4_K, columns: 96)) {
            try GGUFCodec.quantize(Array(x[0..<96]), rows: 1, columns: 96, type: .q4_K)
        }
        #expect(throws: GGUFError.importanceLength(expected: 256, actual: 3)) {
            try GGUFCodec.quantize(x, rows: 1, columns: 256, type: .q4_K, importance: [1, 2, 3])
        }
        var weights = [Float](repeating: 1, count: 256)
        weights[9] = -1
        #expect(throws: GGUFError.importanceValue(index: 9, value: -1)) {
            try GGUFCodec.quantize(x, rows: 1, columns: 256, type: .q4_K, importance: weights)
        }
        weights[9] = .nan
        #expect(throws: (any Error).self) {
            try GGUFCodec.quantize(x, rows: 1, columns: 256, type: .q4_K, importance: weights)
        }
        #expect(throws: GGUFError.importanceRequired(.iq2_xxs)) {
            try GGUFCodec.quantize(x, rows: 1, columns: 256, type: .iq2_xxs)
        }
        for type in [GGUFType.iq2_xs, .iq1_s] {
            #expect(throws: GGUFError.importanceRequired(type)) {
                try GGUFCodec.quantize(x, rows: 1, columns: 256, type: type)
            }
        }
        #expect(throws: GGUFError.byteCountMismatch(type: .q4_K, expected: 288, actual: 287, rows: 2, columns: 256)) {
            try GGUFCodec.dequantize([UInt8](repeating: 0, count: 287), rows: 2, columns: 256, type: .q4_K)
        }
        let message = GGUFError.byteCountMismatch(type: .q4_K, expected: 288, actual: 287, rows: 2, columns: 256).description
        #expect(message.contains("288") && message.contains("287"))
        #expect(GGUFError.columnsNotMultipleOfBlock(type: .q4_K, columns: 96).description.contains("256"))
    }

    @Test func numpyOutputHeaderIsAligned() {
        let file = NumpyFile.float32File([1, 2], rows: 1, columns: 2)
        #expect(file.count == 128 + 8)
        #expect(Array(file[128...]) == [0, 0, 0x80, 0x3f, 0, 0, 0, 0x40])
        let (matrix, shape) = try! NumpyFile.read(file, name: "t.npy")
        #expect(shape == [1, 2] && matrix.codes == [0x3f80_0000, 0x4000_0000])
    }
}

/// ggml's FP4 code choice, worked by hand: the first of equally near entries of
/// {0, 1, 2, 3, 4, 6, 8, 12, −0, −1, …, −12} × d wins (`best_index_mxfp4`).
@Suite struct FP4BestIndexTests {
    @Test(arguments: [
        (Float(1.75), Float(0.5), UInt8(3)),    // 1.5 and 2.0 equally near: index 3 (1.5) comes first
        (-1.75, 0.5, 8 + 3),                    // mirrored: −1.5
        (0.25, 0.5, 0),                         // 0 and 0.5 equally near: +0
        (-0.25, 0.5, 0),                        // −0 (index 8) never beats +0
        (-0.26, 0.5, 8 + 1),                    // nearer −0.5
        (5.0, 0.5, 6),                          // 8 · 0.5 = 4 (entry 6) and 12 · 0.5 = 6 (entry 7) equally near: entry 6
        (100, 0.5, 7),                          // beyond the table: 12 · 0.5 = 6
        (-100, 0.5, 15),
        (.nan, 0.5, 0), (.infinity, 0.5, 0), (1, 0, 0), (1, .infinity, 0),  // ggml's scan: no error is < NaN/∞
    ] as [(Float, Float, UInt8)])
    func bestIndex(x: Float, d: Float, expected: UInt8) {
        #expect(FP4Codec.bestIndex(x, d) == expected)
    }
}
