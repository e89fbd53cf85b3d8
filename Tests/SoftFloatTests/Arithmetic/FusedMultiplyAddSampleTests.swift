import MPFRReference
import Testing
import SoftFloat

/// A documented sample of fused multiply-add triples of every 8-bit format for the debug suite
/// (the release run in ``LongArithmeticTests`` covers all 2^24): 5 000 random triples per
/// format and MPFR direction, a quarter of them arranged to cancel.
struct FusedMultiplyAddSampleTests {
    static let directions: [RoundingMode] = [.nearestEven, .towardZero, .up, .down]

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let rounding: RoundingMode
        var testDescription: String { "\(format.name) \(rounding.rawValue)" }
    }

    static let cases = FloatFormat.builtIn.filter { $0.bitWidth <= 8 }.flatMap { format in
        directions.map { Case(format: format, rounding: $0) }
    }

    @Test(arguments: cases)
    func randomTriples(_ c: Case) {
        var generator = OperandGenerator(format: c.format, seed: 0xf3a)
        var mismatches: [String] = []
        for index in 0..<5_000 {
            let options = index.isMultiple(of: 2) ? RoundingOptions(rounding: c.rounding)
                                                  : RoundingOptions(rounding: c.rounding, overflow: .saturate, subnormals: .flush)
            let operands = generator.operands(for: .fusedMultiplyAdd)
            let got = c.format.fusedMultiplyAdd(operands[0], operands[1], operands[2], options: options)
            let expected = ArithmeticOperation.fusedMultiplyAdd.mpfrOracle(c.format, operands, options: options)!
            if !ArithmeticOperation.fusedMultiplyAdd.agrees(got, expected, operands: operands, format: c.format) {
                mismatches.append("fma\(operands.map(c.format.hexString)) → \(c.format.hexString(got.bits)) \(got.flags), MPFR \(c.format.hexString(expected.bits)) \(expected.flags)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
