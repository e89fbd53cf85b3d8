import SoftFloat

/// What one `arith` run computes per line: an ``ArithmeticOperation`` (a code of the format),
/// an IEEE comparison (a word) or a conversion to an integer type (a decimal integer).
///
///     ArithmeticRequest(name: "compare")                       // .compare
///     ArithmeticRequest(name: "convert-to-int", integer: .int8) // .convertToInteger(int8)
///     ArithmeticRequest(name: "neg")                           // .operation(.negate)
public enum ArithmeticRequest: Sendable, Hashable {
    case operation(ArithmeticOperation)
    /// IEEE 754 compareQuiet: `less`, `equal`, `greater` or `unordered` (a NaN operand);
    /// `invalid` only for a signaling NaN. −0 equals +0.
    case compare
    /// IEEE 754 convertToIntegerExact with the rounding mode, saturated to the type (NaN → 0,
    /// ±∞ → the range's ends, both `invalid`), as `convert --to int8` does
    /// (``IntegerRounding``): float16 0x4100 (2.5) → `2 inexact` in nearest-even.
    case convertToInteger(IntegerFormat)

    /// Every request name, for help and messages.
    public static var names: [String] { ArithmeticOperation.allCases.map(\.rawValue) + ["compare", "convert-to-int"] }

    /// The request a name stands for; `integer` is the target of `convert-to-int`.
    public init?(name: String, integer: IntegerFormat = .int64) {
        switch name {
        case "compare": self = .compare
        case "convert-to-int": self = .convertToInteger(integer)
        default:
            guard let operation = ArithmeticOperation(rawValue: name) else { return nil }
            self = .operation(operation)
        }
    }

    /// How many operands a line holds.
    public var arity: Int {
        switch self {
        case .operation(let operation): return operation.arity
        case .compare: return 2
        case .convertToInteger: return 1
        }
    }
}
