import MPFRReference
import Testing
import SoftFloat

/// Conversions against the MPFR emulation of each format (an independent implementation):
/// every float16 and bfloat16 code to every other built-in format in every MPFR direction,
/// random float32 and float64 inputs to every format, and hand-made ties for the two modes MPFR
/// lacks (nearest-away and odd).
struct MPFRConversionTests {
    struct Pair: Sendable, CustomTestStringConvertible {
        let source: FloatFormat
        let target: FloatFormat
        var testDescription: String { "\(source.name) → \(target.name)" }
    }

    static let exhaustivePairs: [Pair] = [FloatFormat.float16, .bfloat16].flatMap { source in
        FloatFormat.builtIn.filter { $0 != source }.map { Pair(source: source, target: $0) }
    }

    /// The engine's result for an MPFR direction. MPFR's RNDA (away from zero) is `up` for
    /// positive values and `down` for negative ones.
    static func engine(_ bits: UInt64, _ pair: Pair, _ direction: MPFRRounding, overflow: OverflowPolicy = .default) -> Rounded {
        let negative = pair.source.fields(of: bits).negative
        let mode = direction.engineMode(negative: negative)
        return pair.source.convert(bits, to: pair.target, options: RoundingOptions(rounding: mode, overflow: overflow))
    }

    static func agree(_ engine: Rounded, _ oracle: Rounded, _ format: FloatFormat) -> Bool {
        if format.isNaN(oracle.bits) { return format.isNaN(engine.bits) && engine.flags == oracle.flags }
        return engine == oracle
    }

    @Test(arguments: exhaustivePairs)
    func everySixteenBitCodeInEveryMPFRDirection(pair: Pair) {
        var failures = 0
        for direction in MPFRRounding.allCases {
            for bits in UInt64(0)...0xffff {
                let oracle = MPFRReference.convert(bits: bits, from: pair.source, to: pair.target, direction: direction)
                let ours = Self.engine(bits, pair, direction)
                if !Self.agree(ours, oracle, pair.target) {
                    failures += 1
                    if failures <= 5 {
                        Issue.record("\(pair.testDescription) \(direction.rawValue) \(pair.source.hexString(bits)): engine \(pair.target.hexString(ours.bits)) [\(ours.flags)], MPFR \(pair.target.hexString(oracle.bits)) [\(oracle.flags)]")
                    }
                }
            }
        }
        #expect(failures == 0)
    }

