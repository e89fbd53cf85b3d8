import SoftFloat
import Testing
@testable import Quantization

@Suite struct ScaledFloatKernelTests {
    /// scale = 3.5 / 448 = 2^-7 exactly, so x / scale = [128, −256, 448, 12.8] and only 12.8
    /// rounds (to 13 in e4m3fn's [8, 16) binade, step 1): x̂ = 13 · 2^-7 = 0.1015625.
    @Test func e4m3PerTensor() throws {
        let result = try quantize(try vector(["1", "-2", "3.5", "0.1"]), QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn)))
        #expect(result.scales == [try FloatFormat.float32.round("0.0078125").bits])
        #expect(result.quantized.map { FloatFormat.float8_e4m3fn.doubleValue(UInt64(bitPattern: $0)) } == [128, -256, 448, 13])
        // Exact values (the shortest decimals would be "130.0", "-260.0", "450.0").
        #expect((0..<4).map { result.quantizedText(row: 0, column: $0) } == ["128.0", "-256.0", "448.0", "13.0"])
        #expect(result.dequantized.doubleValues == [1, -2, 3.5, 0.1015625])
        #expect(result.metrics.clampedCount == 0)
        #expect(result.metrics.bitsPerParameter == 8 + 32.0 / 4)
    }

    /// e5m2 per row: row 0's scale 1.75 / 57344 = 2^-15; 0.3 · 2^15 = 9830.4 → 10240 (e5m2's
    /// [8192, 16384) binade has step 2048) → x̂ = 0.3125. Row 1 is all zero: scale 0.
    @Test func e5m2PerRow() throws {
        let result = try quantize(
            try matrix([["1.75", "0.3"], ["0", "0"]]),
            QuantizationConfiguration(scheme: .scaledFloat(.float8_e5m2), granularity: .row))
        #expect(result.scales == [try FloatFormat.float32.round("0.000030517578125").bits, 0])
        #expect(FloatFormat.float8_e5m2.doubleValue(UInt64(bitPattern: result.quantized[1])) == 10240)
        #expect(result.dequantized.doubleValues == [1.75, 0.3125, 0, 0])
    }
}

extension ScaledFloatKernelTests {
    /// Per column: column 0's scale 448/448 = 1, column 1's 0.875/448 = 2^-9.
    @Test func e4m3PerColumn() throws {
        let result = try quantize(
            try matrix([["448", "0.875"], ["-3", "0.1"]]),
            QuantizationConfiguration(scheme: .scaledFloat(.float8_e4m3fn), granularity: .column))
        #expect(result.scales.map(FloatFormat.float32.doubleValue) == [1, 0.001953125])
        // 0.1 · 512 = 51.2 → 52 (step 4 in [32, 64)) → 52 / 512 = 0.1015625
        #expect(result.dequantized.doubleValues == [448, 0.875, -3, 0.1015625])
    }
}
