import SoftFloat
import Testing
@testable import Quantization

/// The tutorials' worked examples, bit for bit.
@Suite struct TutorialExampleTests {
    /// Tutorial 000 (LLM.int8 blog): absmax int8 of an fp16 vector, every step in float16, as
    /// torch computes it.
    @Test func absmaxInFloat16MatchesTorch() throws {
        let x = try vector(["1.2", "-0.5", "-4.3", "1.2", "-3.1", "0.8", "2.4", "5.4"], .float16)
        let result = try quantize(x, QuantizationConfiguration(scheme: .absmax, compute: .float16))
        #expect(result.scales == [try FloatFormat.float16.round("0.042510986328125").bits])
        #expect(FloatFormat.float16.exactDecimal(result.scales[0]) == "0.042510986328125")
        #expect(result.quantized == [28, -12, -101, 28, -73, 19, 56, 127])
        let expected = try codes(
            ["1.1904296875", "-0.51025390625", "-4.29296875", "1.1904296875", "-3.103515625", "0.8076171875", "2.380859375", "5.3984375"],
            .float16)
        #expect(hex(result.dequantized.codes, .float16) == hex(expected, .float16))
        #expect(result.zeroPoints == [0])
        #expect(result.metrics.clampedCount == 0)
    }

    /// The same numbers read as float32 text and cast to float16 by the kernel (torch's
    /// `tensor(…, dtype=float16)` rounds each Python float once to float16; so do we).
    @Test func float32InputCastToFloat16() throws {
        let x = try vector(["1.2", "-0.5", "-4.3", "1.2", "-3.1", "0.8", "2.4", "5.4"], .float64)
        let result = try quantize(x, QuantizationConfiguration(scheme: .absmax, compute: .float16))
        #expect(result.input.format == .float16)
        #expect(result.quantized == [28, -12, -101, 28, -73, 19, 56, 127])
    }

    /// Tutorial 002's asymmetric walkthrough (`asymmetric_quantization`) on a fixed 4 × 4 matrix
    /// in float32. Expected values from numpy float32 arithmetic; the tutorial's own mix of
    /// Python-float S and Z with float32 division gives the same q and x̂ for this matrix.
    @Test func zeroPointWalkthrough() throws {
        let w = try matrix([
            ["0.5765", "-1.2210", "0.3311", "1.8927"],
            ["-0.0472", "0.7783", "-2.0418", "0.1254"],
            ["1.1408", "-0.6604", "0.0089", "-0.3937"],
            ["-1.5170", "0.2452", "0.9821", "-0.8126"],
        ])
        let result = try quantize(w, QuantizationConfiguration(scheme: .zeroPoint))
        #expect(hex(result.scales, .float32) == ["0x3c7ccba5"])  // 0.015429412
        #expect(result.zeroPoints == [4])  // round(−128 + 2.0418/S) = round(4.3316803)
        #expect(result.quantized == [41, -75, 25, 127, 1, 54, -128, 12, 78, -39, 5, -22, -94, 20, 68, -49])
        let expected: [Double] = [
            0.5708882212638855, -1.218923568725586, 0.32401764392852783, 1.8978177309036255,
            -0.04628823697566986, 0.7714706063270569, -2.036682367324829, 0.12343529611825943,
            1.141776442527771, -0.6634647250175476, 0.015429412014782429, -0.401164710521698,
            -1.5120823383331299, 0.24687059223651886, 0.9874823689460754, -0.8177588582038879,
        ]
        #expect(result.dequantized.doubleValues == expected)
        #expect(result.metrics.meanSquaredError == 2.380846363125947e-05)
    }
}