    @Test(arguments: FloatFormat.builtIn)
    func randomWideInputsWithSaturationAndFlush(target: FloatFormat) {
        var random = SplitMix64(seed: UInt64(target.bitWidth * 1000 + target.mantissaBits))
        var failures = 0
        for index in 0..<4_000 {
            let fromDouble = index % 2 == 0
            let source: FloatFormat = fromDouble ? .float64 : .float32
            var bits = random.next() & source.codeMask
            // Bias half the inputs toward the target's range so rounding, not overflow, dominates.
            if index % 4 < 2 {
                let value = Double(sign: random.next() & 1 == 0 ? .plus : .minus,
                                   exponent: Int(random.next() % UInt64(target.maxExponent - target.minNormalExponent + 8)) + target.minNormalExponent - 6,
                                   significand: 1 + Double(random.next() >> 11) * 0x1p-53)
                bits = fromDouble ? value.bitPattern : UInt64(Float(value).bitPattern)
            }
            let direction = MPFRRounding.allCases[Int(random.next() % 5)]
            let overflow: OverflowPolicy = index % 3 == 0 ? .saturate : .default
            let subnormals: SubnormalPolicy = index % 5 == 0 ? .flush : .keep
            let pair = Pair(source: source, target: target)
            let oracle = MPFRReference.convert(bits: bits, from: source, to: target, direction: direction, overflow: overflow, subnormals: subnormals)
            let negative = source.fields(of: bits).negative
            let mode = direction.engineMode(negative: negative)
            let ours = source.convert(bits, to: target, options: RoundingOptions(rounding: mode, overflow: overflow, subnormals: subnormals))
            if !Self.agree(ours, oracle, target) {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(pair.testDescription) \(direction.rawValue) \(overflow) \(subnormals) \(source.hexString(bits)): engine \(target.hexString(ours.bits)) [\(ours.flags)], MPFR \(target.hexString(oracle.bits)) [\(oracle.flags)]")
                }
            }
        }
        #expect(failures == 0)
    }

    struct TieCase: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let text: String
        let nearestAway: UInt64
        let odd: UInt64
        var testDescription: String { "\(text) → \(format.name)" }
    }

    /// Hand-made exact ties (and a few exact or out-of-range values), worked out by hand.
    static let ties: [TieCase] = [
        .init(format: .float16, text: "1.00048828125", nearestAway: 0x3c01, odd: 0x3c01),     // 1 + 2^-11
        .init(format: .float16, text: "1.00146484375", nearestAway: 0x3c02, odd: 0x3c01),     // 1 + 3·2^-11
        .init(format: .float16, text: "-1.00048828125", nearestAway: 0xbc01, odd: 0xbc01),
        .init(format: .float16, text: "1.0009765625", nearestAway: 0x3c01, odd: 0x3c01),      // exact
        .init(format: .float16, text: "65520", nearestAway: 0x7c00, odd: 0x7bff),             // max + ulp/2
        .init(format: .float16, text: "2.98023223876953125e-8", nearestAway: 0x0001, odd: 0x0001), // 2^-25
        .init(format: .bfloat16, text: "1.00390625", nearestAway: 0x3f81, odd: 0x3f81),       // 1 + 2^-8
        .init(format: .bfloat16, text: "1.01171875", nearestAway: 0x3f82, odd: 0x3f81),       // 1 + 3·2^-8
        .init(format: .float8_e4m3fn, text: "3.125", nearestAway: 0x45, odd: 0x45),           // 1.5625 × 2
        .init(format: .float8_e4m3fn, text: "464", nearestAway: 0x7f, odd: 0x7e),             // 480 is NaN; odd → max
        .init(format: .float8_e4m3fn, text: "0.0009765625", nearestAway: 0x01, odd: 0x01),    // 2^-10
        .init(format: .float8_e5m2, text: "1.125", nearestAway: 0x3d, odd: 0x3d),
        .init(format: .float8_e5m2, text: "-1.375", nearestAway: 0xbe, odd: 0xbd),
        .init(format: .float4_e2m1fn, text: "2.5", nearestAway: 0x5, odd: 0x5),
        .init(format: .float4_e2m1fn, text: "5", nearestAway: 0x7, odd: 0x7),
        .init(format: .float4_e2m1fn, text: "0.25", nearestAway: 0x1, odd: 0x1),
        .init(format: .float4_e2m1fn, text: "7", nearestAway: 0x7, odd: 0x7),                 // saturates / truncates to 6
        .init(format: .float8_e8m0fnu, text: "3", nearestAway: 0x81, odd: 0x80),              // 2 or 4
    ]

    @Test(arguments: ties)
    func nearestAwayAndOddTies(_ tie: TieCase) throws {
        let away = try tie.format.round(tie.text, options: RoundingOptions(rounding: .nearestAway))
        let odd = try tie.format.round(tie.text, options: RoundingOptions(rounding: .odd))
        #expect(away.bits == tie.nearestAway, "nearest-away gave \(tie.format.hexString(away.bits))")
        #expect(odd.bits == tie.odd, "odd gave \(tie.format.hexString(odd.bits))")
        // The MPFR-derived modes that the exhaustive tests use as their oracle, on the same table.
        let mpfrAway = try MPFRReference.round(text: tie.text, to: tie.format, rounding: .nearestAway)!
        let mpfrOdd = try MPFRReference.round(text: tie.text, to: tie.format, rounding: .odd)!
        #expect(mpfrAway.bits == tie.nearestAway, "MPFR nearest-away gave \(tie.format.hexString(mpfrAway.bits))")
        #expect(mpfrOdd.bits == tie.odd, "MPFR odd gave \(tie.format.hexString(mpfrOdd.bits))")
        #expect(mpfrAway == away && mpfrOdd == odd)
    }
}
