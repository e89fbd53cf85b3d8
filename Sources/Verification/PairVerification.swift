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
    /// The MPFR directions to check (all five by default), in ``MPFRRounding/allCases`` order.
    public let directions: [MPFRRounding]
    /// Which pairs to check, as indices into the pair space `a × codes + b` (`a` alone for
    /// sqrt): the whole space by default, one shard's ``ShardSelection/slice(of:)`` in a sweep.
    public let pairs: Range<Int>

    public init(format: FloatFormat, operation: ArithmeticOperation, threads: Int,
                directions: [MPFRRounding] = MPFRRounding.allCases, pairs: Range<Int>? = nil) throws(PairVerificationError) {
        guard format.bitWidth <= 8 else { throw .formatTooWide(format.name) }
        self.format = format
        self.operation = operation
        self.threads = max(1, threads)
        self.directions = MPFRRounding.allCases.filter(directions.contains)
        let space = Self.pairCount(format: format, operation: operation)
        self.pairs = (pairs ?? 0..<space).clamped(to: 0..<space)
    }

    /// `--rounding`: MPFR names (`RNDN` … `RNDA`) or the engine's names of the same directions
    /// (`nearest-even`, `toward-zero`, `up`, `down`); no names or `all` means all five.
    ///
    ///     try PairVerification.directions(parsing: ["up", "RNDA"])   // [.up, .awayFromZero]
    public static func directions(parsing names: [String]) throws(PairVerificationError) -> [MPFRRounding] {
        if names.isEmpty || names == ["all"] { return MPFRRounding.allCases }
        return try names.map { name throws(PairVerificationError) in
            if let direction = MPFRRounding(rawValue: name) { return direction }
            if let mode = RoundingMode(rawValue: name), let direction = MPFRRounding(mode) { return direction }
            throw .unknownDirection(name)
        }
    }

    /// The size of the pair space: codes² (float8: 65536), or codes for sqrt.
    public static func pairCount(format: FloatFormat, operation: ArithmeticOperation) -> Int {
        let codes = Int(format.codeMask) + 1
        return operation == .squareRoot ? codes : codes * codes
    }

    /// Checks ``pairs`` in ``directions``; the outcome's examples are the first five mismatches
    /// in pair order and its checksum covers every checked case.
    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> Outcome {
        let codes = Int(format.codeMask) + 1
        let columns = operation == .squareRoot ? pairs.count : codes
        let firstRow = operation == .squareRoot ? 0 : pairs.lowerBound / codes
        let rowCount = pairs.isEmpty ? 0 : operation == .squareRoot ? 1 : (pairs.upperBound - 1) / codes - firstRow + 1
        let format = format
        let operation = operation
        let pairs = pairs
        let directions = directions.map { direction in (direction, UInt64(MPFRRounding.allCases.firstIndex(of: direction)!)) }
        return Outcome.collect(count: rowCount, threads: threads, progress: progress) { slice, finished in
            var local = Outcome()
            for row in slice.map({ firstRow + $0 }) {
                let rowStart = operation == .squareRoot ? pairs.lowerBound : row * codes
                for pair in max(rowStart, pairs.lowerBound)..<min(rowStart + columns, pairs.upperBound) {
                    let a = UInt64(operation == .squareRoot ? pair : pair / codes)
                    let b = UInt64(operation == .squareRoot ? pair : pair % codes)
                    for (direction, directionIndex) in directions {
                        let oracle = Self.oracle(a, b, format: format, operation: operation, direction: direction)
                        let negative = Self.exactResultIsNegative(a, b, format: format, operation: operation)
                        let mode = direction.engineMode(negative: negative)
                        let ours = Self.engine(a, b, format: format, operation: operation, mode: mode)
                        local.checked += 1
                        local.checksum &+= Self.caseHash(pair: pair, directionIndex: directionIndex, result: ours)
                        let agrees = format.isNaN(oracle.bits)
                            ? format.isNaN(ours.bits) && ours.flags == oracle.flags
                            : ours == oracle
                        if !agrees {
                            let operands = operation == .squareRoot ? format.hexString(a) : "\(format.hexString(a)), \(format.hexString(b))"
                            local.recordMismatch("\(operation.rawValue)(\(operands)) \(direction.rawValue): engine \(format.hexString(ours.bits)) [\(ours.flags)], MPFR \(format.hexString(oracle.bits)) [\(oracle.flags)]")
                        }
                    }
                }
                finished()
            }
            return local
        }
    }

    /// One case's contribution to the checksum: SplitMix64 of the pair and direction, mixed
    /// again with the engine's bits and flags.
    static func caseHash(pair: Int, directionIndex: UInt64, result: Rounded) -> UInt64 {
        var position = SplitMix64(seed: UInt64(pair) << 3 | directionIndex)
        var mixed = SplitMix64(seed: position.next() ^ (result.bits << 8 | UInt64(result.flags.rawValue)))
        return mixed.next()
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
