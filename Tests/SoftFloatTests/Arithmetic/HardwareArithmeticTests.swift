import Testing
import SoftFloat

/// The engine against the machine's own IEEE arithmetic under nearest-even: Swift `Float16`
/// (computed through Float, which is exact for +, −, ×, ÷, √ since 24 ≥ 2·11 + 2), `Float`
/// and `Double` (SSE, correctly rounded, fma included). NaN results compare by NaN-ness only:
/// x86 returns a negative default NaN, the engine a positive one (``NaNPropagation``).
struct HardwareArithmeticTests {
    static let sampleCount = 20_000


    struct Case: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        var testDescription: String { "\(operation.rawValue) \(format.name)" }
    }

    static func hardware<T: BinaryFloatingPoint>(_ operation: ArithmeticOperation, _ a: T, _ b: T, _ c: T) -> T {
        switch operation {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .squareRoot: return a.squareRoot()
        case .fusedMultiplyAdd: return c.addingProduct(a, b)
        default: preconditionFailure("no hardware instruction for \(operation.rawValue)")
        }
    }

    static func hardwareResult(_ format: FloatFormat, _ operation: ArithmeticOperation, _ operands: [UInt64]) -> UInt64 {
        let a = operands[0], b = operands.count > 1 ? operands[1] : 0, c = operands.count > 2 ? operands[2] : 0
        switch format {
        case .float16:
            #if arch(x86_64) || arch(arm64)
            let r = hardware(operation, Float16(bitPattern: UInt16(a)), Float16(bitPattern: UInt16(b)), Float16(bitPattern: UInt16(c)))
            return UInt64(r.bitPattern)
            #else
            return 0
            #endif
        case .float32:
            let r = hardware(operation, Float(bitPattern: UInt32(a)), Float(bitPattern: UInt32(b)), Float(bitPattern: UInt32(c)))
            return UInt64(r.bitPattern)
        default:
            return hardware(operation, Double(bitPattern: a), Double(bitPattern: b), Double(bitPattern: c)).bitPattern
        }
    }

    static let cases: [Case] = [FloatFormat.float16, .float32, .float64].flatMap { format in
        // Float16's fma goes through Float, which could double-round, so it is left to MPFR.
        ArithmeticOperation.correctlyRounded.filter { !(format == .float16 && $0 == .fusedMultiplyAdd) }
            .map { Case(format: format, operation: $0) }
    }

    @Test(arguments: cases)
    func randomOperands(_ c: Case) {
        var generator = OperandGenerator(format: c.format, seed: 0x5eed + UInt64(c.operation.arity))
        var mismatches: [String] = []
        for _ in 0..<Self.sampleCount {
            let operands = generator.operands(for: c.operation)
            let got = c.operation.engine(c.format, operands[0], operands.count > 1 ? operands[1] : 0,
                                         operands.count > 2 ? operands[2] : 0, options: .standard).bits
            let expected = Self.hardwareResult(c.format, c.operation, operands)
            let agrees = c.format.isNaN(expected) ? c.format.isNaN(got) : got == expected
            if !agrees {
                mismatches.append("\(operands.map(c.format.hexString)) → \(c.format.hexString(got)), hardware \(c.format.hexString(expected))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }

    /// Every float16 code through √, against Float16's.
    @Test func everyFloat16SquareRoot() {
        var mismatches: [UInt64] = []
        for a in UInt64(0)...0xffff {
            let got = FloatFormat.float16.squareRoot(a).bits
            let expected = Self.hardwareResult(.float16, .squareRoot, [a])
            if FloatFormat.float16.isNaN(expected) ? !FloatFormat.float16.isNaN(got) : got != expected { mismatches.append(a) }
        }
        #expect(mismatches.isEmpty, "√ differs for \(mismatches.prefix(8).map(FloatFormat.float16.hexString))")
    }
}
