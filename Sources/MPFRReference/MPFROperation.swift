/// The arithmetic operations the reference evaluates, each correctly rounded once.
///
///     MPFROperation.fma.arity   // 3: a × b + c with a single rounding
///     MPFROperation.sqrt.arity  // 1
public enum MPFROperation: String, Sendable, Hashable, CaseIterable {
    /// a + b
    case add
    /// a − b
    case sub
    /// a × b
    case mul
    /// a ÷ b
    case div
    /// a × b + c, rounded once
    case fma
    /// √a
    case sqrt

    /// The number of operands the operation takes.
    public var arity: Int {
        switch self {
        case .sqrt: return 1
        case .add, .sub, .mul, .div: return 2
        case .fma: return 3
        }
    }
}
