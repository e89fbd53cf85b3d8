import Testing
import SoftFloat

/// The library used the way another package's tests would use it: generic numeric code run in
/// bfloat16, with the accumulation error asserted against a float64 reference.
struct DownstreamUsageTests {
    /// A textbook dot product, written once for any floating-point type.
    func dot<T: BinaryFloatingPoint>(_ x: [T], _ y: [T]) -> T {
        zip(x, y).reduce(T.zero) { $0 + $1.0 * $1.1 }
    }

    /// 256 reproducible inputs in [−1, 1), already bfloat16 so that only the arithmetic errs.
    func inputs(seed: UInt64) -> [BFloat16] {
        var random = SplitMix64(seed: seed)
        return (0..<256).map { _ in BFloat16(Double(Int64(bitPattern: random.next()) >> 11) * 0x1p-52) }
    }

    @Test func bfloat16DotProductErrorIsBounded() {
        let x = inputs(seed: 1), y = inputs(seed: 2)
        // Products of 8-bit significands are exact in Double; the float64 sum errs by ≤ 2^-45 relative.
        let exact = zip(x, y).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        let magnitude = zip(x, y).reduce(0.0) { $0 + abs(Double($1.0) * Double($1.1)) }
        let n = Double(x.count)
        let u = 0x1p-8  // unit roundoff of bfloat16
        let gamma = n * u / (1 - n * u)  // Higham's γ_n, valid since n·u < 1

        let computed = Double(dot(x, y))
        #expect(abs(computed - exact) <= gamma * magnitude, "bfloat16 dot \(computed) vs \(exact)")
        // The result is bit-exact and reproducible, so it can be pinned.
        #expect(dot(x, y) == dot(x, y))

        // Mixed precision, as on tensor cores: bfloat16 inputs, float32 products and sums.
        let widened = Double(dot(x.map(SoftFloat32.init), y.map(SoftFloat32.init)))
        #expect(abs(widened - exact) <= n * 0x1p-24 / (1 - n * 0x1p-24) * magnitude)
        #expect(abs(widened - exact) < abs(computed - exact))
        // Fused multiply-add accumulation in bfloat16 rounds once per step instead of twice.
        let fused = Double(zip(x, y).reduce(BFloat16.zero) { $0.addingProduct($1.0, $1.1) })
        #expect(abs(fused - exact) <= (n - 1) * u / (1 - (n - 1) * u) * magnitude)
    }

    /// Swamping: adding 0.01 ten thousand times stalls at 4 in bfloat16 under nearest-even
    /// (half an ulp of 4 is 2^-6 > 0.01), while stochastic rounding stays unbiased.
    @Test func stochasticRoundingAvoidsStagnation() {
        let step = BFloat16(0.01)
        var nearest = BFloat16.zero
        var stochastic = BFloat16.zero
        var random = SplitMix64(seed: 42)
        for _ in 0..<10_000 {
            nearest += step
            stochastic = stochastic.adding(step, rounding: .stochastic, random: random.next()).result
        }
        #expect(nearest == 4)
        let expected = 10_000 * Double(step)
        #expect(abs(Double(stochastic) - expected) < 0.05 * expected, "stochastic sum \(stochastic)")
    }
}
