import Testing
import SoftFloat

/// Remainders, round-to-integral and conversion to Int64, against `Double`'s own exact
/// operations (`remainder`, `truncatingRemainder`, `rounded`): every code or pair of codes of
/// the small formats, every code of float16 and bfloat16.
struct IntegralAndRemainderTests {
    static let smallFormats: [FloatFormat] = FloatFormat.builtIn.filter { $0.bitWidth <= 8 } + [try! FloatFormat.named("e5m2:bias=16")]
    static let deterministicModes = RoundingMode.allCases.filter { $0 != .stochastic }

    /// x rounded to an integer in `mode`, in Double (exact: every value here has ≤ 53 bits).
    static func integral(_ x: Double, _ mode: RoundingMode) -> Double {
        switch mode {
        case .nearestEven: return x.rounded(.toNearestOrEven)
        case .nearestAway: return x.rounded(.toNearestOrAwayFromZero)
        case .towardZero: return x.rounded(.towardZero)
        case .up: return x.rounded(.up)
        case .down: return x.rounded(.down)
        case .odd:
            let truncated = x.rounded(.towardZero)
            if truncated == x || truncated.truncatingRemainder(dividingBy: 2) != 0 { return truncated }
            return truncated + (x < 0 ? -1 : 1)
        case .stochastic: fatalError("not deterministic")
        }
    }

    static func expectedNaN(_ format: FloatFormat, _ operands: [UInt64]) -> Rounded? {
        ArithmeticOperation.expectedNaN(format, operands, fusedInvalid: false)
    }

