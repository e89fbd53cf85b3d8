import SoftFloat
import Testing
@testable import Quantization

/// Transformer Engine's delayed scaling, step by step on hand-worked tensors (E4M3, max 448).
@Suite("FP8 delayed scaling")
struct FP8DelayedScalingTests {
    /// fl32(448/500) = 0.896 = 0x3f656042; fl32(0.896/2) = 0x3ee56042.
    static let scale448Over500: UInt64 = 0x3f65_6042

    /// History 2, "max": step 0 (scale 1) saturates −500 to −448; the scale 448/500 then lasts
    /// while 500 is in the window (steps 1 and 2) and becomes 448/1 from step 3.
    @Test func maxHistoryKeepsTheSpikeForItsLength() throws {
        var recipe = FP8DelayedScaling(element: .float8_e4m3fn, historyLength: 2, algorithm: .max)
        let first = recipe.step(try vector(["3", "-500"]))
        #expect(first.scale == 0x3f80_0000)
        #expect(first.quantized == [0x44, 0xfe])   // 3, −448
        #expect(first.saturated == 1)
        #expect(first.amax == 0x43fa_0000)         // 500
        #expect(recipe.scale == Self.scale448Over500)
        let second = recipe.step(try vector(["1", "0.5"]))
        #expect(second.scale == Self.scale448Over500)
        // 1 · 0.896 → 0.875 (0x36); 0.5 · 0.896 = 0.448 → 0.4375 (0x2e); x̂ = q · fl32(1/0.896).
        #expect(second.quantized == [0x36, 0x2e])
        #expect(second.dequantized[0] == FloatFormat.float32.multiply(0x3f60_0000, FloatFormat.float32.divide(0x3f80_0000, Self.scale448Over500).bits).bits)
        let third = recipe.step(try vector(["1", "0.5"]))
        #expect(third.scale == Self.scale448Over500)
        let fourth = recipe.step(try vector(["1", "0.5"]))
        #expect(fourth.scale == 0x43e0_0000)       // 448 / 1
        #expect(fourth.quantized == [0x7e, 0x76])  // 448, 224
    }

    /// "most_recent" forgets the spike after one step whatever the history length.
    @Test func mostRecentUsesTheLastAmax() throws {
        var recipe = FP8DelayedScaling(element: .float8_e4m3fn, historyLength: 16, algorithm: .mostRecent)
        _ = recipe.step(try vector(["3", "-500"]))
        _ = recipe.step(try vector(["1", "0.5"]))
        #expect(recipe.scale == 0x43e0_0000)
    }

    /// margin 1 halves the scale; an all-zero tensor keeps the previous one.
    @Test func marginAndZeroTensors() throws {
        var recipe = FP8DelayedScaling(element: .float8_e4m3fn, historyLength: 1, algorithm: .max, margin: 1)
        _ = recipe.step(try vector(["3", "-500"]))
        #expect(recipe.scale == 0x3ee5_6042)
        let zeros = recipe.step(try vector(["0", "0"]))
        #expect(zeros.quantized == [0, 0])
        #expect(recipe.scale == 0x3ee5_6042)
    }

    /// An amax so small that 448/amax overflows float32 gives FLT_MAX.
    @Test func hugeScaleIsCappedAtFloatMax() throws {
        var recipe = FP8DelayedScaling(element: .float8_e4m3fn, historyLength: 1, algorithm: .max)
        _ = recipe.step(try vector(["1e-40", "0"]))
        #expect(recipe.scale == 0x7f7f_ffff)
    }
}
