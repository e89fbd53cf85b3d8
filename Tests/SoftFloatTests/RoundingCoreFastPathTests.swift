import Testing
@testable import SoftFloat

/// The rounding core answers nearest-even results in the normal range with a short inline
/// path (`roundPackNormalNearestEven`) and everything else with the general one
/// (`roundPackGeneral`). Wherever the short path answers, it must give exactly the general
/// path's bits and flags; these tests feed both the same values, biased towards the places
/// where they could disagree: ties, a sticky tail on a tie, a one-bit shift, carries into the
/// next binade and past the largest finite value, the edge of the normal range.
@Suite struct RoundingCoreFastPathTests {
    static let formats: [FloatFormat] = [
        .float64, .float32, .float16, .bfloat16, .tf32, .float8_e4m3fn, .float8_e4m3fnuz, .float8_e5m2,
        .float8_e5m2fnuz, .float8_e4m3, .float8_e3m4, .float6_e2m3fn, .float6_e3m2fn, .float4_e2m1fn, .float8_e8m0fnu,
    ]

    @Test(arguments: formats)
    func agreesWithTheGeneralPathOn64BitSignificands(format: FloatFormat) {
        var random = SplitMix64(seed: 0xfa57 &+ UInt64(format.mantissaBits))
        let answered = Self.countAgreements(format: format, count: 200_000) {
            Self.value(format: format, random: &random)
        }
        // The generator must exercise the short path, or this test proves nothing.
        #expect(answered > 50_000, "only \(answered) of 200000 values took the short path")
    }

    @Test(arguments: [FloatFormat.float64, .float32, .float16])
    func agreesWithTheGeneralPathOn128BitSignificands(format: FloatFormat) {
        var random = SplitMix64(seed: 0x128)
        let answered = Self.countAgreements(format: format, count: 100_000) {
            let (negative, exponent, low, sticky) = Self.value(format: format, random: &random)
            let high = random.next() >> (random.next() % 64)
            return (negative, exponent &- (64 &- high.leadingZeroBitCount), UInt128(high) << 64 | UInt128(low), sticky)
        }
        #expect(answered > 20_000, "only \(answered) of 100000 values took the short path")
    }

    /// Rounds `count` generated values both ways, records the first disagreement, and returns
    /// how many values the short path answered.
    static func countAgreements<Significand: FixedWidthInteger & UnsignedInteger>(
        format: FloatFormat, count: Int, next: () -> (Bool, Int, Significand, Bool)
    ) -> Int {
        var answered = 0
        for _ in 0..<count {
            let (negative, exponent, significand, sticky) = next()
            guard let fast = RoundingCore.roundPackNormalNearestEven(
                negative: negative, exponent: exponent, significand: significand, sticky: sticky,
                format: format, options: .standard) else { continue }
            answered += 1
            let general = RoundingCore.roundPackGeneral(
                negative: negative, exponent: exponent, significand: significand, sticky: sticky,
                format: format, options: .standard)
            guard fast == general else {
                Issue.record("\(format.name): \(negative ? "−" : "")\(significand) × 2^\(exponent), sticky \(sticky): \(fast) ≠ \(general)")
                return answered
            }
        }
        return answered
    }

    @Test(arguments: [RoundingMode.towardZero, .up, .down, .nearestAway, .odd, .stochastic])
    func declinesEveryOtherMode(mode: RoundingMode) {
        let options = RoundingOptions(rounding: mode)
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: false, exponent: -10, significand: 0x400 as UInt64, sticky: false,
            format: .float16, options: options) == nil)
    }

    @Test func declinesOverflowTinyAndUnsignedNegativeValues() {
        // 65520 = 0xfff × 2^4 rounds up past 65504 in float16: the general path gives infinity.
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: false, exponent: 4, significand: 0xfff as UInt64, sticky: false,
            format: .float16, options: .standard) == nil)
        // 2^-15 is below float16's normal range.
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: false, exponent: -15, significand: 1 as UInt64, sticky: false,
            format: .float16, options: .standard) == nil)
        // −1 in the unsigned float8_e8m0fnu is NaN with invalid.
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: true, exponent: 0, significand: 1 as UInt64, sticky: false,
            format: .float8_e8m0fnu, options: .standard) == nil)
        // A tie with a sticky tail is above half: 1 + 2^-11 + tail → 1 + 2^-10 in float16.
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: false, exponent: -11, significand: 0x801 as UInt64, sticky: true,
            format: .float16, options: .standard) == Rounded(bits: 0x3c01, flags: .inexact))
        // The doc comment's example: 1 + 2^-10 + 2^-11, a tie with an odd kept part.
        #expect(RoundingCore.roundPackNormalNearestEven(
            negative: false, exponent: -11, significand: 0x803 as UInt64, sticky: false,
            format: .float16, options: .standard) == Rounded(bits: 0x3c02, flags: .inexact))
    }

    /// Values below half the smallest subnormal leave the general path early: float16 2^-26,
    /// −2^-30 and 2^-1000 (smallest subnormal 2^-24) are ±0 or ±2^-24 by mode and policy.
    @Test(arguments: RoundingMode.allCases.filter { $0 != .stochastic })
    func farBelowTheSubnormalsMatchesTheFullSteps(mode: RoundingMode) {
        for (negative, exponent) in [(false, -26), (true, -30), (false, -1000)] {
            for subnormals in [SubnormalPolicy.keep, .flush] {
                let options = RoundingOptions(rounding: mode, subnormals: subnormals)
                let got = RoundingCore.roundPack(negative: negative, exponent: exponent, significand: 1 as UInt64,
                                                 sticky: false, format: .float16, options: options)
                let roundsAway = subnormals == .keep && (mode == .odd || (mode == .up && !negative) || (mode == .down && negative))
                let expected = roundsAway ? (negative ? 0x8001 : 0x0001) : (negative ? 0x8000 : 0x0000) as UInt64
                #expect(got == Rounded(bits: expected, flags: [.underflow, .inexact]), "\(mode) \(subnormals) \(negative ? "−" : "")2^\(exponent)")
            }
        }
    }

    /// A value near the format's normal range whose significand has between 1 and 64 bits,
    /// with the bits below the precision chosen to make ties and carries frequent.
    static func value(format: FloatFormat, random: inout SplitMix64) -> (Bool, Int, UInt64, Bool) {
        let precision = format.mantissaBits + 1
        let width = 1 + Int(random.next() % 64)
        var significand = random.next() >> UInt64(64 - width) | UInt64(1) << UInt64(width - 1)
        let dropped = width - precision
        if dropped > 0 {
            switch random.next() % 4 {
            case 0:  // exactly half an ulp below the kept bits
                significand = (significand >> UInt64(dropped)) << UInt64(dropped) | UInt64(1) << UInt64(dropped - 1)
            case 1:  // all kept bits ones: rounding up carries into the next binade
                significand |= (UInt64(1) << UInt64(width - 1)) - 1
            default:
                break
            }
        }
        let sticky = random.next() % 3 == 0
        // Leading bit's scale spread over the normal range and a little beyond either end.
        let span = format.maxFiniteBiasedExponent - format.minNormalExponent - format.bias + 4
        let valueExponent = format.minNormalExponent - 2 + Int(random.next() % UInt64(span + 2))
        let exponent = valueExponent - (width - 1)
        let negative = format.isSigned ? random.next() % 2 == 0 : random.next() % 16 == 0
        return (negative, exponent, significand, sticky)
    }
}
