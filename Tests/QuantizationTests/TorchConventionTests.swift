import SoftFloat
import Testing
@testable import Quantization

/// torch.ao's MinMaxObserver + quantize_per_tensor / quantize_per_channel, computed from the
/// formulas (numpy float32 arithmetic as the oracle).
struct TorchCase: Sendable, CustomTestStringConvertible {
    let name: String
    let rows: [[String]]
    let configuration: QuantizationConfiguration
    let scaleHex: [String]
    let zeroPoints: [Int64]
    let quantized: [Int64]
    let dequantized: [Double]
    let clamped: Int
    var testDescription: String { name }
}

@Suite struct TorchConventionTests {
    static let x = ["0.3", "1.7", "-0.9", "2.6", "-0.05"]

    static let cases: [TorchCase] = [
        // scale = 3/127.5; 3 · (1/scale) = 127.5 → rint 128 → clamps to 127; −3 → −128 fits.
        TorchCase(
            name: "symmetric qint8: +amax clamps at 127",
            rows: [["-3", "1", "3"]], configuration: .init(scheme: .absmax, convention: .torch),
            scaleHex: ["0x3cc0c0c1"], zeroPoints: [0], quantized: [-128, 42, 127],
            dequantized: [-3.0117647647857666, 0.9882352948188782, 2.9882352352142334], clamped: 1),
        TorchCase(
            name: "affine quint8",
            rows: [x], configuration: .init(scheme: .zeroPoint, isUnsigned: true, convention: .torch),
            scaleHex: ["0x3c60e0e1"], zeroPoints: [66], quantized: [88, 190, 0, 255, 62],
            dequantized: [0.3019607961177826, 1.701960802078247, -0.9058823585510254, 2.5941176414489746, -0.054901961237192154],
            clamped: 0),
        TorchCase(
            name: "affine qint8",
            rows: [x], configuration: .init(scheme: .zeroPoint, convention: .torch),
            scaleHex: ["0x3c60e0e1"], zeroPoints: [-62], quantized: [-40, 62, -128, 127, -66],
            dequantized: [0.3019607961177826, 1.701960802078247, -0.9058823585510254, 2.5941176414489746, -0.054901961237192154],
            clamped: 0),
        // quint8 symmetric: zero point 128; 2.6 · (1/scale) rounds to 128 + 128 = 256 → 255.
        TorchCase(
            name: "symmetric quint8 (zero point 128)",
            rows: [x], configuration: .init(scheme: .absmax, isUnsigned: true, convention: .torch),
            scaleHex: ["0x3ca70d73"], zeroPoints: [128], quantized: [143, 211, 84, 255, 126],
            dequantized: [0.3058823347091675, 1.6925488710403442, -0.8972548246383667, 2.589803695678711, -0.040784310549497604],
            clamped: 1),
        // All positive: min_neg = 0, so zp = 0 and the range starts at 0, not at 0.5.
        TorchCase(
            name: "affine quint8, all positive",
            rows: [["0.5", "1.5", "2.25", "3.0"]], configuration: .init(scheme: .zeroPoint, isUnsigned: true, convention: .torch),
            scaleHex: ["0x3c40c0c1"], zeroPoints: [0], quantized: [42, 128, 191, 255],
            dequantized: [0.4941176474094391, 1.5058823823928833, 2.247058868408203, 3.0], clamped: 0),
        // quantize_per_channel(axis=0).
        TorchCase(
            name: "affine qint8 per channel",
            rows: [["0.3", "1.7", "-0.9", "2.6"], ["0.5", "1.5", "2.25", "3.0"]],
            configuration: .init(scheme: .zeroPoint, granularity: .row, convention: .torch),
            scaleHex: ["0x3c60e0e1", "0x3c40c0c1"], zeroPoints: [-62, -128], quantized: [-40, 62, -128, 127, -86, 0, 63, 127],
            dequantized: [0.3019607961177826, 1.701960802078247, -0.9058823585510254, 2.5941176414489746,
                          0.4941176474094391, 1.5058823823928833, 2.247058868408203, 3.0],
            clamped: 0),
    ]

    @Test(arguments: cases)
    func matchesTorchFormulas(_ testCase: TorchCase) throws {
        let result = try quantize(try matrix(testCase.rows), testCase.configuration)
        #expect(hex(result.scales, .float32) == testCase.scaleHex)
        #expect(result.zeroPoints == testCase.zeroPoints)
        #expect(result.quantized == testCase.quantized)
        #expect(result.dequantized.doubleValues == testCase.dequantized)
        #expect(result.metrics.clampedCount == testCase.clamped)
    }

    /// fbgemm's comment case: x = 0.273939937, scale = 0.00214854861. x · float32(1/scale) is
    /// exactly 127.5 and rounds (half-even) to 128, where x / scale = 127.49999 gives 127.
    /// (A quint8 range, so that 128 is not clamped.)
    @Test func reciprocalMultiplyCornerCase() throws {
        let f32 = FloatFormat.float32
        let x = try f32.round("0.273939937").bits
        let scale = try f32.round("0.00214854861").bits
        let configuration = QuantizationConfiguration(scheme: .absmax, convention: .torch)
        let kernel = IntegerKernel(configuration: configuration)
        let compute = kernel.compute
        let torch = IntegerKernel.Parameters(
            scale: scale, zeroPoint: 0, zeroPointBeforeRounding: false,
            multiplier: compute.divide(compute.one, scale), isDegenerate: false, low: 0, high: 255)
        #expect(f32.shortestDecimal(compute.multiply(x, torch.multiplier!)) == "127.5")
        #expect(kernel.quantize(x, torch, zeroPointCode: 0).0 == 128)
        var textbook = torch
        textbook.multiplier = nil
        #expect(f32.shortestDecimal(compute.divide(x, scale)) == "127.49999")
        #expect(kernel.quantize(x, textbook, zeroPointCode: 0).0 == 127)
    }
}
