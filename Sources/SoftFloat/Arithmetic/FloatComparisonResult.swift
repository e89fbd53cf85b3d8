/// How two codes of one format compare under IEEE 754: exactly one of the four relations holds.
///
///     FloatFormat.float16.compare(0x3c00, 0x4000).result   // .less      (1 < 2)
///     FloatFormat.float16.compare(0x0000, 0x8000).result   // .equal     (+0 == −0)
///     FloatFormat.float16.compare(0x7e00, 0x3c00).result   // .unordered (NaN)
public enum FloatComparisonResult: String, Sendable, Hashable, CaseIterable {
    case less
    case equal
    case greater
    case unordered
}
