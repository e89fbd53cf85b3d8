import MPFRReference
import SoftFloat
import Testing

/// ``MPFRCodeEvaluator`` (the pair verifier's MPFR side: a table of decoded codes, reused
/// storage, thread state set once per row) gives exactly what the one-call
/// ``MPFRReference/evaluate(_:_:format:direction:overflow:subnormals:)`` gives, bits and flags.
struct CodeEvaluatorTests {
    static let operations: [ArithmeticOperation] = [.add, .subtract, .multiply, .divide, .squareRoot]
    static let formats: [FloatFormat] = [.float16, .bfloat16, .float8_e4m3fn, .float8_e4m3fnuz, .float8_e8m0fnu, .float4_e2m1fn]

    /// 600 sampled pairs (near 1, subnormals, the largest binades, specials, cancelling sums)
    /// in each of the five directions, one call at a time and as rows.
    @Test(arguments: formats, operations)
    func agreesWithOneCallEvaluation(format: FloatFormat, operation: ArithmeticOperation) {
        let evaluator = MPFRCodeEvaluator(format: format, operation: operation)
        var sampler = CodeSampler(format: format, seed: 16)
        for _ in 0..<600 {
            let a = sampler.next()
            let b = operation == .add || operation == .subtract ? sampler.near(a) : sampler.next()
            let operands = operation == .squareRoot ? [a] : [a, b]
            for direction in MPFRRounding.allCases {
                let expected = MPFRReference.evaluate(operation, operands, format: format, direction: direction)
                let got = evaluator.evaluate(a, b, direction: direction)
                #expect(sameResult(got.bits, expected.bits, format) && got.flags == expected.flags,
                        "\(operation.rawValue)(\(hex(a, format)), \(hex(b, format))) \(direction.rawValue): \(hex(got.bits, format)) \(got.flags), expected \(hex(expected.bits, format)) \(expected.flags)")
            }
        }
    }

    /// A whole float16 row, `a = 1 + 2^-10` against all 65,536 codes in RNDN and RNDA, with
    /// the sign of the exact result that names RNDA's IEEE direction.
    @Test(arguments: [ArithmeticOperation.add, .divide])
    func aRowAgreesWithOneCallEvaluation(operation: ArithmeticOperation) {
        let format = FloatFormat.float16
        let evaluator = MPFRCodeEvaluator(format: format, operation: operation)
        let a: UInt64 = 0x3c01
        var count = 0
        var disagreements: [String] = []
        evaluator.forEach(row: a, columns: 0..<0x10000, directions: [.nearestEven, .awayFromZero]) { b, index, result, negative in
            count += 1
            let direction: MPFRRounding = index == 0 ? .nearestEven : .awayFromZero
            let expected = MPFRReference.evaluate(operation, [a, b], format: format, direction: direction)
            let exact = operation == .add ? format.doubleValue(a) + format.doubleValue(b) : format.doubleValue(a) / format.doubleValue(b)
            let sameSign = exact.isNaN ? !negative : negative == (exact.sign == .minus)
            if !(sameResult(result.bits, expected.bits, format) && result.flags == expected.flags && sameSign), disagreements.count < 5 {
                disagreements.append("\(hex(b, format)) \(direction.rawValue): \(hex(result.bits, format)) \(result.flags) negative \(negative)")
            }
        }
        #expect(count == 2 * 65536)
        #expect(disagreements.isEmpty, "\(disagreements)")
    }

    /// Worked values: 1 + 2^-24 away from zero is 1 + 2^-10; 65504 × 2 overflows; 0 ÷ 0 is
    /// NaN; a signaling NaN operand raises invalid.
    @Test func workedValues() {
        #expect(MPFRCodeEvaluator(format: .float16, operation: .add).evaluate(0x3c00, 0x0001, direction: .awayFromZero)
            == Rounded(bits: 0x3c01, flags: .inexact))
        #expect(MPFRCodeEvaluator(format: .float16, operation: .multiply).evaluate(0x7bff, 0x4000, direction: .nearestEven)
            == Rounded(bits: 0x7c00, flags: [.overflow, .inexact]))
        #expect(MPFRCodeEvaluator(format: .float16, operation: .multiply).evaluate(0x7bff, 0x4000, direction: .towardZero)
            == Rounded(bits: 0x7bff, flags: [.overflow, .inexact]))
        #expect(MPFRCodeEvaluator(format: .float16, operation: .divide).evaluate(0x0000, 0x0000, direction: .nearestEven)
            == Rounded(bits: 0x7e00, flags: .invalid))
        #expect(MPFRCodeEvaluator(format: .bfloat16, operation: .add).evaluate(0x7f81, 0x3f80, direction: .nearestEven).flags == .invalid)
    }
}
