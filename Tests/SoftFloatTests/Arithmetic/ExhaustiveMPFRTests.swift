import MPFRReference
import Testing
import SoftFloat

/// Every pair of codes of every built-in format of at most 8 bits — and a few user-defined
/// ones with unusual biases — for +, −, ×, ÷ under nearest-even, and every code for √,
/// against the MPFR reference with the format's policies applied.
struct ExhaustiveMPFRTests {
    static let formats: [FloatFormat] = FloatFormat.builtIn.filter { $0.bitWidth <= 8 } + [
        try! FloatFormat.named("e5m2:bias=16"), try! FloatFormat.named("e3m2"), try! FloatFormat.named("e4m3fn:bias=4"),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        var testDescription: String { "\(operation.rawValue) \(format.name)" }
    }

    static let cases: [Case] = formats.flatMap { format in
        ArithmeticOperation.correctlyRounded.filter { $0 != .fusedMultiplyAdd }.map { Case(format: format, operation: $0) }
    }

    @Test(arguments: cases)
    func nearestEven(_ c: Case) {
        let codes = UInt64(0)...c.format.codeMask
        var mismatches: [String] = []
        var count = 0
        var operands: [UInt64] = Array(repeating: 0, count: c.operation.arity)
        for a in codes {
            operands[0] = a
            for b in c.operation.arity == 1 ? 0...0 : codes {
                if c.operation.arity == 2 { operands[1] = b }
                count += 1
                let got = c.operation.engine(c.format, a, b, options: .standard)
                let expected = c.operation.mpfrOracle(c.format, operands, options: .standard)!
                if !c.operation.agrees(got, expected, operands: operands, format: c.format) {
                    mismatches.append("\(operands.map(c.format.hexString)) → \(c.format.hexString(got.bits)) \(got.flags), MPFR \(c.format.hexString(expected.bits)) \(expected.flags)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
