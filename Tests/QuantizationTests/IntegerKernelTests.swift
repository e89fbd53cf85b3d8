import SoftFloat
import Testing
@testable import Quantization

/// One hand-computed integer case: the inputs are chosen so that every scale is a power of
/// two (max|x| = 127 · 2^k), making x / S exact and the rounding visible by eye.
struct IntegerCase: Sendable, CustomTestStringConvertible {
    let name: String
    let rows: [[String]]
    let configuration: QuantizationConfiguration
    let scales: [String]
    let zeroPoints: [Int64]
    let quantized: [Int64]
    let dequantized: [String]
    var testDescription: String { name }
}

@Suite struct IntegerKernelTests {
    static let cases: [IntegerCase] = [
        // amax = 1.984375 = 127/64 → S = 1/64, q = x · 64 (0.5 → 0 and 1.5 → 2: half-even).
        IntegerCase(
            name: "absmax int8 per tensor",
            rows: [["1.984375", "-0.5", "0.0078125", "0.0234375"], ["0.9921875", "0.25", "-0.01171875", "0.5"]],
            configuration: .init(scheme: .absmax),
            scales: ["0.015625"], zeroPoints: [0],
            quantized: [127, -32, 0, 2, 64, 16, -1, 32],
            dequantized: ["1.984375", "-0.5", "0", "0.03125", "1", "0.25", "-0.015625", "0.5"]),
        // Row 1's amax 0.9921875 = 127/128 → S = 1/128.
        IntegerCase(
            name: "absmax int8 per row",
            rows: [["1.984375", "-0.5", "0.0078125", "0.0234375"], ["0.9921875", "0.25", "-0.01171875", "0.5"]],
            configuration: .init(scheme: .absmax, granularity: .row),
            scales: ["0.015625", "0.0078125"], zeroPoints: [0, 0],
            quantized: [127, -32, 0, 2, 127, 32, -2, 64],
            dequantized: ["1.984375", "-0.5", "0", "0.03125", "0.9921875", "0.25", "-0.015625", "0.5"]),
        // Column 1's amax 127/512 → S = 1/512.
        IntegerCase(
            name: "absmax int8 per column",
            rows: [["1.984375", "-0.248046875"], ["0.5", "0.125"]],
            configuration: .init(scheme: .absmax, granularity: .column),
            scales: ["0.015625", "0.001953125"], zeroPoints: [0, 0],
            quantized: [127, -127, 32, 64],
            dequantized: ["1.984375", "-0.248046875", "0.5", "0.125"]),
        // Groups of 2 along the row, the last one partial: S = 1/64, 1/512, 1/128.
        IntegerCase(
            name: "absmax int8 group:2 with a partial last group",
            rows: [["1.984375", "-0.5", "0.248046875", "0.0078125", "0.9921875"]],
            configuration: .init(scheme: .absmax, granularity: .group(2)),
            scales: ["0.015625", "0.001953125", "0.0078125"], zeroPoints: [0, 0, 0],
            quantized: [127, -32, 127, 4, 127],
            dequantized: ["1.984375", "-0.5", "0.248046875", "0.0078125", "0.9921875"]),
        // int4: qmax 7, amax 0.875 → S = 1/8; −2.5 → −2, 1.5 → 2.
        IntegerCase(
            name: "absmax int4",
            rows: [["0.875", "-0.3125", "0.1875", "-0.875"]],
            configuration: .init(scheme: .absmax, bits: 4),
            scales: ["0.125"], zeroPoints: [0], quantized: [7, -2, 2, -7],
            dequantized: ["0.875", "-0.25", "0.25", "-0.875"]),
        // int2: qmax 1, S = 1; −0.5 → −0 → 0.
        IntegerCase(
            name: "absmax int2",
            rows: [["1", "-0.5", "0.625", "-1"]],
            configuration: .init(scheme: .absmax, bits: 2),
            scales: ["1"], zeroPoints: [0], quantized: [1, 0, 1, -1],
            dequantized: ["1", "0", "1", "-1"]),
        // int16: qmax 32767, amax 32767/32768 → S = 2^-15.
        IntegerCase(
            name: "absmax int16",
            rows: [["0.999969482421875", "0.5", "-0.000030517578125"]],
            configuration: .init(scheme: .absmax, bits: 16),
            scales: ["0.000030517578125"], zeroPoints: [0], quantized: [32767, 16384, -1],
            dequantized: ["0.999969482421875", "0.5", "-0.000030517578125"]),
        // Unsigned absmax: offset 2^(bits−1) = 128, range 1 … 255.
        IntegerCase(
            name: "absmax uint8 (offset 128)",
            rows: [["1.984375", "-1.984375", "0.5"]],
            configuration: .init(scheme: .absmax, isUnsigned: true),
            scales: ["0.015625"], zeroPoints: [128], quantized: [255, 1, 160],
            dequantized: ["1.984375", "-1.984375", "0.5"]),
        // max − min = 255/64 → S = 1/64; Z = round(−128 + 63) = −65; 0.5 − 65 = −64.5 → −64.
        IntegerCase(
            name: "zeropoint int8",
            rows: [["3", "-0.984375", "0.5", "0.0078125"]],
            configuration: .init(scheme: .zeroPoint),
            scales: ["0.015625"], zeroPoints: [-65], quantized: [127, -128, -33, -64],
            dequantized: ["3", "-0.984375", "0.5", "0.015625"]),
        // uint8: Z = 63; 63.5 → 64.
        IntegerCase(
            name: "zeropoint uint8",
            rows: [["3", "-0.984375", "0.5", "0.0078125"]],
            configuration: .init(scheme: .zeroPoint, isUnsigned: true),
            scales: ["0.015625"], zeroPoints: [63], quantized: [255, 0, 95, 64],
            dequantized: ["3", "-0.984375", "0.5", "0.015625"]),
        // Per row: row 1 is [0, 255/64] → S = 1/64, Z = −128.
        IntegerCase(
            name: "zeropoint int8 per row",
            rows: [["3", "-0.984375"], ["0", "3.984375"]],
            configuration: .init(scheme: .zeroPoint, granularity: .row),
            scales: ["0.015625", "0.015625"], zeroPoints: [-65, -128], quantized: [127, -128, -128, 127],
            dequantized: ["3", "-0.984375", "0", "3.984375"]),
        // A constant group widens its range to include 0: [0, 0.5] → S = 0.5/255, Z = −128.
        IntegerCase(
            name: "zeropoint constant group",
            rows: [["0.5", "0.5"]],
            configuration: .init(scheme: .zeroPoint),
            scales: ["0.0019607844"], zeroPoints: [-128], quantized: [127, 127],
            dequantized: ["0.5", "0.5"]),
        // An all-zero group: S = 0, q = Z = 0, x̂ = 0 (no 0/0 is computed).
        IntegerCase(
            name: "absmax all-zero group",
            rows: [["0", "0"]],
            configuration: .init(scheme: .absmax),
            scales: ["0"], zeroPoints: [0], quantized: [0, 0], dequantized: ["0", "0"]),
        IntegerCase(
            name: "zeropoint all-zero group",
            rows: [["0", "0"]],
            configuration: .init(scheme: .zeroPoint),
            scales: ["0"], zeroPoints: [0], quantized: [0, 0], dequantized: ["0", "0"]),
    ]

