import MPFRReference
import SoftFloat
import Testing

/// Conversions and operations whose results are special: NaN, infinities, signed zeros,
/// stand-ins in formats without infinity or NaN, and the modes MPFR lacks.
@Suite struct SpecialCaseTests {
    struct ConversionCase: Sendable, CustomTestStringConvertible {
        var bits: UInt64
        var source: FloatFormat
        var target: FloatFormat
        var overflow: OverflowPolicy = .default
        var expected: UInt64
        var flags: FloatFlags = []
        var testDescription: String { "\(source.name) \(hex(bits, source)) → \(target.name) \(overflow.rawValue) = \(hex(expected, target)) [\(flags)]" }
    }

    static let conversions: [ConversionCase] = [
        ConversionCase(bits: (-431.99999999999994).bitPattern, source: .float64, target: .float8_e4m3fn, expected: 0xfd, flags: .inexact),
        ConversionCase(bits: 0x3ff0_1000_0000_1000, source: .float64, target: .bfloat16, expected: 0x3f81, flags: .inexact),
        ConversionCase(bits: 0x477f_e000, source: .float32, target: .float16, expected: 0x7bff),
        ConversionCase(bits: 0x477f_f000, source: .float32, target: .float16, expected: 0x7c00, flags: [.overflow, .inexact]),
        ConversionCase(bits: 0x43e8_0000, source: .float32, target: .float8_e4m3fn, expected: 0x7e, flags: .inexact),  // 464
        ConversionCase(bits: 0x4770_0000, source: .float32, target: .float8_e5m2, expected: 0x7c, flags: [.overflow, .inexact]),  // 61440
        // NaNs: a signaling source raises invalid; formats without NaN give 0 with invalid.
        ConversionCase(bits: 0x7f80_0001, source: .float32, target: .float16, expected: 0x7e00, flags: .invalid),
        ConversionCase(bits: 0x7fc0_0000, source: .float32, target: .float16, expected: 0x7e00),
        ConversionCase(bits: 0xffc0_0000, source: .float32, target: .float8_e4m3fn, expected: 0xff),
        ConversionCase(bits: 0x7fc0_0000, source: .float32, target: .float8_e5m2fnuz, expected: 0x80),
        ConversionCase(bits: 0x7fc0_0000, source: .float32, target: .float4_e2m1fn, expected: 0x0, flags: .invalid),
        ConversionCase(bits: 0x7fc0_0000, source: .float32, target: .float8_e8m0fnu, expected: 0xff),
        ConversionCase(bits: 0x80, source: .float8_e4m3fnuz, target: .float32, expected: 0x7fc0_0000),
        ConversionCase(bits: 0xff, source: .float8_e4m3fn, target: .float32, expected: 0xffc0_0000),
        // Infinities into formats without them.
        ConversionCase(bits: 0x7f80_0000, source: .float32, target: .float8_e4m3fn, expected: 0x7f, flags: .invalid),
        ConversionCase(bits: 0x7f80_0000, source: .float32, target: .float8_e4m3fn, overflow: .saturate, expected: 0x7e, flags: .invalid),
        ConversionCase(bits: 0xff80_0000, source: .float32, target: .float4_e2m1fn, expected: 0xf, flags: .invalid),
        ConversionCase(bits: 0x7f80_0000, source: .float32, target: .float8_e8m0fnu, expected: 0xff, flags: .invalid),
        ConversionCase(bits: 0xff80_0000, source: .float32, target: .float8_e4m3fnuz, expected: 0x80, flags: .invalid),
        // Zeros.
        ConversionCase(bits: 0x8000_0000, source: .float32, target: .float16, expected: 0x8000),
        ConversionCase(bits: 0x8000_0000, source: .float32, target: .float8_e4m3fnuz, expected: 0x00),
        ConversionCase(bits: 0x0000_0000, source: .float32, target: .float8_e8m0fnu, expected: 0xff, flags: .invalid),
        // float8_e8m0fnu code 0 is 2^-127: a subnormal in float32 and bfloat16, below float16's range.
        ConversionCase(bits: 0x00, source: .float8_e8m0fnu, target: .float32, expected: 0x0040_0000),
        ConversionCase(bits: 0x00, source: .float8_e8m0fnu, target: .bfloat16, expected: 0x0040),
        ConversionCase(bits: 0x00, source: .float8_e8m0fnu, target: .float16, expected: 0x0000, flags: [.underflow, .inexact]),
        ConversionCase(bits: 0xfe, source: .float8_e8m0fnu, target: .float16, expected: 0x7c00, flags: [.overflow, .inexact]),
    ]

    @Test(arguments: conversions)
    func convert(_ test: ConversionCase) {
        let rounded = MPFRReference.convert(bits: test.bits, from: test.source, to: test.target, overflow: test.overflow)!
        #expect(rounded == Rounded(bits: test.expected, flags: test.flags), "got \(hex(rounded.bits, test.target)) [\(rounded.flags)]")
    }

