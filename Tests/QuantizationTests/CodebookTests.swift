import SoftFloat
import Testing
@testable import Quantization

@Suite struct CodebookTests {
    /// bitsandbytes' 16 NF4 values, each exactly a float32 (the decimal literals are the
    /// shortest round-trip decimals of float32 values widened to float64).
    @Test func nf4Table() {
        let expected: [Double] = [
            -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
            -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
            0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
            0.7229568362236023, 1.0,
        ]
        #expect((0..<16).map(Codebook.nf4.doubleValue) == expected)
    }

    /// bitsandbytes FP4: {0, 0.0625, 8, 12, 4, 6, 2, 3} / 12 in float32, sign-magnitude.
    @Test func fp4Table() throws {
        let f32 = FloatFormat.float32
        let positives = try ["0", "1/192", "2/3", "1", "1/3", "1/2", "1/6", "1/4"].map { try f32.round($0).bits }
        #expect(Array(Codebook.fp4Bitsandbytes.values[0..<8]) == positives)
        #expect(Array(Codebook.fp4Bitsandbytes.values[8..<16]) == positives.map { f32.negate($0) })
        #expect(Codebook.fp4Bitsandbytes.doubleValue(1) == 0.0052083334885537624)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let scheme: QuantizationScheme
        let convention: QuantizationConvention
        let values: [String]
        let codes: [Int64]
        var testDescription: String { name }
    }

    // Every block below has absmax 1, so n = x exactly under both conventions (bitsandbytes:
    // one partial block of the flattened vector, n = x / absmax). Expected bitsandbytes codes
    // are bitsandbytes 0.50.2's own `quantize_4bit` on CPU.
    static let cases: [Case] = [
        // 0.0397901… is exactly halfway between codes 7 (0) and 8 (0.0795803): the lower wins.
        // −0.6106328964233398 is nearer code 2 (−0.5250731) than code 1 (−0.6961928), but not
        // above bitsandbytes' float32 midpoint fl(a + b)/2, so bucketize keeps it at code 1.
        Case(name: "nf4 textbook", scheme: .nf4, convention: .textbook,
             values: ["1.0", "0.5", "-0.3", "0.1", "-1.0", "0.03979014977812767", "0.04", "-0.6106328964233398"],
             codes: [15, 12, 4, 8, 0, 7, 8, 2]),
        Case(name: "nf4 bitsandbytes", scheme: .nf4, convention: .bitsandbytes,
             values: ["1.0", "0.5", "-0.3", "0.1", "-1.0", "0.03979014977812767", "0.04", "-0.6106328964233398"],
             codes: [15, 12, 4, 8, 0, 7, 8, 1]),
        // 0.41666669 is above the exact midpoint 0.41666667 of 1/3 and 1/2 (textbook → 1/2,
        // code 5) but not above bitsandbytes' float32 midpoint (→ 1/3, code 4). ±0.0026041667
        // is exactly halfway between 0 and ±1/192: textbook takes the lower value (0, then
        // −1/192 = code 9); bitsandbytes' bucketize too, but its tie between +0 (code 0) and
        // FP4's "−0" (code 8, +0 in get_4bit_type) sends n in (0, 1/384] to code 8.
        Case(name: "fp4-bnb textbook", scheme: .fp4Bitsandbytes, convention: .textbook,
             values: ["1.0", "0.41666668653488159", "0.5833333", "0.0026041667442768812", "-0.0026041667442768812", "-0.7", "0.1"],
             codes: [3, 5, 5, 0, 9, 10, 6]),
        Case(name: "fp4-bnb bitsandbytes", scheme: .fp4Bitsandbytes, convention: .bitsandbytes,
             values: ["1.0", "0.41666668653488159", "0.5833333", "0.0026041667442768812", "-0.0026041667442768812", "-0.7", "0.1"],
             codes: [3, 4, 5, 8, 9, 10, 6]),
    ]

    @Test(arguments: cases)
    func nearestCodeAndTies(_ testCase: Case) throws {
        let granularity: Granularity = testCase.convention == .bitsandbytes ? .group(64) : .tensor
        let configuration = QuantizationConfiguration(scheme: testCase.scheme, granularity: granularity, convention: testCase.convention)
        let result = try quantize(try vector(testCase.values), configuration)
        #expect(result.quantized == testCase.codes)
        #expect(result.scales == [FloatFormat.float32.round(1).bits])
        let codebook: Codebook = testCase.scheme == .nf4 ? .nf4 : .fp4Bitsandbytes
        #expect(result.dequantized.doubleValues == testCase.codes.map { codebook.doubleValue(Int($0)) })
    }

    /// absmax 2.6: x̂ = table[code] · absmax in float32 (numpy oracle).
    @Test func blockScale() throws {
        let x = try vector(["2.6", "-0.9", "0.3", "1.7"])
        let nf4 = try quantize(x, QuantizationConfiguration(scheme: .nf4, granularity: .tensor))
        #expect(nf4.quantized == [15, 3, 8, 14])
        #expect(nf4.dequantized.doubleValues == [2.5999999046325684, -1.0267853736877441, 0.20690877735614777, 1.8796876668930054])
        let fp4 = try quantize(x, QuantizationConfiguration(scheme: .fp4Bitsandbytes, granularity: .tensor))
        #expect(fp4.quantized == [3, 12, 6, 2])
        #expect(fp4.dequantized.doubleValues == [2.5999999046325684, -0.8666666746139526, 0.4333333373069763, 1.7333333492279053])
        // 4 bits per element + one float32 absmax per 4 elements.
        #expect(nf4.metrics.bitsPerParameter == 12)
    }

