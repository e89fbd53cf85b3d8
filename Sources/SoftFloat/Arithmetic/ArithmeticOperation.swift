/// The lab's one name for an arithmetic operation, by its command-line name: `precision-lab
/// arith` evaluates it, MPFRReference maps it to MPFR calls, `verify --pairs` and the scalar
/// benchmarks take it, and the oracle tests iterate over it.
///
///     ArithmeticOperation(rawValue: "fma")!.arity   // 3: a × b + c, rounded once
///     ArithmeticOperation.multiply.evaluate([0x70e2, 0x70e2], format: .float16)
///     // Rounded(bits: 0x7c00, flags: [.overflow, .inexact]): 10000 × 10000 overflows float16
public enum ArithmeticOperation: String, Sendable, Hashable, CaseIterable {
    case add
    case subtract = "sub"
    case multiply = "mul"
    case divide = "div"
    case squareRoot = "sqrt"
    case fusedMultiplyAdd = "fma"
    /// IEEE remainder (n = a ÷ b rounded to nearest even).
    case remainder = "rem"
    /// IEEE 754-2019 minimum: NaN if either operand is NaN, −0 below +0.
    case minimum = "min"
    /// IEEE 754-2019 maximum: NaN if either operand is NaN, +0 above −0.
    case maximum = "max"
    /// IEEE 754-2019 minimumNumber: a number beats a NaN.
    case minimumNumber = "min-number"
    /// IEEE 754-2019 maximumNumber: a number beats a NaN.
    case maximumNumber = "max-number"
    /// −a: the sign bit flipped, no flags (``FloatFormat/negate(_:)``).
    case negate = "neg"
    /// |a|: the sign bit cleared, no flags (``FloatFormat/absoluteValue(_:)``).
    case absoluteValue = "abs"
    /// a rounded to an integral value in the same format with the rounding mode, `inexact`
    /// when that changed it (IEEE roundToIntegralExact, ``FloatFormat/roundToIntegral(_:options:exact:random:)``).
    case roundToIntegral = "round-to-integral"

    /// The six operations IEEE 754 requires to be correctly rounded, which MPFR answers and
    /// the oracle tests cover: add, sub, mul, div, sqrt, fma.
    public static let correctlyRounded: [ArithmeticOperation] = [.add, .subtract, .multiply, .divide, .squareRoot, .fusedMultiplyAdd]

    /// How many operands a line must hold.
    @inlinable public var arity: Int {
        switch self {
        case .squareRoot, .negate, .absoluteValue, .roundToIntegral: return 1
        case .fusedMultiplyAdd: return 3
        default: return 2
        }
    }

    /// Applies the operation to `arity` codes (extra entries are ignored; missing ones trap).
    @inlinable
    public func evaluate(_ operands: [UInt64], format: FloatFormat, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        evaluate(operands[0], arity > 1 ? operands[1] : 0, arity > 2 ? operands[2] : 0,
                 format: format, options: options, random: random)
    }

    /// Applies the operation to up to three codes; operands beyond the arity are ignored.
    @inlinable
    public func evaluate(_ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0, format: FloatFormat,
                         options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        switch self {
        case .add: return format.add(a, b, options: options, random: random)
        case .subtract: return format.subtract(a, b, options: options, random: random)
        case .multiply: return format.multiply(a, b, options: options, random: random)
        case .divide: return format.divide(a, b, options: options, random: random)
        case .squareRoot: return format.squareRoot(a, options: options, random: random)
        case .fusedMultiplyAdd: return format.fusedMultiplyAdd(a, b, c, options: options, random: random)
        case .remainder: return format.remainder(a, b, options: options, random: random)
        case .minimum: return format.minimum(a, b)
        case .maximum: return format.maximum(a, b)
        case .minimumNumber: return format.minimumNumber(a, b)
        case .maximumNumber: return format.maximumNumber(a, b)
        case .negate: return Rounded(bits: format.negate(a))
        case .absoluteValue: return Rounded(bits: format.absoluteValue(a))
        case .roundToIntegral: return format.roundToIntegral(a, options: options, random: random)
        }
    }
}
