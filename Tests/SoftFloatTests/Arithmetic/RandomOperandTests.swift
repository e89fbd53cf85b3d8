import MPFRReference
import Testing
import SoftFloat

/// Random operands of the wide formats for every operation, every deterministic rounding mode
/// and both policy pairs, against MPFR (nearest-away and odd derived from MPFR's directions).
struct RandomOperandTests {
    static let casesPerCombination = 2_000

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        let rounding: RoundingMode
        var testDescription: String { "\(operation.rawValue) \(format.name) \(rounding.rawValue)" }
    }

    static let cases: [Case] = [FloatFormat.float16, .bfloat16, .tf32, .float32, .float64].flatMap { format in
        ArithmeticOperation.correctlyRounded.flatMap { operation in
            RoundingMode.allCases.filter { $0 != .stochastic }
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
            let expected = c.operation.mpfrOracle(c.format, operands, options: options)!
            if !c.operation.agrees(got, expected, operands: operands, format: c.format) {
                mismatches.append("\(operands.map(c.format.hexString)) \(options.overflow.rawValue)/\(options.subnormals.rawValue) → \(c.format.hexString(got.bits)) \(got.flags), expected \(c.format.hexString(expected.bits)) \(expected.flags)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
