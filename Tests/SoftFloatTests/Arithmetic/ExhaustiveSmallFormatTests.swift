import Testing
@testable import SoftFloat

/// The rounding modes other than nearest-even, against the round-to-odd hardware-Double oracle
/// (``DoubleOracle``: exact for precision ≤ 25), whose last step for nearest-away and odd is
/// MPFR's rounding of that Double, not the engine's. MPFR covers nearest-even exhaustively
/// (``ExhaustiveMPFRTests``); here the sample is documented: every pair of float8_e4m3fn codes
/// in all five other deterministic modes (nearest-away, toward zero, up, down, odd), and every
/// seventh pair of the other formats. Pairs alternate between the default policies and
/// saturate + flush, so both overflow and both subnormal policies are covered.
struct ExhaustiveSmallFormatTests {
    static let formats: [FloatFormat] = [
        .float8_e4m3fn, .float8_e5m2, .float8_e4m3fnuz, .float8_e8m0fnu, .float6_e3m2fn, .float4_e2m1fn,
        try! FloatFormat.named("e5m2:bias=16"), try! FloatFormat.named("e7m0fn"),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        let rounding: RoundingMode
        var stride: Int { format == .float8_e4m3fn || format.bitWidth < 8 ? 1 : 7 }
        var testDescription: String { "\(operation.rawValue) \(format.name) \(rounding.rawValue) every \(stride) pairs" }
    }

    static let cases: [Case] = formats.flatMap { format in
        ArithmeticOperation.correctlyRounded.filter { $0 != .fusedMultiplyAdd }.flatMap { operation in
            RoundingMode.allCases.filter { $0 != .stochastic && $0 != .nearestEven }.map {
                Case(format: format, operation: operation, rounding: $0)
            }
        }
    }

    @Test(arguments: cases)
    func otherModes(_ c: Case) {
        Self.check(c)
    }

    static func check(_ c: Case) {
        let codes = UInt64(0)...c.format.codeMask
        let table = codes.map(c.format.doubleValue)
        var mismatches: [String] = []
        var count = 0
        var operands: [UInt64] = Array(repeating: 0, count: c.operation.arity)
        var values: [Double] = Array(repeating: 0, count: c.operation.arity)
        let policies = [RoundingOptions(rounding: c.rounding),
                        RoundingOptions(rounding: c.rounding, overflow: .saturate, subnormals: .flush)]
        var index = 0
        func compare() {
            index += 1
            guard index % c.stride == 0 else { return }
            count += 1
            let options = policies[(index / c.stride + Int(operands[0])) & 1]
            let got = c.operation.engine(c.format, operands[0], operands.count > 1 ? operands[1] : 0, options: options)
            let expected = c.operation.doubleOracle(c.format, operands, values: values, options: options)
            if got != expected {
                mismatches.append("\(operands.map(c.format.hexString)) \(options.overflow.rawValue)/\(options.subnormals.rawValue) → \(c.format.hexString(got.bits)) \(got.flags), expected \(c.format.hexString(expected.bits)) \(expected.flags)")
            }
        }
        for a in codes {
            operands[0] = a
            values[0] = table[Int(a)]
            if c.operation.arity == 1 {
                compare()
                continue
            }
            for b in codes {
                operands[1] = b
                values[1] = table[Int(b)]
                compare()
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
