/// How a unit sums one step's products (and C).
public enum Summation: Sendable, Hashable {
    /// NVIDIA `mma` / `wgmma` / `tcgen05.mma`: exact products, each term (C too) truncated toward
    /// zero to ``MatrixUnit/keptFractionBits`` below the largest exponent, the truncated terms
    /// added exactly, one final rounding.
    case fused
    /// `mxf4nvf4` (K = 64, e2m1): each run of 16 products is summed exactly; each group sum
    /// times both scale significands is one term whose exponent is the sum of the scale
    /// exponents; the terms and C are then aligned as in ``fused``.
    case fusedScaledGroups
    /// K chained IEEE fused multiply-adds from C in index order (f64 units, AMD f32 units).
    case fusedMultiplyAddChain
    /// CDNA1/CDNA2 f16 and bf16: products rounded to f32, each group of `groupSize` summed as
    /// a balanced tree of f32 adds ((p1+p2)+(p3+p4)), then `acc = acc + group` from acc = C.
    case pairwise(groupSize: Int)
    /// CDNA3 f16/bf16/xf32/fp8: products truncated to 24 fraction bits below their largest
    /// exponent e and added; with E = max(e, exponent of C) the product sum is rounded toward
    /// −∞ to 31 fraction bits below E and C toward −∞ to 24; their sum is rounded to f32
    /// nearest-even. `evenOddHalves` (fp8/bf8): the even- and odd-indexed products are summed
    /// separately, each half rounded toward −∞ to 24 bits below the larger half exponent, and
    /// C is dropped when its exponent is more than 25 below E.
    case floorAligned(evenOddHalves: Bool)
    /// Intel AMX `tdpbf16ps` (``AMXTileDotProduct``): bf16 operands widened to f32 with
    /// subnormals read as zero; the even- and odd-indexed products go to two f32 FMA chains from
    /// +0 (nearest-even, results below 2^-126 flushed), then `C + (even + odd)` in two f32 adds.
    case evenOddFusedMultiplyAddChains
    /// Arm `bfdot` / `bfmmla` without FEAT_EBF16 (``ArmBFloat16DotProduct``): per pair,
    /// `acc = acc + (a₀·b₀ + a₁·b₁)`, each product and each add rounded to f32 with round-to-odd,
    /// subnormal inputs and results flushed to zero, every NaN the default NaN.
    case bfloat16DotAdd
}
