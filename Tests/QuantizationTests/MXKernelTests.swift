import SoftFloat
import Testing
@testable import Quantization

/// OCP MX v1.0 blocks, hand-computed: X = 2^(floor(log2 amax) − emax_elem).
struct MXCase: Sendable, CustomTestStringConvertible {
    let name: String
    let element: MXElement
    let values: [String]
    /// The shared scale's value X.
    let scale: Double
    /// The elements' exact values (MXINT8: the integers).
    let quantized: [Double]
    let dequantized: [Double]
    let clamped: Int
    var testDescription: String { name }
}

@Suite struct MXKernelTests {
    static let cases: [MXCase] = [
        // amax = 8 = 2^3 exactly: X = 2^(3 − 8) = 2^-5; 8 → 256, 0.3 → 9.6 → 10.
        MXCase(name: "MXFP8 E4M3, amax an exact power of two", element: .e4m3,
               values: ["8", "1", "-0.5", "0.3"], scale: 0.03125,
               quantized: [256.0, 32.0, -16.0, 10.0], dequantized: [8, 1, -0.5, 0.3125], clamped: 0),
        // amax = 15 = 1.875 × 2^3: X = 2^-5, 15 → 480 > 448 → saturates to 448 → x̂ = 14.
        MXCase(name: "MXFP8 E4M3, block max mantissa 1.875 saturates", element: .e4m3,
               values: ["15", "1"], scale: 0.03125,
               quantized: [448.0, 32.0], dequantized: [14, 1], clamped: 1),
        // mantissa exactly 1.75: 14 → 448, the largest e4m3fn value, no saturation.
        MXCase(name: "MXFP8 E4M3, block max mantissa 1.75 fits", element: .e4m3,
               values: ["14", "1"], scale: 0.03125,
               quantized: [448.0, 32.0], dequantized: [14, 1], clamped: 0),
        // E5M2: emax 15; amax 1 → X = 2^-15; 0.3 · 2^15 = 9830.4 → 10240.
        MXCase(name: "MXFP8 E5M2", element: .e5m2,
               values: ["1", "0.3"], scale: 0.000030517578125,
               quantized: [32768.0, 10240.0], dequantized: [1, 0.3125], clamped: 0),
        // E2M3: emax 2; amax 7 → X = 1; 0.3 → 2.4 subnormal steps of 0.125 → 0.25.
        MXCase(name: "MXFP6 E2M3", element: .e2m3,
               values: ["7", "0.3"], scale: 1.0,
               quantized: [7.0, 0.25], dequantized: [7, 0.25], clamped: 0),
        // E3M2: emax 4; amax 20 → X = 1; 20 = 1.25 × 2^4 exact; 0.3 → 0.3125 (step 0.0625).
        MXCase(name: "MXFP6 E3M2", element: .e3m2,
               values: ["20", "0.3"], scale: 1.0,
               quantized: [20.0, 0.3125], dequantized: [20, 0.3125], clamped: 0),
        // E2M1: amax 7 → X = 2^(2 − 2) = 1; 7 is a tie between 6 and the next binade's 8,
        // rounds to even (8), overflows and saturates to 6. −0.3 → −0.5.
        MXCase(name: "MXFP4 E2M1 saturating", element: .e2m1,
               values: ["7", "1.1", "-0.3"], scale: 1.0,
               quantized: [6.0, 1.0, -0.5], dequantized: [6, 1, -0.5], clamped: 1),
        // INT8: emax 0; amax 1.5 → X = 1; q = round(x · 64): 0.64 → 1.
        MXCase(name: "MXINT8", element: .int8,
               values: ["1.5", "-0.75", "0.01"], scale: 1.0,
               quantized: [96, -48, 1], dequantized: [1.5, -0.75, 0.015625], clamped: 0),
        // INT8: 1.999 · 64 = 127.936 → 128 → clamps to 127.
        MXCase(name: "MXINT8 clamps at 127", element: .int8,
               values: ["1.999", "-1"], scale: 1.0,
               quantized: [127, -64], dequantized: [1.984375, -1], clamped: 1),
        // All zero: X = 2^-127 (E8M0 code 0x00), elements 0.
        MXCase(name: "all-zero block", element: .e4m3,
               values: ["0", "0", "0"], scale: 5.877471754111438e-39,
               quantized: [0.0, 0.0, 0.0], dequantized: [0, 0, 0], clamped: 0),
    ]

