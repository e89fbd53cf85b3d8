import SoftFloat
import Testing

/// Stochastic rounding with fixed random bits: every rule's exact code on hand-worked values.
@Suite("Stochastic rounding rules")
struct StochasticRuleTests {
    /// float32 1.3125 = 1 + 5/16 (0x3fa80000) to E2M1: T = 1.0 (code 0x2), T + ulp = 1.5 (0x3),
    /// δ = 0.3125 / 0.5 = 0.625.
    static let x: UInt64 = 0x3fa8_0000

    static func code(_ rule: StochasticRule, _ random: UInt64, _ bits: UInt64 = x, to target: FloatFormat = .float4_e2m1fn) -> UInt64 {
        FloatFormat.float32.convertStochastically(bits, to: target, rule: rule, random: random).bits
    }

    /// (rule, the smallest r that rounds away): gfloat rnte(2.5) = 2 → r ≥ 2; ties to odd 3 →
    /// r ≥ 1; fast ⌊5⌋ + 2r + 1 ≥ 8 → r ≥ 1; fastest ⌊2.5⌋ + r ≥ 4 → r ≥ 2; cvt.rs with 8 bits:
    /// 2621440 + r · 2^14 ≥ 2^22 → r ≥ 96.
    @Test(arguments: [
        (StochasticRule.gfloat(bits: 2), UInt64(2)), (.gfloatOdd(bits: 2), 1), (.gfloatFast(bits: 2), 1),
        (.gfloatFastest(bits: 2), 2), (.nvidiaRS(bits: 8), 96), (.gfloat(bits: 8), 96), (.gfloatFastest(bits: 8), 96),
    ])
    func thresholdOnOnePointThreeOneTwoFive(_ rule: StochasticRule, _ first: UInt64) {
        #expect(Self.code(rule, first - 1) == 0x2, "\(rule) r = \(first - 1)")
        #expect(Self.code(rule, first) == 0x3, "\(rule) r = \(first)")
        // The sign is applied to the rounded magnitude: −1.3125 → −1.0 (0xa) or −1.5 (0xb).
        #expect(Self.code(rule, first - 1, 0xbfa8_0000) == 0xa)
        #expect(Self.code(rule, first, 0xbfa8_0000) == 0xb)
        // Only the rule's own bits are read.
        #expect(Self.code(rule, first | (1 << 40)) == 0x3)
    }

    /// The engine's mode: away iff r < δ · 2^64 = 0xA000_0000_0000_0000.
    @Test func engineComparesSixtyFourBits() {
        #expect(Self.code(.engine, 0x9fff_ffff_ffff_ffff) == 0x3)
        #expect(Self.code(.engine, 0xa000_0000_0000_0000) == 0x2)
    }

    /// float32 → bfloat16, cvt.rs.bf16x2 reads 16 bits: 0x3f81a000 = 1 + 2^-7 + 0.625 · 2^-7 lies
    /// 0.625 ulp above bfloat16 0x3f81 (ulp 2^-7): d = 0xa000 = 40960, carry iff d + r ≥ 2^16, r ≥ 24576.
    /// This is exactly "bits(x) + r, truncate the low 16 bits" (CUTLASS's emulation).
    @Test func bfloat16CarryIsTheSixteenBitAddition() {
        let x: UInt64 = 0x3f81_a000
        for r: UInt64 in [0, 24575, 24576, 65535] {
            let expected = ((x + r) >> 16) & 0xffff
            #expect(Self.code(.nvidiaRS(bits: 16), r, x, to: .bfloat16) == expected, "r = \(r)")
        }
        #expect(Self.code(.nvidiaRS(bits: 16), 24575, x, to: .bfloat16) == 0x3f81)
        #expect(Self.code(.nvidiaRS(bits: 16), 24576, x, to: .bfloat16) == 0x3f82)
    }

    /// float16 keeps 10 of float32's 23 fraction bits: 13 discarded, 13 random bits (cvt.rs.f16x2).
    /// 1 + 3·2^-12 (0x3f801800): δ = 0.75 ulp of 2^-10 → d = 0x1800 = 6144 of 8192, away iff r ≥ 2048.
    @Test func float16UsesThirteenBits() {
        #expect(Self.code(.nvidiaRS(bits: 13), 2047, 0x3f80_1800, to: .float16) == 0x3c00)
        #expect(Self.code(.nvidiaRS(bits: 13), 2048, 0x3f80_1800, to: .float16) == 0x3c01)
    }

    /// For results in the normal range cvt.rs equals gfloat's StochasticFastest with as many
    /// bits (two formulas, one integer carry and one ⌊δ·2^n⌋, agree on every r).
    @Test(arguments: [UInt64(0x3fa8_0000), 0x4013_3333, 0x3e9a_0000, 0xc0b4_0000])
    func cvtRSMatchesFastestOnNormals(_ x: UInt64) {
        for r in UInt64(0)..<256 {
            #expect(Self.code(.nvidiaRS(bits: 8), r, x) == Self.code(.gfloatFastest(bits: 8), r, x), "x \(x) r \(r)")
        }
    }

    /// Exact values, zero and NaN never round; past the largest finite value the overflow
    /// policy decides (E2M1 has no infinity: 6.5 → 6 or, rounding away, the saturated 6).
    @Test func specialCases() {
        #expect(Self.code(.gfloat(bits: 4), 15, 0x3fc0_0000) == 0x3)  // 1.5 exact
        #expect(Self.code(.gfloat(bits: 4), 15, 0) == 0)
        let saturate = RoundingOptions(overflow: .saturate)
        let big = FloatFormat.float32.convertStochastically(0x40d0_0000, to: .float4_e2m1fn, rule: .gfloatFastest(bits: 2), random: 3, options: saturate)
        #expect(big.bits == 0x7 && big.flags.contains(.overflow))
        let small = FloatFormat.float32.convertStochastically(0x40d0_0000, to: .float4_e2m1fn, rule: .gfloatFastest(bits: 2), random: 0, options: saturate)
        #expect(small.bits == 0x7 && !small.flags.contains(.overflow))
    }
}
