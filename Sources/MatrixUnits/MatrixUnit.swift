import SoftFloat

/// One matrix unit's dot product, described as data — like a ``FloatFormat``.
///
/// A unit computes `d = c + Σ a_i·b_i` over `k` products. The fields say everything the
/// ``DotProductEngine`` needs: operand formats, how the k products are grouped into steps, how
/// many fraction bits survive alignment, how the aligned terms are rounded, and how the result is
/// rounded into D.
///
///     let unit = try MatrixUnit.named("hopper:wgmma.m64n8k32.f32.e4m3.e4m3")
///     unit.k                    // 32
///     unit.keptFractionBits     // 13: terms are truncated to 2^(E − 13), E the largest exponent
///     unit.outputFractionBits   // 13: the f32 result keeps only 13 fraction bits (toward zero)
///     // 1·1 + 2^-7·2^-7 (e4m3 0x38·0x38 + 0x04·0x04) = 1 + 2^-14, c = +0 → 1.0 = 0x3f800000
public struct MatrixUnit: Sendable, Hashable {
    /// `ARCH:INSTRUCTION` at the shape `--list` prints (smallest m·n).
    public let name: String
    public let architecture: Architecture
    /// Products per instruction (the dot-product length).
    public let k: Int
    /// Formats the A and B codes are read in (tf32/xf32 operands: float32 codes, see ``truncatesOperandsToTF32``).
    public let a: FloatFormat
    public let b: FloatFormat
    /// Format of the C codes and of D.
    public let c: FloatFormat
    public let d: FloatFormat
    /// tf32 / xf32 units: A and B are float32 codes whose low 13 bits the unit clears first
    /// (0x3f801fff → 0x3f800000), so a NaN whose payload lies only there becomes infinity.
    public let truncatesOperandsToTF32: Bool
    /// Block-scaled units: the scale format and how many consecutive elements share one scale.
    public let scale: BlockScale?
    public let summation: Summation
    /// Products fused in one step; a unit with `stepSize < k` feeds each step's D (already
    /// rounded) to the next step as C (split-K on Ampere/Ada, CDNA3's 8/4/16-product steps).
    public let stepSize: Int
    /// Fraction bits kept below the largest exponent when terms are aligned (0 where the unit
    /// does not align: FMA chains and pairwise trees).
    public let keptFractionBits: Int
    /// The mode of the final rounding into D (`towardZero` for NVIDIA's f32 D).
    public let finalRounding: RoundingMode
    /// Fraction bits the result keeps: D's own, or 13 for the FP8 units of Ada `mma` and Hopper
    /// `wgmma` with f32 D (the low 10 bits of the f32 code are always zero there).
    public let outputFractionBits: Int
    /// CDNA2's f16/bf16 units: inputs below the smallest normal become +0, C and every partial
    /// sum below 2^-126 become a zero (partial sums keep their sign).
    public let flushesSubnormals: Bool

    public init(name: String, architecture: Architecture, k: Int, a: FloatFormat, b: FloatFormat,
                c: FloatFormat, d: FloatFormat, truncatesOperandsToTF32: Bool = false, scale: BlockScale? = nil,
                summation: Summation, stepSize: Int, keptFractionBits: Int, finalRounding: RoundingMode,
                outputFractionBits: Int? = nil, flushesSubnormals: Bool = false) {
        self.name = name
        self.architecture = architecture
        self.k = k
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.truncatesOperandsToTF32 = truncatesOperandsToTF32
        self.scale = scale
        self.summation = summation
        self.stepSize = stepSize
        self.keptFractionBits = keptFractionBits
        self.finalRounding = finalRounding
        self.outputFractionBits = outputFractionBits ?? d.mantissaBits
        self.flushesSubnormals = flushesSubnormals
    }

    /// Number of scale codes per operand in one line (K / block), 0 for unscaled units.
    public var scaleCount: Int { scale.map { k / $0.blockSize } ?? 0 }
}
