import MPFRReference
import Testing
import SoftFloat
#if canImport(Glibc)
import Glibc
#endif

/// The long verification run, off by default. Run it in release mode:
///
///     PRECISIONLAB_LONG_TESTS=1 swift test -c release --scratch-path .build-arith --filter LongArithmeticTests
///
/// - 10^6 random cases per operation and wide format (float16, bfloat16, tf32, float32,
///   float64), cycling through MPFR's four IEEE directions and both policy pairs;
/// - all 2^24 fused multiply-add triples of every 8-bit format under nearest-even.
@Suite(.enabled(if: getenv("PRECISIONLAB_LONG_TESTS") != nil, "set PRECISIONLAB_LONG_TESTS=1 to run"))
struct LongArithmeticTests {
    static let casesPerOperation = 1_000_000

    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        var testDescription: String { "\(operation.rawValue) \(format.name)" }
    }

    static let randomCases = [FloatFormat.float16, .bfloat16, .tf32, .float32, .float64].flatMap { format in
        ArithmeticOperation.correctlyRounded.map { Case(format: format, operation: $0) }
    }

    @Test(arguments: randomCases)
    func millionRandomCases(_ c: Case) {
        var generator = OperandGenerator(format: c.format, seed: 0x10_0000 &+ UInt64(c.testDescription.utf8.count))
        let directions: [RoundingMode] = [.nearestEven, .towardZero, .up, .down]
        var mismatches: [String] = []
        for index in 0..<Self.casesPerOperation {
            let options = index & 8 == 0 ? RoundingOptions(rounding: directions[index & 3])
                                         : RoundingOptions(rounding: directions[index & 3], overflow: .saturate, subnormals: .flush)
            let operands = generator.operands(for: c.operation)
            let got = c.operation.engine(c.format, operands[0], operands.count > 1 ? operands[1] : 0,
                                         operands.count > 2 ? operands[2] : 0, options: options)
            let expected = c.operation.mpfrOracle(c.format, operands, options: options)!
            if !c.operation.agrees(got, expected, operands: operands, format: c.format) && mismatches.count < 20 {
                mismatches.append("\(operands.map(c.format.hexString)) \(options) → \(c.format.hexString(got.bits)) \(got.flags), MPFR \(c.format.hexString(expected.bits)) \(expected.flags)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    static let eightBitFormats = FloatFormat.builtIn.filter { $0.bitWidth == 8 }

    @Test(arguments: eightBitFormats)
    func everyFusedMultiplyAddTriple(_ format: FloatFormat) {
        var mismatches: [String] = []
        var operands: [UInt64] = [0, 0, 0]
        for a in UInt64(0)...0xff {
            operands[0] = a
            for b in UInt64(0)...0xff {
                operands[1] = b
                for c in UInt64(0)...0xff {
                    operands[2] = c
                    let got = format.fusedMultiplyAdd(a, b, c)
                    let expected = MPFRReference.evaluate(.fusedMultiplyAdd, operands, format: format, direction: .nearestEven)
                    if !ArithmeticOperation.fusedMultiplyAdd.agrees(got, expected, operands: operands, format: format) && mismatches.count < 20 {
                        mismatches.append("fma\(operands.map(format.hexString)) → \(format.hexString(got.bits)) \(got.flags), MPFR \(format.hexString(expected.bits)) \(expected.flags)")
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }
}