    @Test(arguments: cases)
    func block(_ testCase: MXCase) throws {
        let result = try quantize(try vector(testCase.values), QuantizationConfiguration(scheme: .mx(testCase.element)))
        #expect(result.scaleFormat == .float8_e8m0fnu)
        #expect(result.scales.map(FloatFormat.float8_e8m0fnu.doubleValue) == [testCase.scale])
        #expect(result.quantized.map { elementValue($0, result.elementKind) } == testCase.quantized)
        #expect(result.dequantized.doubleValues == testCase.dequantized)
        #expect(result.metrics.clampedCount == testCase.clamped)
    }

    func elementValue(_ q: Int64, _ kind: QuantizedElementKind) -> Double {
        if case .float(let format) = kind { return format.doubleValue(UInt64(bitPattern: q)) }
        return Double(q)
    }

    /// Elements print their exact value (8-bit formats): e4m3fn's 448 is "448.0", not the
    /// shortest "450.0" (448 and 450 both round to 0x7e), and 256 is "256.0", not "260.0".
    @Test func elementTextIsExact() throws {
        let result = try quantize(try vector(["8", "15"]), QuantizationConfiguration(scheme: .mx(.e4m3)))
        #expect(result.quantizedText(row: 0, column: 0) == "256.0")
        #expect(result.quantizedText(row: 0, column: 1) == "448.0")
        #expect(FloatFormat.float8_e4m3fn.doubleValue(try FloatFormat.float8_e4m3fn.round("450").bits) == 448)
    }

    @Test func allZeroBlockUsesScaleCodeZero() throws {
        let result = try quantize(try vector(["0", "0"]), QuantizationConfiguration(scheme: .mx(.e2m1)))
        #expect(result.scales == [0x00])
    }

    /// A NaN or infinite element makes the block's scale NaN (E8M0 0xff) and every element
    /// of that block decode to NaN; other blocks are unaffected.
    @Test(arguments: ["nan", "inf", "-inf"])
    func nonFiniteBlock(_ special: String) throws {
        var values = (0..<32).map { _ in "1" }
        values[5] = special
        values += ["2", "0.5"]
        let result = try quantize(try vector(values), QuantizationConfiguration(scheme: .mx(.e4m3)))
        #expect(result.scales.count == 2)
        #expect(result.scales[0] == 0xff)
        #expect(result.dequantized.doubleValues.prefix(32).allSatisfy { $0.isNaN })
        #expect(Array(result.dequantized.doubleValues.suffix(2)) == [2, 0.5])
        #expect(result.metrics.meanSquaredError.isNaN)
        // The JSON writes NaN as null (issue #12's contract), ±∞ never appears in an MX document.
        let json = result.json
        #expect(json.contains("\"scale\": [null, "))
        #expect(json.contains("\"mse\": null"))
        #expect(!json.contains("\"nan\""))
    }

    /// 40 elements: one block of 32 and a partial block of 8; 8 + 8/32 bits for a full block.
    @Test func blocksOf32() throws {
        let values = (0..<64).map { String($0 + 1) }
        let result = try quantize(try vector(values), QuantizationConfiguration(scheme: .mx(.e4m3)))
        #expect(result.scales.count == 2)
        #expect(result.metrics.bitsPerParameter == 8.25)
        let partial = try quantize(try vector(Array(values.prefix(40))), QuantizationConfiguration(scheme: .mx(.e4m3)))
        #expect(partial.scales.count == 2)
    }

    @Test func otherGranularitiesAreRejected() throws {
        #expect(throws: QuantizationError.self) {
            try quantize(try vector(["1", "2"]), QuantizationConfiguration(scheme: .mx(.e4m3), granularity: .row))
        }
    }
}
