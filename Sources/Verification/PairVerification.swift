import FastKernels
import MPFRReference
import SoftFloat

/// Every pair of codes of a format of at most 8 bits (every code for sqrt), in every MPFR
/// direction, through the engine and through MPFR; bits and flags must agree (NaN results
/// agree when both are NaN with the same flags).
///
/// MPFR's RNDA (away from zero) is checked as the engine's `up` for a positive exact result
/// and `down` for a negative one. The sign of the exact result comes from float64 arithmetic
/// on the operands, which is exact in sign for codes of at most 8 bits.
public struct PairVerification: Sendable {
    /// The operations `verify --pairs` checks: add, sub, mul, div, sqrt (fma has three operands).
    public static let operations: [ArithmeticOperation] = [.add, .subtract, .multiply, .divide, .squareRoot]

    public typealias Outcome = VerificationOutcome<String>

    public let format: FloatFormat
    public let operation: ArithmeticOperation
    public let threads: Int

    public init(format: FloatFormat, operation: ArithmeticOperation, threads: Int) throws(PairVerificationError) {
        guard format.bitWidth <= 8 else { throw .formatTooWide(format.name) }
        self.format = format
        self.operation = operation
        self.threads = max(1, threads)
    }

    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> Outcome {
        let codes = Int(format.codeMask) + 1
        let rows = operation == .squareRoot ? 1 : codes
        let format = format
        let operation = operation
        return Outcome.collect(count: rows, threads: threads, progress: progress) { slice, finished in
            var local = Outcome()
            for row in slice {
                for column in 0..<codes {
                    let a = UInt64(operation == .squareRoot ? column : row)
                    let b = UInt64(column)
                    for direction in MPFRRounding.allCases {
                        let oracle = Self.oracle(a, b, format: format, operation: operation, direction: direction)
                        let negative = Self.exactResultIsNegative(a, b, format: format, operation: operation)
                        let mode = direction.engineMode(negative: negative)
                        let ours = Self.engine(a, b, format: format, operation: operation, mode: mode)
                        local.checked += 1
                        let agrees = format.isNaN(oracle.bits)
                            ? format.isNaN(ours.bits) && ours.flags == oracle.flags
                            : ours == oracle
                        if !agrees {
                            local.recordMismatch("\(operation.rawValue)(\(format.hexString(a)), \(format.hexString(b))) \(direction.rawValue): engine \(format.hexString(ours.bits)) [\(ours.flags)], MPFR \(format.hexString(oracle.bits)) [\(oracle.flags)]")
                        }
                    }
                }
                finished()
            }
            return local
        }
    }

    static func exactResultIsNegative(_ a: UInt64, _ b: UInt64, format: FloatFormat, operation: ArithmeticOperation) -> Bool {
        let x = format.doubleValue(a)
        let y = format.doubleValue(b)
        let exact: Double = switch operation {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        case .divide: x / y
        default: x  // sqrt: the sign of the radicand
        }
        return exact.sign == .minus && !exact.isNaN
    }

    static func engine(_ a: UInt64, _ b: UInt64, format: FloatFormat, operation: ArithmeticOperation, mode: RoundingMode) -> Rounded {
        operation.evaluate(a, b, format: format, options: RoundingOptions(rounding: mode))
    }

    static func oracle(_ a: UInt64, _ b: UInt64, format: FloatFormat, operation: ArithmeticOperation, direction: MPFRRounding) -> Rounded {
        let operands = operation == .squareRoot ? [a] : [a, b]
        return MPFRReference.evaluate(operation, operands, format: format, direction: direction)
    }
}
