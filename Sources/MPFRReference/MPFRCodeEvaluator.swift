import CMPFR
import SoftFloat

/// One operation on codes of one format, evaluated by MPFR over and over with nothing
/// allocated per case: every code of the format is decoded once into an `mpfr_t` at the
/// format's precision (65,536 of them for float16, so MPFR takes its same-precision fast paths),
/// and the result, the largest finite value and the encoder's scratch value are reused. MPFR's
/// exponent range and flags are set once per row (``forEach(row:columns:directions:_:)``) and
/// restored afterwards. Each result is rounded by the same `FormatEmulation` code as
/// ``MPFRReference/evaluate(_:_:format:direction:overflow:subnormals:)``, so both give the same
/// bits and flags.
///
///     let evaluator = MPFRCodeEvaluator(format: .float16, operation: .add)
///     evaluator.evaluate(0x3c00, 0x0001, direction: .awayFromZero)
///     // 1 + 2^-24 → Rounded(bits: 0x3c01, flags: .inexact)
///     evaluator.forEach(row: 0x3c00, columns: 0..<0x10000, directions: [.nearestEven, .up]) { b, direction, result, negative in
///         // 1 + b in RNDN then RNDU, for every float16 code b in order
///     }
///
/// It owns mutable MPFR storage, so it is not `Sendable`: make one per thread.
public final class MPFRCodeEvaluator {
    /// The widest format it takes: 16 bits (65,536 operands in the table).
    public static let maximumBitWidth = 16

    public let format: FloatFormat
    public let operation: ArithmeticOperation
    /// Every code's exact value at the format's precision (NaN codes: unused).
    private let operands: UnsafeMutablePointer<__mpfr_struct>
    /// Per code: 0 for a number; for a NaN, 1 plus 2 if its sign is set plus 4 if it signals.
    private let nanKinds: [UInt8]
    private let codeCount: Int
    private let result: MPFRValue
    private let maxFinite: MPFRValue
    private let scratch: MPFRValue
    /// One emulation per MPFR direction, in ``MPFRRounding/allCases`` order.
    private let emulations: [FormatEmulation]

    /// - Parameter operation: add, sub, mul, div or sqrt (fma has three operands; the others trap).
    /// - Parameter format: at most ``maximumBitWidth`` bits wide (wider formats trap).
    public init(format: FloatFormat, operation: ArithmeticOperation, overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep) {
        precondition([.add, .subtract, .multiply, .divide, .squareRoot].contains(operation),
                     "MPFRCodeEvaluator evaluates add, sub, mul, div and sqrt, not \(operation.rawValue)")
        precondition(format.bitWidth <= Self.maximumBitWidth, "MPFRCodeEvaluator takes formats of at most \(Self.maximumBitWidth) bits, not \(format.name)")
        self.format = format
        self.operation = operation
        let codeCount = Int(format.codeMask) + 1
        let operands = UnsafeMutablePointer<__mpfr_struct>.allocate(capacity: codeCount)
        var kinds = [UInt8](repeating: 0, count: codeCount)
        MPFRThreadState.isolated { for code in 0..<codeCount {
            let operand = operands + code
            mpfr_init2(operand, mpfr_prec_t(format.precision))
            switch DecodedCode(bits: UInt64(code), format: format) {
            case .nan(let negative, let signaling):
                kinds[code] = 1 | (negative ? 2 : 0) | (signaling ? 4 : 0)
                mpfr_set_nan(operand)
            case .infinity(let negative):
                mpfr_set_inf(operand, negative ? -1 : 1)
            case .zero(let negative):
                mpfr_set_zero(operand, negative ? -1 : 1)
            case .finite(let negative, let significand, let exponent):
                // At most `precision` significant bits: exact.
                let ternary = mpfr_set_ui_2exp(operand, UInt(significand), exponent, MPFR_RNDN)
                precondition(ternary == 0, "code \(code) of \(format.name) is not exact at its precision")
                if negative { mpfr_neg(operand, operand, MPFR_RNDN) }
            }
        } }
        self.codeCount = codeCount
        self.operands = operands
        nanKinds = kinds
        result = MPFRValue(precision: format.precision)
        maxFinite = MPFRValue(bits: format.maxFiniteBits, format: format)
        scratch = MPFRValue(precision: 64)
        emulations = MPFRRounding.allCases.map {
            FormatEmulation(format: format, direction: $0, overflow: overflow, subnormals: subnormals)
        }
    }

