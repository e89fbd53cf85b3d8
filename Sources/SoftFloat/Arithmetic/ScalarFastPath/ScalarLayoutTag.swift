/// Which ``ScalarLayout`` a run-time descriptor has, if any: stored in ``FloatFormat`` when it
/// is created, so that the public operations reach the scalar fast path with one test.
///
///     FloatFormat.float16.scalarLayout          // .float16
///     try FloatFormat.named("e5m10").scalarLayout   // .float16 (the same layout)
///     FloatFormat.float8_e4m3fnuz.scalarLayout  // .none: the engine serves it
enum ScalarLayoutTag: UInt8, Sendable {
    case none
    case float16
    case float32
    case bfloat16
    case float8_e5m2
    case float8_e4m3fn

    /// The tag of a layout: a signed layout with zero and the default bias whose widths and
    /// special-value rule are one of the fast path's.
    static func of(exponentBits: Int, mantissaBits: Int, bias: Int, nonFinite: FloatFormat.NonFiniteBehavior,
                   isSigned: Bool, hasZero: Bool) -> ScalarLayoutTag {
        guard isSigned, hasZero, bias == (1 << (exponentBits - 1)) - 1 else { return .none }
        switch (nonFinite, exponentBits, mantissaBits) {
        case (.ieee, 5, 10): return .float16
        case (.ieee, 8, 23): return .float32
        case (.ieee, 8, 7): return .bfloat16
        case (.ieee, 5, 2): return .float8_e5m2
        case (.nanAllOnes, 4, 3): return .float8_e4m3fn
        default: return .none
        }
    }
}
