import MPFRReference
import Testing
import SoftFloat

/// Random operands of the wide formats for every operation, every rounding mode and both
/// policy pairs: MPFR for the IEEE directions, the round-to-odd Double oracle for the modes
/// MPFR lacks (nearest-away and odd; valid for precision ≤ 25, so float64 is left to MPFR's
/// four directions).
struct RandomOperandTests {
    static let casesPerCombination = 2_000

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: TestedOperation
        let rounding: RoundingMode
        var testDescription: String { "\(operation.rawValue) \(format.name) \(rounding.rawValue)" }
    }

    static let cases: [Case] = [FloatFormat.float16, .bfloat16, .tf32, .float32, .float64].flatMap { format in
        TestedOperation.allCases.flatMap { operation in
            RoundingMode.allCases.filter { $0 != .stochastic && (format.precision <= 25 || MPFRRounding($0) != nil) }
                .map { Case(format: format, operation: operation, rounding: $0) }
        }
    }

    @Test(arguments: cases)
    func againstOracle(_ c: Case) {
        var generator = OperandGenerator(format: c.format, seed: UInt64(c.testDescription.utf8.reduce(0) { $0 &* 31 &+ UInt64($1) }))
        var mismatches: [String] = []
        let policies = [RoundingOptions(rounding: c.rounding),
                        RoundingOptions(rounding: c.rounding, overflow: .saturate, subnormals: .flush)]
        for index in 0..<Self.casesPerCombination {
            let options = policies[index & 1]
            let operands = generator.operands(for: c.operation)
            let got = c.operation.engine(c.format, operands[0], operands.count > 1 ? operands[1] : 0,
                                         operands.count > 2 ? operands[2] : 0, options: options)
            let expected: Rounded
            let agrees: Bool
            if let reference = c.operation.mpfrOracle(c.format, operands, options: options) {
                expected = reference
                agrees = c.operation.agrees(got, reference, operands: operands, format: c.format)
            } else {
                expected = c.operation.doubleOracle(c.format, operands, options: options)
                agrees = got == expected
            }
            if !agrees {
                mismatches.append("\(operands.map(c.format.hexString)) \(options.overflow.rawValue)/\(options.subnormals.rawValue) → \(c.format.hexString(got.bits)) \(got.flags), expected \(c.format.hexString(expected.bits)) \(expected.flags)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