    /// Default blocks of 64, the last partial; bits = 4 + 32/64 for full blocks.
    @Test func defaultBlockSize() throws {
        let values = (0..<128).map { String(Double($0 - 64) / 16) }
        let result = try quantize(try vector(values), QuantizationConfiguration(scheme: .nf4))
        #expect(result.granularity == .group(64))
        #expect(result.scales.count == 2)
        #expect(result.metrics.bitsPerParameter == 4.5)
    }

    /// An all-zero block: textbook picks the zero code. bitsandbytes (CPU) scales by
    /// 1/max(absmax, 1e-38), so n = 0 → NF4 code 7, FP4 code 0, dequantized +0; a partial last
    /// block stores the clamped absmax, float32(1e-38) = 0x006CE3EE (bitsandbytes 0.50.2).
    @Test func allZeroBlock() throws {
        let zeros = try vector(["0", "0"])
        let textbook = try quantize(zeros, QuantizationConfiguration(scheme: .nf4))
        #expect(textbook.quantized == [7, 7])
        let bnb = try quantize(zeros, QuantizationConfiguration(scheme: .nf4, convention: .bitsandbytes))
        #expect(bnb.quantized == [7, 7])
        #expect(bnb.packed == [0x77])
        #expect(bnb.scales == [0x006C_E3EE])
        #expect(bnb.dequantized.codes == [0, 0])
        let fp4 = try quantize(zeros, QuantizationConfiguration(scheme: .fp4Bitsandbytes, convention: .bitsandbytes))
        #expect(fp4.quantized == [0, 0])
        #expect(fp4.packed == [0x00])
        #expect(fp4.dequantized.codes == [0, 0])
    }

    /// bitsandbytes' dynamic map, reproduced with float32 soft-float steps: 256 distinct
    /// values from −0.99296874 to 1 (checkpoints from a numpy float32 emulation).
    @Test func dynamicMap() {
        let values = DynamicMap.values.map { FloatFormat.float32.doubleValue($0) }
        #expect(values.count == 256)
        #expect(Set(values).count == 256)
        #expect(Array(values.prefix(3)) == [-0.992968738079071, -0.9789062738418579, -0.96484375])
        #expect(Array(values[125..<131]) == [-3.250000190746505e-06, -5.500000384017767e-07, 0.0, 5.500000384017767e-07, 3.250000190746505e-06, 7.749999895168003e-06])
        #expect(Array(values.suffix(3)) == [0.9789062738418579, 0.992968738079071, 1.0])
    }

    /// Double quantization by hand: absmax [1, 3] → offset 2, centered [−1, 1], second
    /// absmax 1. dQuantize(−1) → code 0 (−0.99296874); dQuantize(1) → code 254 (0.99296874):
    /// the search clamps its upper pivot to 254, so the map's 1.0 is never chosen.
    @Test func doubleQuantization() throws {
        let x = try vector(["1", "0.5", "3", "-1.5"])
        let result = try quantize(x, QuantizationConfiguration(scheme: .nf4, granularity: .group(2), doubleQuantization: true))
        let state = try #require(result.doubleQuantization)
        #expect(state.codes == [0, 254])
        #expect(state.offset == FloatFormat.float32.round(2).bits)
        #expect(state.secondScales == [FloatFormat.float32.round(1).bits])
        #expect(result.scales.map(FloatFormat.float32.doubleValue) == [1.0070312023162842, 2.992968797683716])
        #expect(result.quantized == [15, 12, 15, 2])
        #expect(result.dequantized.doubleValues == [1.0070312023162842, 0.44380855560302734, 2.992968797683716, -1.5715272426605225])
        // 4 bits × 4 + 2 × 8-bit codes + one float32 second scale + the float32 offset.
        #expect(result.metrics.bitsPerParameter == Double(16 + 16 + 32 + 32) / 4)
    }
}

extension CodebookTests {
    /// Per row and per column: each row (column) has its own absmax.
    @Test func rowAndColumnBlocks() throws {
        let x = try matrix([["2", "1"], ["0.5", "-0.25"]])
        let rows = try quantize(x, QuantizationConfiguration(scheme: .nf4, granularity: .row))
        #expect(rows.scales.map(FloatFormat.float32.doubleValue) == [2, 0.5])
        #expect(rows.quantized == [15, 12, 15, 2])  // n = [1, 0.5], [1, −0.5]: −0.5 is nearer −0.525 than −0.395
        let columns = try quantize(x, QuantizationConfiguration(scheme: .nf4, granularity: .column))
        #expect(columns.scales.map(FloatFormat.float32.doubleValue) == [2, 1])
        #expect(columns.quantized == [15, 15, 10, 4])  // n = [1, 0.25], [1, −0.25]
    }
}
