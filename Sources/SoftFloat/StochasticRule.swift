/// How a stochastic rounding turns random bits into "round away from zero or not", so that a
/// test can fix the bits and check the exact code. Every rule picks between the two neighbours
/// of |x| in the target, T (toward zero) and T + ulp, from δ = (|x| − T) / ulp in [0, 1) and a
/// random integer r:
///
/// - `engine`: the engine's ``RoundingMode/stochastic``: away iff r < ⌊δ · 2^64⌋ (r is 64 bits).
/// - `gfloat(bits: n)`: gfloat's `RoundMode.Stochastic` with `srnumbits = n`, r in [0, 2^n):
///   away iff rnte(δ · 2^n) + r ≥ 2^n (δ · 2^n rounded to an integer, ties to even).
/// - `gfloatOdd(bits: n)`: `RoundMode.StochasticOdd`: the same with ties to odd.
/// - `gfloatFast(bits: n)`: `RoundMode.StochasticFast`: away iff ⌊δ · 2^(n+1)⌋ + 2r + 1 ≥ 2^(n+1).
/// - `gfloatFastest(bits: n)`: `RoundMode.StochasticFastest`: away iff ⌊δ · 2^n⌋ + r ≥ 2^n.
/// - `nvidiaRS(bits: R)`: PTX `cvt.rs` from float32: "rounded toward zero or away from zero based
///   on the carry out of the integer addition of the supplied random bits (rbits) to the
///   truncated off (discarded) bits of mantissa from the input". With D discarded bits d (the
///   float32 significand bits below the target's last bit; D = 23 − m for a normal result) the
///   R random bits are added at the top of the discarded field: away iff
///   d + r · 2^(D−R) ≥ 2^D (r · 2^(R−D) ≥ … when D < R). R per operand, from the ISA: 16 for
///   `.bf16x2`, 13 for `.f16x2` (the 13 low bits of each half), 8 for `.e2m1x4`; the 8- and
///   6-bit `x4` forms share one 16-bit half per pair of operands and the ISA does not say how,
///   so R is a parameter. For results in the target's normal range this equals
///   `gfloatFastest(bits: R)`; for subnormal results the ISA does not say where rbits align —
///   the lab keeps them at the top of the discarded field (a reading, not a documented fact).
///
/// Worked values, float32 1.3125 = 1 + 5/16 to E2M1 (T = 1, ulp 0.5, δ = 0.625):
///
///     // gfloat(bits: 2):        rnte(2.5) = 2;  away iff r ≥ 2   (r = 1 → 1.0, r = 2 → 1.5)
///     // gfloatOdd(bits: 2):     rnto(2.5) = 3;  away iff r ≥ 1
///     // gfloatFast(bits: 2):    ⌊5⌋ + 2r + 1 ≥ 8 iff r ≥ 1
///     // gfloatFastest(bits: 2): ⌊2.5⌋ + r ≥ 4 iff r ≥ 2
///     // nvidiaRS(bits: 8):      D = 22, d = 0.625 · 2^22 = 2621440; d + r · 2^14 ≥ 2^22 iff r ≥ 96
///     // engine:                 away iff r < 0xA000_0000_0000_0000
public enum StochasticRule: Sendable, Hashable, CustomStringConvertible {
    case engine
    case gfloat(bits: Int)
    case gfloatOdd(bits: Int)
    case gfloatFast(bits: Int)
    case gfloatFastest(bits: Int)
    case nvidiaRS(bits: Int)

    /// The number of random bits the rule reads (64 for `engine`).
    public var randomBits: Int {
        switch self {
        case .engine: return 64
        case .gfloat(let n), .gfloatOdd(let n), .gfloatFast(let n), .gfloatFastest(let n), .nvidiaRS(let n): return n
        }
    }

    public var description: String {
        switch self {
        case .engine: return "engine"
        case .gfloat(let n): return "gfloat:\(n)"
        case .gfloatOdd(let n): return "gfloat-odd:\(n)"
        case .gfloatFast(let n): return "gfloat-fast:\(n)"
        case .gfloatFastest(let n): return "gfloat-fastest:\(n)"
        case .nvidiaRS(let n): return "cvt.rs:\(n)"
        }
    }
}
