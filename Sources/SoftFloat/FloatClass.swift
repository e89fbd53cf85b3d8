/// The class of a code, as IEEE 754 `class()` reports it (without the sign).
public enum FloatClass: String, Sendable, Hashable, CaseIterable {
    case zero, subnormal, normal, infinity, nan
}