    deinit {
        for code in 0..<codeCount { mpfr_clear(operands + code) }
        operands.deallocate()
    }

    /// `a OP b` (sqrt: √a, `b` ignored) rounded once into the format in `direction`.
    public func evaluate(_ a: UInt64, _ b: UInt64 = 0, direction: MPFRRounding) -> Rounded {
        MPFRThreadState.isolated {
            var negative = false
            return evaluateInIsolation(Int(a & format.codeMask), Int(b & format.codeMask),
                                       emulations[Self.directionIndex(direction)], negative: &negative)
        }
    }

    /// Evaluates `row OP b` for every code `b` in `columns`, in order, and for each `b` in every
    /// direction of `directions` (in the given order), calling
    /// `body(b, index into directions, result, exactIsNegative)`. For sqrt the column is the
    /// radicand and `row` is ignored. `exactIsNegative` is the sign of the exact result (false
    /// for NaN), which MPFR's away-from-zero direction needs to name the matching IEEE
    /// direction (``MPFRRounding/engineMode(negative:)``).
    ///
    /// `body` runs inside MPFR's per-thread state for this row; it must not change MPFR's
    /// exponent range or flags (MPFRReference's own functions save and restore them).
    public func forEach(row: UInt64, columns: Range<UInt64>, directions: [MPFRRounding],
                        _ body: (_ b: UInt64, _ directionIndex: Int, _ result: Rounded, _ exactIsNegative: Bool) -> Void) {
        precondition(columns.upperBound <= UInt64(codeCount), "columns \(columns) are not codes of \(format.name)")
        let chosen = directions.map { emulations[Self.directionIndex($0)] }
        let a = Int(row & format.codeMask)
        MPFRThreadState.isolated {
            for column in columns {
                for (index, emulation) in chosen.enumerated() {
                    var negative = false
                    let rounded = evaluateInIsolation(operation == .squareRoot ? Int(column) : a, Int(column), emulation, negative: &negative)
                    body(column, index, rounded, negative)
                }
            }
        }
    }

    private static func directionIndex(_ direction: MPFRRounding) -> Int {
        switch direction {
        case .nearestEven: 0
        case .towardZero: 1
        case .up: 2
        case .down: 3
        case .awayFromZero: 4
        }
    }

    /// One case, inside ``MPFRThreadState/isolated(_:)`` (widest range).
    @inline(__always)
    private func evaluateInIsolation(_ a: Int, _ b: Int, _ emulation: FormatEmulation, negative: inout Bool) -> Rounded {
        let unary = operation == .squareRoot
        let nanA = nanKinds[a]
        let nanB = unary ? 0 : nanKinds[b]
        if nanA | nanB != 0 {
            // IEEE: the first NaN operand's sign; invalid only when some operand signals.
            let first = nanA != 0 ? nanA : nanB
            return emulation.nan(negative: first & 2 != 0, flags: (nanA | nanB) & 4 != 0 ? .invalid : [])
        }
        let x = result.pointer
        let y = operands + a
        let z = operands + b
        let rnd = emulation.direction.mpfr
        mpfr_clear_flags()
        let ternary: Int32 = switch operation {
        case .add: mpfr_add(x, y, z, rnd)
        case .subtract: mpfr_sub(x, y, z, rnd)
        case .multiply: mpfr_mul(x, y, z, rnd)
        case .divide: mpfr_div(x, y, z, rnd)
        default: mpfr_sqrt(x, y, rnd)
        }
        let flags = mpfr_flags_save()
        negative = mpfr_nan_p(x) == 0 && cmpfr_signbit(x) != 0
        return emulation.finish(x, ternary: ternary, mpfrFlags: flags, maxFinite: maxFinite.pointer, scratch: scratch.pointer)
    }
}
