import PortableMath
import SoftFloat

/// The operand streams of the scalar benchmarks (`scalar FORMAT OP (SET)`), all from SplitMix64
/// seeded 3 and shared with the Berkeley SoftFloat harnesses (/work/shared/bench for random and
/// normal, Scripts/oracles/softfloat_scalar_special.c for special), pinned by
/// `BenchmarkStreamTests`:
///
/// - `random`: random encodings, `next() & codeMask` (NaN codes included);
/// - `normal`: N(0,1)·100 (``RandomVariates/boxMullerNormal()``) rounded to the format;
/// - `special`: only zeros, subnormals, infinities and NaNs (``specialCode(_:_:)``), so that
///   every operation takes the special-value paths (issue #18's "no more than 1.5× SoftFloat").
enum ScalarOperandSet: String, CaseIterable, Sendable {
    case random, normal, special

    /// `count` operands of `format`.
    func operands(format: FloatFormat, count: Int) -> [UInt64] {
        var random = RandomVariates(SplitMix64(seed: 3))
        return (0..<count).map { _ in
            switch self {
            case .random: return random.next() & format.codeMask
            case .normal: return FloatFormat.float64.convert((random.boxMullerNormal() * 100).bitPattern, to: format).bits
            case .special: return Self.specialCode(format, random.next())
            }
        }
    }

    /// A zero, subnormal, infinite or NaN code drawn from one random word `r`: the sign is
    /// bit 63, the fraction `(r >> 2) & mantissaMask` (1 when that is 0), and `r & 3` picks
    /// zero, the subnormal with that fraction, infinity, or the NaN with that fraction (quiet
    /// or signaling as its top bit says). A format without infinity gives its NaN for both of
    /// the last two (float8_e4m3fn 0x7f).
    ///
    ///     ScalarOperandSet.specialCode(.float16, 0x8000_0000_0000_0005)   // 0x8001 (−2^-24)
    ///     ScalarOperandSet.specialCode(.float16, 0x0000_0000_0000_1006)   // 0x7c00 (+∞)
    ///     ScalarOperandSet.specialCode(.float16, 0x0000_0000_0000_1007)   // 0x7c01 (signaling NaN)
    static func specialCode(_ format: FloatFormat, _ r: UInt64) -> UInt64 {
        let fraction = Swift.max((r >> 2) & format.mantissaMask, 1)
        let sign = r >> 63 == 0 ? 0 : format.signMask
        let nan = format.nanBits ?? format.maxFiniteBits
        switch r & 3 {
        case 0: return sign
        case 1: return sign | fraction
        case 2: return format.infinityBits.map { sign | $0 } ?? nan | sign
        default: return format.infinityBits.map { sign | $0 | fraction } ?? nan | sign
        }
    }
}
