/// The finfo-style properties of a format, as exact codes and as float64 values.
///
///     let info = FormatProperties(.bfloat16)
///     info.eps               // 0.0078125 = 2^-7
///     info.max               // 3.3895313892515355e38 = (2 − 2^-7) × 2^127
///     info.smallestNormal    // 1.1754943508222875e-38 = 2^-126
///     info.resolution        // 0.01 = 10^-floor(7 · log10 2)
public struct FormatProperties: Sendable, Hashable {
    public let format: FloatFormat
    /// 2^-mantissaBits: the gap between 1 and the next larger value.
    public let eps: Double
    public let max: Double
    /// −max for signed formats; the smallest code's value (2^-127) for unsigned float8_e8m0fnu.
    public let lowest: Double
    /// 2^minNormalExponent.
    public let smallestNormal: Double
    /// 2^(minNormalExponent − mantissaBits); equals `smallestNormal` without subnormals.
    public let smallestSubnormal: Double
    /// floor(mantissaBits · log10 2): decimal digits that survive a round trip (torch/numpy `precision`).
    public let decimalDigits: Int
    /// 10^-decimalDigits, as torch.finfo prints it (bfloat16 0.01, float16 0.001).
    public let resolution: Double
    /// Unbiased exponent of the smallest normal binade (float32 −126).
    public let minExponent: Int
    /// Unbiased exponent of the largest finite binade (float32 127; numpy's `maxexp` is this + 1).
    public let maxExponent: Int
    /// numpy/ml_dtypes `finfo.precision`: ⌊−log10 eps⌋ (= ``decimalDigits``), except that
    /// ml_dtypes gives its 8-bit float types 1 (float8_e4m3fn: ⌊0.9⌋ = 0, ml_dtypes 1).
    public let precision: Int
    /// numpy/ml_dtypes `finfo.resolution`: 10^-precision rounded into the format, as the
    /// format holds it (bfloat16 0.010009765625, float8_e4m3fn 0.1015625, float16
    /// 0.00100040435791015625), where ``resolution`` is torch's float64 10^-decimalDigits.
    public let storedResolution: Double
    /// numpy/ml_dtypes `finfo.epsneg`: 1 − the largest value below 1 (float16 2^-11; 2^-3 in
    /// float6_e2m3fn, whose values below 1 are subnormals 0.125 apart).
    public let epsneg: Double

    public init(_ format: FloatFormat) {
        self.format = format
        eps = Self.powerOfTwo(-format.mantissaBits)
        max = format.doubleValue(format.maxFiniteBits)
        lowest = format.isSigned ? -max : Self.powerOfTwo(format.minNormalExponent)
        smallestNormal = Self.powerOfTwo(format.minNormalExponent)
        smallestSubnormal = format.hasZero ? Self.powerOfTwo(format.minNormalExponent - format.mantissaBits) : smallestNormal
        // floor(m · log10 2) computed exactly in integers: the largest d with 10^d ≤ 2^m.
        var digits = 0
        var power = Natural(UInt64(10))
        let twoToM = Natural.one << format.mantissaBits
        while !(twoToM < power) {
            digits += 1
            power.multiply(by: 10)
        }
        decimalDigits = digits
        resolution = Double(bitPattern: ExactNumber(negative: false, numerator: .one, decimalExponent: -digits).rounded(to: .float64).bits)
        minExponent = format.minNormalExponent
        maxExponent = format.maxExponent
        precision = format.bitWidth == 8 ? Swift.max(1, digits) : digits
        let tenth = ExactNumber(negative: false, numerator: .one, decimalExponent: -precision).rounded(to: format).bits
        storedResolution = format.doubleValue(tenth)
        let one = format.round(Int64(1)).bits
        epsneg = 1 - format.doubleValue(format.nextDown(one))
    }

    /// numpy's `machep` and `negep`: the exponents of ``eps`` and ``epsneg`` (float16 −10, −11).
    public var machep: Int { -format.mantissaBits }
    public var negep: Int { Int(epsneg.exponent) }
    /// numpy's `maxexp`: the smallest power of two that overflows (float16 16, e4m3fn 9).
    public var maxexp: Int { maxExponent + 1 }

    /// The code of +inf, if any, as hex (`0x7c00`), else `none`.
    public var infinityEncoding: String { format.infinityBits.map(format.hexString) ?? "none" }

    /// The NaN codes: IEEE `0x7c01-0x7fff,0xfc01-0xffff` style ranges, `0x7f,0xff`, `0x80`, or `none`.
    public var nanEncoding: String {
        switch format.nonFinite {
        case .ieee:
            let low = format.infinityBits! + 1
            let high = format.magnitudeMask
            return "\(format.hexString(low))-\(format.hexString(high)) and negatives (quiet \(format.hexString(format.nanBits!)))"
        case .nanAllOnes:
            return format.isSigned ? "\(format.hexString(format.magnitudeMask)),\(format.hexString(format.codeMask))" : format.hexString(format.magnitudeMask)
        case .nanNegativeZero: return format.hexString(format.signMask)
        case .finiteOnly: return "none"
        }
    }

    static func powerOfTwo(_ exponent: Int) -> Double {
        Double(bitPattern: ExactNumber(negative: false, significand: 1, exponent: exponent).rounded(to: .float64).bits)
    }
}