    struct OperationCase: Sendable, CustomTestStringConvertible {
        var operation: ArithmeticOperation
        var operands: [UInt64]
        var format: FloatFormat
        var rounding: RoundingMode = .nearestEven
        var expected: UInt64
        var flags: FloatFlags = []
        var testDescription: String {
            "\(format.name) \(operation)(\(operands.map { hex($0, format) }.joined(separator: ", "))) \(rounding.rawValue) = \(hex(expected, format)) [\(flags)]"
        }
    }

    static let operations: [OperationCase] = {
        let one: UInt64 = 0x3c00, zero: UInt64 = 0, negativeZero: UInt64 = 0x8000
        let infinity: UInt64 = 0x7c00, negativeInfinity: UInt64 = 0xfc00, nan: UInt64 = 0x7e00, signaling: UInt64 = 0x7d00
        return [
            OperationCase(operation: .subtract, operands: [infinity, infinity], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .add, operands: [infinity, negativeInfinity], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .multiply, operands: [zero, infinity], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .divide, operands: [zero, zero], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .divide, operands: [infinity, infinity], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .squareRoot, operands: [0xbc00], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .fusedMultiplyAdd, operands: [infinity, zero, one], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .fusedMultiplyAdd, operands: [infinity, one, negativeInfinity], format: .float16, expected: nan, flags: .invalid),
            // A quiet NaN operand propagates without flags, even next to 0 × ∞.
            OperationCase(operation: .fusedMultiplyAdd, operands: [zero, infinity, nan], format: .float16, expected: nan),
            OperationCase(operation: .add, operands: [nan, one], format: .float16, expected: nan),
            OperationCase(operation: .add, operands: [signaling, one], format: .float16, expected: nan, flags: .invalid),
            OperationCase(operation: .divide, operands: [one, zero], format: .float16, expected: infinity, flags: .divideByZero),
            OperationCase(operation: .divide, operands: [0xbc00, zero], format: .float16, expected: negativeInfinity, flags: .divideByZero),
            OperationCase(operation: .divide, operands: [one, negativeZero], format: .float16, expected: negativeInfinity, flags: .divideByZero),
            OperationCase(operation: .divide, operands: [infinity, zero], format: .float16, expected: infinity),
            OperationCase(operation: .squareRoot, operands: [negativeZero], format: .float16, expected: negativeZero),
            OperationCase(operation: .squareRoot, operands: [infinity], format: .float16, expected: infinity),
            // Signed zeros: an exact zero sum is +0, −0 when rounding down.
            OperationCase(operation: .subtract, operands: [one, one], format: .float16, expected: zero),
            OperationCase(operation: .subtract, operands: [one, one], format: .float16, rounding: .down, expected: negativeZero),
            OperationCase(operation: .add, operands: [negativeZero, negativeZero], format: .float16, expected: negativeZero),
            OperationCase(operation: .add, operands: [zero, negativeZero], format: .float16, expected: zero),
            OperationCase(operation: .multiply, operands: [negativeZero, one], format: .float16, expected: negativeZero),
            OperationCase(operation: .fusedMultiplyAdd, operands: [0x3c01, 0x3c01, 0xbc02], format: .float16, expected: 0x0010),
            OperationCase(operation: .subtract, operands: [0x38, 0x38], format: .float8_e4m3fnuz, rounding: .down, expected: 0x00),
            OperationCase(operation: .subtract, operands: [0x38, 0x38], format: .float8_e4m3fn, rounding: .down, expected: 0x80),
            // Formats without infinity: x/0 gives their stand-in, with invalid as well.
            OperationCase(operation: .divide, operands: [0x38, 0x00], format: .float8_e4m3fn, expected: 0x7f, flags: [.divideByZero, .invalid]),
            OperationCase(operation: .divide, operands: [0x02, 0x00], format: .float4_e2m1fn, expected: 0x7, flags: [.divideByZero, .invalid]),
            OperationCase(operation: .divide, operands: [0x38, 0x00], format: .float8_e4m3fnuz, expected: 0x80, flags: [.divideByZero, .invalid]),
            OperationCase(operation: .multiply, operands: [0x78, 0x78], format: .float8_e4m3fn, expected: 0x7f, flags: [.overflow, .inexact]),
            OperationCase(operation: .squareRoot, operands: [0xb8], format: .float8_e4m3fnuz, expected: 0x80, flags: .invalid),
            OperationCase(operation: .squareRoot, operands: [0xa], format: .float4_e2m1fn, expected: 0x0, flags: .invalid),
            // float8_e8m0fnu: 1 × 1 = 1, 1 − 1 = 0 which it cannot hold, 2^127 × 2 overflows.
            OperationCase(operation: .multiply, operands: [0x7f, 0x7f], format: .float8_e8m0fnu, expected: 0x7f),
            OperationCase(operation: .subtract, operands: [0x7f, 0x7f], format: .float8_e8m0fnu, expected: 0xff, flags: .invalid),
            OperationCase(operation: .multiply, operands: [0xfe, 0x80], format: .float8_e8m0fnu, expected: 0xff, flags: [.overflow, .inexact]),
            OperationCase(operation: .divide, operands: [0x00, 0x80], format: .float8_e8m0fnu, expected: 0x00, flags: [.underflow, .inexact]),
            OperationCase(operation: .squareRoot, operands: [0x81], format: .float8_e8m0fnu, expected: 0x80),
        ]
    }()