    struct FormatCase: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        var testDescription: String { format.name }
    }

    @Test(arguments: smallFormats.map(FormatCase.init))
    func remaindersOfEveryPair(_ c: FormatCase) {
        let format = c.format
        var mismatches: [String] = []
        // Every pair for the OCP formats and the small ones; every fifth pair otherwise.
        let stride: UInt64 = [.float8_e4m3fn, .float8_e5m2, .float8_e8m0fnu].contains(format) || format.bitWidth < 8 ? 1 : 5
        for a in 0...format.codeMask {
            for b in 0...format.codeMask where (a << 8 | b) % stride == 0 {
                for nearest in [true, false] {
                    let got = nearest ? format.remainder(a, b) : format.truncatingRemainder(a, b)
                    let expected: Rounded
                    if let nan = Self.expectedNaN(format, [a, b]) {
                        expected = nan
                    } else {
                        let x = format.doubleValue(a), y = format.doubleValue(b)
                        let r = nearest ? x.remainder(dividingBy: y) : x.truncatingRemainder(dividingBy: y)
                        expected = r.isNaN ? Rounded(bits: format.nanBits ?? 0, flags: .invalid)
                                           : FloatFormat.float64.convert(r.bitPattern, to: format)
                    }
                    if got != expected {
                        mismatches.append("\(nearest ? "rem" : "fmod")(\(format.hexString(a)), \(format.hexString(b))) → \(format.hexString(got.bits)) \(got.flags), expected \(format.hexString(expected.bits)) \(expected.flags)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }

    @Test func float16RemaindersAgainstFloat() {
        var generator = OperandGenerator(format: .float16, seed: 42)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let a = generator.next(), b = generator.next()
            let x = Float(Float16(bitPattern: UInt16(a))), y = Float(Float16(bitPattern: UInt16(b)))
            for nearest in [true, false] {
                let got = nearest ? FloatFormat.float16.remainder(a, b) : FloatFormat.float16.truncatingRemainder(a, b)
                let r = nearest ? x.remainder(dividingBy: y) : x.truncatingRemainder(dividingBy: y)
                let expected = UInt64(Float16(r).bitPattern)
                let agrees = r.isNaN ? FloatFormat.float16.isNaN(got.bits) : got.bits == expected && !got.flags.contains(.inexact)
                if !agrees { mismatches.append("\(nearest ? "rem" : "fmod")(\(a), \(b)) → \(got.bits), Float \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(8))")
    }

    struct ModeCase: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let rounding: RoundingMode
        var testDescription: String { "\(format.name) \(rounding.rawValue)" }
    }

    /// Every code of float16 and the small formats in every deterministic mode; bfloat16 in
    /// the two modes that differ most (nearest-even and odd).
    static let modeCases: [ModeCase] = ([FloatFormat.float16] + smallFormats).flatMap { format in
        deterministicModes.map { ModeCase(format: format, rounding: $0) }
    } + [ModeCase(format: .bfloat16, rounding: .nearestEven), ModeCase(format: .bfloat16, rounding: .odd)]

    @Test(arguments: modeCases)
    func roundToIntegralAndInt64OfEveryCode(_ c: ModeCase) {
        let format = c.format
        var mismatches: [String] = []
        for a in 0...format.codeMask {
            let got = format.roundToIntegral(a, options: RoundingOptions(rounding: c.rounding))
            let gotInteger = format.convertToInt64(a, rounding: c.rounding)
            let expected: Rounded
            let expectedInteger: (value: Int64, flags: FloatFlags)
            if let nan = Self.expectedNaN(format, [a]) {
                expected = nan
                expectedInteger = (0, .invalid)
            } else {
                let x = format.doubleValue(a)
                let r = Self.integral(x, c.rounding)
                var converted = FloatFormat.float64.convert(r.bitPattern, to: format)
                let changed = r != x && !x.isInfinite
                if changed { converted.flags.insert(.inexact) }
                expected = x.isInfinite ? Rounded(bits: a) : converted
                if r.isInfinite || r >= 0x1p63 || r < -0x1p63 {
                    expectedInteger = (r < 0 ? .min : .max, .invalid)
                } else {
                    expectedInteger = (Int64(r), changed ? .inexact : [])
                }
            }
            if got != expected {
                mismatches.append("roundToIntegral(\(format.hexString(a))) → \(format.hexString(got.bits)) \(got.flags), expected \(format.hexString(expected.bits)) \(expected.flags)")
            }
            if gotInteger != expectedInteger {
                mismatches.append("convertToInt64(\(format.hexString(a))) → \(gotInteger), expected \(expectedInteger)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }

    /// Int64 edges in float32 and float64, and Int64 → format against the exact text path.
    @Test func integerConversionEdges() {
        let f32 = FloatFormat.float32, f64 = FloatFormat.float64
        #expect(f32.convertToInt64(0x5effffff) == (0x7fff_ff80_0000_0000, []))
        #expect(f32.convertToInt64(0xdf000000) == (.min, []))
        #expect(f32.convertToInt64(0xdf000001) == (.min, .invalid))
        #expect(f64.convertToInt64(0x43dfffffffffffff) == (0x7fff_ffff_ffff_fc00, []))
        #expect(f64.convertToInt64(0x43e0000000000000) == (.max, .invalid))
        #expect(f64.convertToInt64(0x7ff8000000000000) == (0, .invalid))
        #expect(f64.convertToInt64(0xfff0000000000000) == (.min, .invalid))
        #expect(f64.convertToInt64(0x0000000000000001, rounding: .up) == (1, .inexact))
        #expect(f64.convertToInt64(0x8000000000000001, rounding: .up) == (0, .inexact))
        #expect(f64.convertToInt64(0x3fe0000000000000, rounding: .nearestAway) == (1, .inexact))
        #expect(f64.convertToInt64(0x3fe0000000000000, rounding: .nearestEven, exact: false) == (0, []))
        var random = SplitMix64(seed: 7)
        let extremes: [Int64] = [0, 1, -1, .max, .min, .max - 1, .min + 1, 1 << 53 + 1, -(1 << 24) - 1]
        for index in 0..<1_000 {
            let value = index < extremes.count ? extremes[index] : Int64(bitPattern: random.next()) >> (random.next() % 64)
            for format in [FloatFormat.float64, .float32, .float16, .bfloat16, .float8_e4m3fn, .float8_e8m0fnu] {
                for rounding in Self.deterministicModes {
                    let options = RoundingOptions(rounding: rounding)
                    let got = format.convert(fromInt64: value, options: options)
                    let expected = format.round(value, options: options)
                    #expect(got == expected, "\(value) → \(format.name) \(rounding)")
                }
            }
        }
    }
}
