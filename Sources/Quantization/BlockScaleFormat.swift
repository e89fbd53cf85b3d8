/// How an FP8 block scale is stored (`--scale-format`, DeepGEMM's `use_ue8m0`).
///
/// - `float32`: sf = fl32(amax / 448) as computed.
/// - `ue8m0`: sf rounded up to a power of two (DeepGEMM's `ceil_to_ue8m0`): the float32
///   exponent byte, plus 1 when the fraction is non-zero, clamped to 1 … 254.
///
///     // amax 3: sf = fl32(3/448) = 0x3bdb6db7 (0.0066964286): byte 0x77 + 1 → 2^-7 = 0.0078125
///     // amax 3.5: sf = 3.5/448 = 2^-7 exactly → stays 2^-7
public enum BlockScaleFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case float32
    case ue8m0

    public var description: String { rawValue }

    /// DeepGEMM's `ceil_to_ue8m0` on float32 bits (a non-negative, finite sf).
    ///
    ///     BlockScaleFormat.ceilToUE8M0(0x3bdb6db7)   // 0x3c000000 (2^-7)
    ///     BlockScaleFormat.ceilToUE8M0(0x3c000000)   // 0x3c000000
    ///     BlockScaleFormat.ceilToUE8M0(0)            // 0x00800000 (2^-126: byte clamped to 1)
    public static func ceilToUE8M0(_ bits: UInt32) -> UInt32 {
        let magnitude = bits & 0x7fff_ffff
        let byte = (magnitude >> 23) + (magnitude & 0x7f_ffff != 0 ? 1 : 0)
        return min(max(byte, 1), 254) << 23
    }
}
