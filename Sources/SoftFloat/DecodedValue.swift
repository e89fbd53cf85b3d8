/// The exact value a code stands for.
///
/// Finite values are `(−1)^negative × significand × 2^exponent` exactly; for normal codes the
/// significand carries the implicit leading one:
///
///     FloatFormat.float16.decode(0x3555)   // .finite(negative: false, significand: 0x555, exponent: -12)
///                                          // 1365 × 2^-12 = 0.333251953125
public enum DecodedValue: Sendable, Hashable {
    case zero(negative: Bool)
    case finite(negative: Bool, significand: UInt64, exponent: Int)
    case infinity(negative: Bool)
    /// `payload` is the mantissa field of an IEEE NaN (quiet bit included); 0 for other families.
    case nan(negative: Bool, payload: UInt64)

    /// The sign of the value (NaN included).
    public var isNegative: Bool {
        switch self {
        case .zero(let negative), .infinity(let negative): return negative
        case .finite(let negative, _, _), .nan(let negative, _): return negative
        }
    }
}