    @Test(arguments: cases)
    func handComputed(_ testCase: IntegerCase) throws {
        let result = try quantize(try matrix(testCase.rows), testCase.configuration)
        #expect(hex(result.scales, .float32) == hex(try codes(testCase.scales, .float32), .float32))
        #expect(result.zeroPoints == testCase.zeroPoints)
        #expect(result.quantized == testCase.quantized)
        #expect(hex(result.dequantized.codes, .float32) == hex(try codes(testCase.dequantized, .float32), .float32))
    }

    /// The ragged last group gets its own scale and the layout numbers groups row-major.
    @Test func groupLayoutNumbering() throws {
        let layout = try GroupLayout(granularity: .group(2), rows: 2, columns: 5)
        #expect(layout.groupCount == 6)
        #expect(layout.group(row: 1, column: 4) == 5)
        #expect(layout.elements(of: 2) == [4])
        #expect(layout.elements(of: 3) == [5, 6])
        #expect(layout.elementCount(of: 5) == 1)
        #expect(layout.firstElement(of: 4) == 7)
    }

    @Test func groupLargerThanRowIsAnError() throws {
        #expect(throws: QuantizationError.groupLargerThanRow(groupSize: 5, columns: 4)) {
            try quantize(try matrix([["1", "2", "3", "4"]]), QuantizationConfiguration(scheme: .absmax, granularity: .group(5)))
        }
    }

    /// bitsandbytes' LLM.int8 row-wise int8: q = round(x · (127/absmax)); x̂ = q · absmax ·
    /// float32(1/127). Element 2 differs from the textbook's q · (absmax/127) in the last bit.
    @Test func bitsandbytesRowwise() throws {
        let x = try vector(["0.3", "1.7", "-0.9", "2.6", "-0.05"])
        let bnb = try quantize(x, QuantizationConfiguration(scheme: .absmax, convention: .bitsandbytes))
        #expect(bnb.granularity == .row)
        #expect(bnb.scales == [try FloatFormat.float32.round("2.6").bits])  // the absmax (SCB)
        #expect(bnb.quantized == [15, 83, -44, 127, -2])
        #expect(bnb.dequantized.doubleValues == [0.30708661675453186, 1.6992125511169434, -0.900787353515625, 2.5999999046325684, -0.04094488173723221])
        let textbook = try quantize(x, QuantizationConfiguration(scheme: .absmax))
        #expect(textbook.quantized == [15, 83, -44, 127, -2])
        #expect(textbook.dequantized.doubleValues[2] == -0.9007874131202698)
    }
}
