import CMPFR
import SoftFloat

extension MPFRReference {
    /// Evaluates an operation on codes of `format` and rounds the exact result once.
    ///
    ///     MPFRReference.evaluate(.fusedMultiplyAdd, [0x3c01, 0x3c01, 0xbc02], format: .float16)
    ///     // (1 + 2^-10)² − (1 + 2^-9) = 2^-20 exactly → 0x0010, no flags
    ///
    /// Special cases follow IEEE 754: a NaN operand gives NaN (`invalid` only if some operand
    /// is a signaling NaN); ∞ − ∞, 0 × ∞, 0 / 0, ∞ / ∞ and √(negative) give NaN with
    /// `invalid`; finite / 0 gives ±∞ with `divideByZero`. An exact zero sum is +0, or −0 when
    /// rounding down. Formats without infinity turn an infinite result into NaN (±max when
    /// saturating or finite-only) and add `invalid`; see ``round(_:to:rounding:overflow:subnormals:)``.
    ///
    /// - Parameter operation: one of ``ArithmeticOperation/correctlyRounded`` (add, sub, mul,
    ///   div, sqrt, fma); the others trap.
    /// - Parameter operands: exactly `operation.arity` codes; `fma`'s are `a, b, c` for a × b + c.
    /// - Returns: the code and flags, or nil for `stochastic`.
    public static func evaluate(
        _ operation: ArithmeticOperation, _ operands: [UInt64], format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        guard let emulation = FormatEmulation(format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
        else { return nil }
        return evaluate(operation, operands, emulation)
    }

    /// Evaluates an operation on codes of `format` in an MPFR rounding direction.
    public static func evaluate(
        _ operation: ArithmeticOperation, _ operands: [UInt64], format: FloatFormat, direction: MPFRRounding,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded {
        evaluate(operation, operands, FormatEmulation(format: format, direction: direction, overflow: overflow, subnormals: subnormals))
    }

    static func evaluate(_ operation: ArithmeticOperation, _ operands: [UInt64], _ emulation: FormatEmulation) -> Rounded {
        precondition(ArithmeticOperation.correctlyRounded.contains(operation),
                     "MPFRReference evaluates add, sub, mul, div, sqrt and fma, not \(operation.rawValue)")
        precondition(operands.count == operation.arity,
                     "\(operation) takes \(operation.arity) operands, got \(operands.count)")
        let format = emulation.format
        let decoded = operands.map { DecodedCode(bits: $0, format: format) }
        var firstNaN: Bool? = nil
        var signaling = false
        for case .nan(let negative, let isSignaling) in decoded {
            firstNaN = firstNaN ?? negative
            signaling = signaling || isSignaling
        }
        if let negative = firstNaN {
            return emulation.nan(negative: negative, flags: signaling ? .invalid : [])
        }
        let values = decoded.map(MPFRValue.init)
        return withExtendedLifetime(values) {
            emulation.round { rop, rnd in
                let a = values[0].pointer
                switch operation {
                case .add: return mpfr_add(rop, a, values[1].pointer, rnd)
                case .subtract: return mpfr_sub(rop, a, values[1].pointer, rnd)
                case .multiply: return mpfr_mul(rop, a, values[1].pointer, rnd)
                case .divide: return mpfr_div(rop, a, values[1].pointer, rnd)
                case .fusedMultiplyAdd: return mpfr_fma(rop, a, values[1].pointer, values[2].pointer, rnd)
                case .squareRoot: return mpfr_sqrt(rop, a, rnd)
                default: preconditionFailure("checked above")
                }
            }
        }
    }

    /// a + b, rounded once. Example: float16 `add(0x3c00, 0x3c00)` → 0x4000 (2).
    public static func add(
        _ a: UInt64, _ b: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.add, [a, b], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }

    /// a − b, rounded once. Example: float16 `sub(0x3c00, 0x3c00)` → 0x0000; with `.down`, 0x8000.
    public static func sub(
        _ a: UInt64, _ b: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.subtract, [a, b], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }

    /// a × b, rounded once. Example: float8_e4m3fn `mul(0x78, 0x78)` (256 × 256) → 0x7f (NaN), overflow|inexact.
    public static func mul(
        _ a: UInt64, _ b: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.multiply, [a, b], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }

    /// a ÷ b, rounded once. Example: float32 `div(0x3f800000, 0x40400000)` (1/3) → 0x3eaaaaab, inexact.
    public static func div(
        _ a: UInt64, _ b: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.divide, [a, b], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }

    /// a × b + c with a single rounding. Example: float16 `fma(0x3c01, 0x3c01, 0xbc02)` → 0x0010 (2^-20).
    public static func fma(
        _ a: UInt64, _ b: UInt64, _ c: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.fusedMultiplyAdd, [a, b, c], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }

    /// √a, rounded once. Example: float16 `sqrt(0x4000)` (√2) → 0x3da8, inexact; `sqrt(0xbc00)` → NaN, invalid.
    public static func sqrt(
        _ a: UInt64, format: FloatFormat, rounding: RoundingMode = .nearestEven,
        overflow: OverflowPolicy = .default, subnormals: SubnormalPolicy = .keep
    ) -> Rounded? {
        evaluate(.squareRoot, [a], format: format, rounding: rounding, overflow: overflow, subnormals: subnormals)
    }
}
