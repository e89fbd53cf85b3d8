import SoftFloat

/// How an MX block's E8M0 scale X = 2^e is derived from its largest magnitude amax
/// (`--scale-rounding`). emax is the element type's top binade (``MXElement/emax``), m its
/// mantissa bits, max its largest finite value.
///
/// - `floor` (OCP MX v1.0, the default): e = ⌊log2 amax⌋ − emax. amax's top binade lands on
///   the element's; mantissas above max's saturate.
/// - `ceil`: e = ⌈log2 amax⌉ − emax (⌊log2 amax⌋ + 1 unless amax is a power of two).
///   Never saturates, but can leave the element's top binade unused.
/// - `even`: amax is first rounded to m mantissa bits, halves up (torchao adds 2^(22 − m) to
///   the float32 bit pattern and clears the mantissa), then floor: e = ⌊log2 amax⌋ − emax + 1
///   when amax's significand is ≥ 2 − 2^−(m+1), else the floor value.
/// - `rceil` (cuBLAS's MXFP8/MXFP4 rule, in float32): descale d = fl32(amax · fl32(1/max)), and
///   e + 127 = d's biased exponent field, plus 1 when d's fraction is non-zero, at most 254
///   (d rounded up to a power of two; a subnormal d gives code 1, d = 0 code 0).
///
/// floor, ceil and even equal torchao 0.18's `to_mx(x, elem_dtype, 32, ScaleCalculationMode.…)`
/// for the scale bytes and the elements, except in blocks with scale code 0 (torchao divides
/// by 2^-126 there, OCP's code 0 is 2^-127) and blocks holding ±∞ (torchao keeps a finite
/// scale and saturates). torchao's RCEIL computes ⌈log2(fl32(amax / max))⌉ with a float32
/// `log2`: where d = 2^k · (1 + 2^-23) with |k| ≥ 4 (float32 cannot hold k + 1.7 · 10^-7) that
/// log2 rounds to exactly k and torchao gives code k + 127, cuBLAS's rule k + 128; torchao also
/// divides by max rather than multiplying by fl32(1/max), and gives a subnormal d code 0.
///
/// Every rule then clamps e to ≥ −127 (code 0 = 2^-127), and a block with a NaN or ±∞ gets
/// the NaN scale (code 0xff) and NaN elements, as OCP says.
///
///     // MXFP4 (E2M1: emax 2, m 1, max 6), amax 6.5 = 1.625 · 2^2:
///     MXScaleRounding.floor.scaleCode(amax: 0x40d00000, in: .float32, element: .e2m1)  // 127: X = 2^0, 6.5 rounds to 6
///     MXScaleRounding.ceil.scaleCode(amax: 0x40d00000, in: .float32, element: .e2m1)   // 128: X = 2^1, 6.5/2 = 3.25 → 3
///     MXScaleRounding.even.scaleCode(amax: 0x40d00000, in: .float32, element: .e2m1)   // 127: 1.625 rounds to 1.5 (< 1.75)
///     MXScaleRounding.rceil.scaleCode(amax: 0x40d00000, in: .float32, element: .e2m1)  // 128: d = 1.0833334 → 2^1
///     // amax 7 = 1.75 · 2^2: floor 127, ceil 128, even 128 (1.75 rounds up to 2), rceil 128 (d = 1.1666666)
///     // MXFP8 E4M3 (emax 8, m 3, max 448), amax 449 = 1.75390625 · 2^8:
///     //   floor 127, ceil 128, even 127 (1.7539 < 1.9375), rceil 128 (d = 1.0022321)
///     // amax 7 in E4M3: rceil d = fl32(7 · fl32(1/448)) = 2^-6 exactly → code 121, no round-up
public enum MXScaleRounding: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case floor
    case ceil
    case even
    case rceil

    public var description: String { rawValue }

    /// The E8M0 scale code (e + 127, 0 … 254) for a block whose largest magnitude is `amax`
    /// (a finite, non-negative code of `format`), or nil when e would exceed 127 (the block's
    /// scale is then NaN). An all-zero block gets code 0 under every rule.
    ///
    /// - Precondition: `element` has a float format; `rceil` needs a `format` whose values
    ///   float32 holds exactly (``QuantizationConfiguration/validate()`` checks both).
    public func scaleCode(amax: UInt64, in format: FloatFormat, element: MXElement) -> UInt64? {
        var exponent: Int
        switch self {
        case .floor, .ceil, .even:
            guard case .finite(_, let significand, let lowExponent) = format.decode(amax) else { return 0 }
            let leading = 63 - significand.leadingZeroBitCount
            exponent = lowExponent + leading - element.emax
            switch self {
            case .ceil:
                if significand.nonzeroBitCount > 1 { exponent += 1 }
            case .even:
                // Round the significand to m fraction bits, halves up: a carry out of the
                // leading bit moves amax to the next binade.
                let m = element.format?.mantissaBits ?? 0
                if leading >= m + 1 {
                    let half = UInt64(1) << UInt64(leading - m - 1)
                    let (sum, overflow) = significand.addingReportingOverflow(half)
                    if overflow || sum >> UInt64(leading) > 1 { exponent += 1 }
                }
            default:
                break
            }
        case .rceil:
            let descale = Self.rceilDescale(amax: amax, in: format, element: element)
            let biased = Int(descale >> 23 & 0xff) + (descale & 0x7f_ffff != 0 ? 1 : 0)
            exponent = Swift.min(biased, 254) - 127
        }
        exponent = Swift.max(exponent, -127)
        return exponent > 127 ? nil : UInt64(exponent + 127)
    }

    /// rceil's descale d = fl32(amax · fl32(1/max)) as float32 bits.
    ///
    ///     // E2M1: fl32(1/6) = 0x3e2aaaab; amax 6.5 → d = 0x3f8aaaab (1.0833334)
    static func rceilDescale(amax: UInt64, in format: FloatFormat, element: MXElement) -> UInt64 {
        let float32 = FloatFormat.float32
        let largest = element.format.map { $0.convert($0.maxFiniteBits, to: float32).bits } ?? 0
        let reciprocal = float32.divide(float32.convert(fromInt64: 1).bits, largest).bits
        return float32.multiply(format.convert(amax, to: float32).bits, reciprocal).bits
    }

    /// True when `format` can feed rceil: every value converts to float32 exactly.
    public static func acceptsRCeil(compute format: FloatFormat) -> Bool {
        format.precision <= 24 && format.maxExponent <= 127 && format.minNormalExponent - format.mantissaBits >= -149
    }
}
