import MPFRReference
import Testing
import SoftFloat

/// Extreme codes — zeros, the least subnormal, the least normal, the largest value, all-ones
/// patterns, and garbage above the format's width — through every operation in every mode and
/// policy, in every built-in format and some unusual user-defined ones. Nothing may trap, every
/// result must fit the format's width, and the MPFR directions must agree.
struct ExtremeOperandTests {
    static let formats: [FloatFormat] = FloatFormat.builtIn + [
        "e5m2:bias=16", "e11m52", "e8m23:bias=1", "e11m52:bias=-900", "e4m3fn:bias=-3", "e6m9", "e2m1", "e1m6fn",
        "e3m0fn", "e11m0fn", "e10m1fnuz",
    ].map { try! FloatFormat.named($0) }

    static func extremes(_ format: FloatFormat) -> [UInt64] {
        let minNormal = UInt64(1) << UInt64(format.mantissaBits)
        var codes: [UInt64] = [0, 1, 2, minNormal - 1, minNormal, format.maxFiniteBits, format.maxFiniteBits - 1,
                               format.magnitudeMask, format.codeMask, UInt64.max, format.round(1).bits, format.round(3).bits]
        codes += codes.map { $0 | format.signMask }
        return codes
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        var testDescription: String { format.name }
    }

    @Test(arguments: formats.map(Case.init))
    func noTrapsAndMPFRAgrees(_ c: Case) {
        let format = c.format
        let codes = Self.extremes(format)
        var mismatches: [String] = []
        let allOptions = RoundingMode.allCases.enumerated().map { index, rounding in
            index.isMultiple(of: 2) ? RoundingOptions(rounding: rounding)
                                    : RoundingOptions(rounding: rounding, overflow: .saturate, subnormals: .flush)
        } + [RoundingOptions(rounding: .nearestEven, overflow: .saturate, subnormals: .flush)]
        for options in allOptions {
            for a in codes {
                for b in codes {
                    for operation in ArithmeticOperation.correctlyRounded {
                        let c3 = codes[Int((a ^ b) % UInt64(codes.count))]
                        let got = operation.engine(format, a, b, c3, options: options, random: a &* 0x9E37_79B9_7F4A_7C15)
                        #expect(got.bits & ~format.codeMask == 0)
                        guard options.rounding != .stochastic,
                              let expected = operation.mpfrOracle(format, Array([a, b, c3].prefix(operation.arity)).map { $0 & format.codeMask }, options: options)
                        else { continue }
                        if !operation.agrees(got, expected, operands: [a, b, c3].map { $0 & format.codeMask }, format: format) {
                            mismatches.append("\(operation) \([a, b, c3].prefix(operation.arity).map(format.hexString)) \(options.rounding) → \(format.hexString(got.bits)) \(got.flags), MPFR \(format.hexString(expected.bits)) \(expected.flags)")
                        }
                    }
                    for result in [format.remainder(a, b), format.truncatingRemainder(a, b), format.minimum(a, b), format.maximumNumber(a, b),
                                   format.roundToIntegral(a, options: options, random: b)] {
                        #expect(result.bits & ~format.codeMask == 0)
                    }
                    _ = format.compare(a, b)
                    _ = format.totalOrder(a, b)
                    _ = format.convertToInt64(a, rounding: options.rounding, random: b)
                }
            }
        }
        for value in [Int64.min, .max, 0, -1, 1] {
            _ = format.convert(fromInt64: value)
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
