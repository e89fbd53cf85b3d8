import FastKernels
import MPFRReference
import SoftFloat

/// Every pair of codes of a format of at most 16 bits (every code for sqrt), in every MPFR
/// direction, through the engine and through MPFR; bits and flags must agree (NaN results
/// agree when both are NaN with the same flags).
///
/// The pair space is `a × codes + b` (float16: 2^32 pairs, float8: 65,536); ``pairs`` is any
/// contiguous slice of it, checked row by row (one `a`, a run of `b`). Each worker thread
/// (``ParallelSplit`` through ``MergeableOutcome/collect(count:threads:progress:_:)``) keeps one
/// ``MPFRCodeEvaluator``: every code decoded once into an `mpfr_t`, MPFR's thread state set
/// once per row, nothing allocated per case; only counts, the checksum and five examples are
/// kept, so memory does not grow with the slice. float16 × add in RNDN is 2^32 cases.
///
/// MPFR's RNDA (away from zero) is checked as the engine's `up` for a positive exact result
/// and `down` for a negative one; the sign of the exact result is the sign of MPFR's result
/// before it is rounded into the format (its widest exponent range keeps every 16-bit result
/// from underflowing to zero).
public struct PairVerification: Sendable {
    /// The operations `verify --pairs` checks: add, sub, mul, div, sqrt (fma has three operands).
    public static let operations: [ArithmeticOperation] = [.add, .subtract, .multiply, .divide, .squareRoot]
    /// The widest format `--pairs` takes: 16 bits (2^32 pairs).
    public static let maximumBitWidth = MPFRCodeEvaluator.maximumBitWidth

    public typealias Outcome = VerificationOutcome<String>
    /// Replaces the engine's result of `a OP b` in a mode before it is compared (tests inject
    /// wrong results with it, to see that the verifier reports them).
    typealias Fault = @Sendable (_ a: UInt64, _ b: UInt64, _ mode: RoundingMode, _ result: Rounded) -> Rounded

    public let format: FloatFormat
    public let operation: ArithmeticOperation
    public let threads: Int
    /// The MPFR directions to check (all five by default), in ``MPFRRounding/allCases`` order.
    public let directions: [MPFRRounding]
    /// Which pairs to check, as indices into the pair space `a × codes + b` (`a` alone for
    /// sqrt): the whole space by default, one shard's ``ShardSelection/slice(of:)`` in a sweep.
    public let pairs: Range<Int>
    var fault: Fault? = nil

    public init(format: FloatFormat, operation: ArithmeticOperation, threads: Int,
                directions: [MPFRRounding] = MPFRRounding.allCases, pairs: Range<Int>? = nil) throws(PairVerificationError) {
        try Self.check(format)
        self.format = format
        self.operation = operation
        self.threads = max(1, threads)
        self.directions = MPFRRounding.allCases.filter(directions.contains)
        let space = Self.pairCount(format: format, operation: operation)
        self.pairs = (pairs ?? 0..<space).clamped(to: 0..<space)
    }

    /// Throws ``PairVerificationError/formatTooWide(_:bits:)`` for a format wider than
    /// ``maximumBitWidth`` (float32: 2^64 pairs).
    public static func check(_ format: FloatFormat) throws(PairVerificationError) {
        guard format.bitWidth <= maximumBitWidth else { throw .formatTooWide(format.name, bits: format.bitWidth) }
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
        let unary = operation == .squareRoot
        // sqrt: one row of codes; otherwise rows a = lower / codes … (upper − 1) / codes.
        let firstRow = unary ? 0 : pairs.lowerBound / codes
        let rowCount = pairs.isEmpty ? 0 : unary ? 1 : (pairs.upperBound - 1) / codes - firstRow + 1
        let format = format
        let operation = operation
        let pairs = pairs
        let fault = fault
        let directions = directions
        let directionIndices = directions.map { UInt64(MPFRRounding.allCases.firstIndex(of: $0)!) }
        return Outcome.collect(count: rowCount, threads: threads, progress: progress) { slice, finished in
            let evaluator = MPFRCodeEvaluator(format: format, operation: operation)
            var local = Outcome()
            for row in slice.map({ firstRow + $0 }) {
                let rowStart = unary ? 0 : row * codes
                let columns = UInt64(max(rowStart, pairs.lowerBound) - rowStart)..<UInt64(min(rowStart + codes, pairs.upperBound) - rowStart)
                let a = UInt64(row)
                evaluator.forEach(row: a, columns: columns, directions: directions) { b, index, oracle, negative in
                    let direction = directions[index]
                    let mode = direction.engineMode(negative: negative)
                    var ours = operation.evaluate(unary ? b : a, b, format: format, options: RoundingOptions(rounding: mode))
                    if let fault { ours = fault(unary ? b : a, b, mode, ours) }
                    local.checked += 1
                    local.checksum &+= Self.caseHash(pair: rowStart + Int(b), directionIndex: directionIndices[index], result: ours)
                    let agrees = format.isNaN(oracle.bits)
                        ? format.isNaN(ours.bits) && ours.flags == oracle.flags
                        : ours == oracle
                    if !agrees {
                        let operands = unary ? format.hexString(b) : "\(format.hexString(a)), \(format.hexString(b))"
                        local.recordMismatch("\(operation.rawValue)(\(operands)) \(direction.rawValue): engine \(format.hexString(ours.bits)) [\(ours.flags)], MPFR \(format.hexString(oracle.bits)) [\(oracle.flags)]")
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
}