    @Test(arguments: operations)
    func evaluate(_ test: OperationCase) {
        let rounded = MPFRReference.evaluate(test.operation, test.operands, format: test.format, rounding: test.rounding)!
        #expect(sameResult(rounded.bits, test.expected, test.format) && rounded.flags == test.flags,
                "got \(hex(rounded.bits, test.format)) [\(rounded.flags)]")
        let nanExpected = MPFRValue(bits: test.expected, format: test.format).isNaN
        if !nanExpected { #expect(rounded.bits == test.expected) }
    }

    /// nearestAway and odd are derived from MPFR's directions (FormatEmulation+DerivedModes);
    /// only stochastic rounding has no reference.
    @Test(arguments: [RoundingMode.nearestAway, .odd])
    func derivedModesAnswer(_ mode: RoundingMode) throws {
        #expect(MPFRRounding(mode) == nil)
        #expect(MPFRReference.round(MPFRValue(1.0 + 0x1p-11), to: .float16, rounding: mode) == Rounded(bits: 0x3c01, flags: .inexact))
        #expect(MPFRReference.add(0x3c00, 0x3c00, format: .float16, rounding: mode) == Rounded(bits: 0x4000))
    }

    @Test(arguments: [RoundingMode.stochastic])
    func modesMPFRLacksGiveNil(_ mode: RoundingMode) throws {
        #expect(MPFRRounding(mode) == nil)
        #expect(MPFRReference.round(MPFRValue(1.0), to: .float16, rounding: mode) == nil)
        #expect(MPFRReference.convert(bits: 0x3c00, from: .float16, to: .float32, rounding: mode) == nil)
        #expect(try MPFRReference.round(text: "0.1", to: .float16, rounding: mode) == nil)
        #expect(MPFRReference.add(0x3c00, 0x3c00, format: .float16, rounding: mode) == nil)
        #expect(MPFRReference.sub(0x3c00, 0x3c00, format: .float16, rounding: mode) == nil)
        #expect(MPFRReference.mul(0x3c00, 0x3c00, format: .float16, rounding: mode) == nil)
        #expect(MPFRReference.div(0x3c00, 0x3c00, format: .float16, rounding: mode) == nil)
        #expect(MPFRReference.fma(0x3c00, 0x3c00, 0x3c00, format: .float16, rounding: mode) == nil)
        #expect(MPFRReference.sqrt(0x3c00, format: .float16, rounding: mode) == nil)
    }

    @Test func supportedModesMapToMPFR() {
        #expect(MPFRRounding(.nearestEven) == .nearestEven)
        #expect(MPFRRounding(.towardZero) == .towardZero)
        #expect(MPFRRounding(.up) == .up)
        #expect(MPFRRounding(.down) == .down)
    }

    /// MPFR's RNDA rounds every inexact result away from zero, and overflows to infinity.
    @Test func awayFromZero() {
        let justAboveOne = MPFRValue(1.0 + 0x1p-30)
        #expect(MPFRReference.round(justAboveOne, to: .float16, direction: .awayFromZero) == Rounded(bits: 0x3c01, flags: .inexact))
        #expect(MPFRReference.round(MPFRValue(-1.0 - 0x1p-30), to: .float16, direction: .awayFromZero) == Rounded(bits: 0xbc01, flags: .inexact))
        #expect(MPFRReference.round(MPFRValue(65505.0), to: .float16, direction: .awayFromZero) == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(MPFRReference.convert(bits: 1, from: .float64, to: .float32, direction: .awayFromZero) == Rounded(bits: 1, flags: [.underflow, .inexact]))
        #expect(MPFRReference.evaluate(.add, [0x3c00, 0x0001], format: .float16, direction: .awayFromZero) == Rounded(bits: 0x3c01, flags: .inexact))
    }

    @Test func namedOperationsMatchEvaluate() {
        #expect(MPFRReference.add(0x3c00, 0x3c00, format: .float16) == Rounded(bits: 0x4000))
        #expect(MPFRReference.sub(0x3c00, 0x3c00, format: .float16, rounding: .down) == Rounded(bits: 0x8000))
        #expect(MPFRReference.mul(0x78, 0x78, format: .float8_e4m3fn) == Rounded(bits: 0x7f, flags: [.overflow, .inexact]))
        #expect(MPFRReference.div(0x3f80_0000, 0x4040_0000, format: .float32) == Rounded(bits: 0x3eaa_aaab, flags: .inexact))
        #expect(MPFRReference.fma(0x3c01, 0x3c01, 0xbc02, format: .float16) == Rounded(bits: 0x0010))
        #expect(MPFRReference.sqrt(0x4000, format: .float16) == Rounded(bits: 0x3da8, flags: .inexact))
    }
}
