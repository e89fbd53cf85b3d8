import SoftFloat

/// What a code of a ``FloatFormat`` means, worked out here from the descriptor's fields alone
/// (the reference never asks the engine to decode).
///
///     DecodedCode(bits: 0x7e, format: .float8_e4m3fn)
///     // .finite(negative: false, significand: 0b1110, exponent: 5)  — 14 × 2^5 = 448
///     DecodedCode(bits: 0x80, format: .float8_e4m3fnuz)    // .nan(negative: false, signaling: false)
///     DecodedCode(bits: 0x00, format: .float8_e8m0fnu)     // .finite(false, 1, -127) — no zero in E8M0
///     DecodedCode(bits: 0x0001, format: .float16)          // .finite(false, 1, -24)  — a subnormal
enum DecodedCode: Hashable {
    case nan(negative: Bool, signaling: Bool)
    case infinity(negative: Bool)
    case zero(negative: Bool)
    /// `(−1)^negative × significand × 2^exponent`, significand > 0.
    case finite(negative: Bool, significand: UInt64, exponent: Int)

    /// Decodes the low `bitWidth` bits of `bits`; higher bits are ignored.
    init(bits: UInt64, format: FloatFormat) {
        let code = bits & format.codeMask
        let mantissaBits = format.mantissaBits
        let negative = format.isSigned && code & format.signMask != 0
        let fieldMask: UInt64 = (1 << UInt64(format.exponentBits)) - 1
        let biased = (code >> UInt64(mantissaBits)) & fieldMask
        let mantissa = code & ((1 << UInt64(mantissaBits)) - 1)
        let allOnesExponent = biased == fieldMask

        switch format.nonFinite {
        case .ieee where allOnesExponent:
            if mantissa == 0 {
                self = .infinity(negative: negative)
            } else {
                // The quiet bit is the top mantissa bit; clear means signaling.
                self = .nan(negative: negative, signaling: mantissa >> UInt64(mantissaBits - 1) == 0)
            }
            return
        case .nanAllOnes where allOnesExponent && mantissa == (1 << UInt64(mantissaBits)) - 1:
            self = .nan(negative: negative, signaling: false)
            return
        case .nanNegativeZero where negative && biased == 0 && mantissa == 0:
            // The single fnuz NaN borrows the sign bit as a marker; it carries no sign.
            self = .nan(negative: false, signaling: false)
            return
        default:
            break
        }

        if biased == 0 && format.hasZero {
            // Zero or subnormal: no implicit bit, scale of the smallest normal binade.
            if mantissa == 0 {
                self = .zero(negative: negative)
            } else {
                self = .finite(negative: negative, significand: mantissa,
                               exponent: format.minNormalExponent - mantissaBits)
            }
            return
        }
        // Normal: implicit leading one. Without zero the all-zero exponent is normal too.
        self = .finite(negative: negative, significand: 1 << UInt64(mantissaBits) | mantissa,
                       exponent: Int(biased) - format.bias - mantissaBits)
    }
}
