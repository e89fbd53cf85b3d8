import Testing
import SoftFloat

/// Rule 7 of ``NaNPropagation`` — what a conversion does to a NaN — for plain conversions and
/// for conversions scaled by a power of two (the MX kernels' `scaled(_:byPowerOfTwo:to:)`),
/// against hardware conversions where the formats are the hardware's, and against the rule
/// restated here for every NaN code of every built-in format up to 16 bits.
struct NaNConversionTests {
    static let exponents = [-149, -40, -1, 0, 1, 7, 300]

    /// float32 NaNs: both signs, signaling and quiet, payloads at the top, the bottom and between.
    static let float32NaNs: [UInt32] = [0x7f80_0001, 0x7fa0_0000, 0x7fbf_ffff, 0x7fc0_0000, 0x7fc0_0001,
                                        0x7fd0_0000, 0x7fff_ffff, 0x7f80_2000, 0x7fc0_2000]
        .flatMap { [$0, $0 | 0x8000_0000] }
    static let float64NaNs: [UInt64] = [0x7ff0_0000_0000_0001, 0x7ff4_0000_0000_0000, 0x7ff8_0000_0000_0000,
                                        0x7ff8_0000_2000_0000, 0x7fff_ffff_ffff_ffff, 0x7ff0_0000_2000_0000]
        .flatMap { [$0, $0 | 0x8000_0000_0000_0000] }

    @Test(arguments: exponents)
    func float32ToFloat64MatchesHardware(k: Int) {
        for bits in Self.float32NaNs {
            let hardware = Float(bitPattern: bits)
            let expected = Rounded(bits: Double(hardware).bitPattern, flags: hardware.isSignalingNaN ? .invalid : [])
            #expect(FloatFormat.float32.scaled(UInt64(bits), byPowerOfTwo: k, to: .float64) == expected, "\(bits) × 2^\(k)")
            #expect(FloatFormat.float32.convert(UInt64(bits), to: .float64) == expected)
        }
    }

    @Test(arguments: exponents)
    func float64ToFloat32MatchesHardware(k: Int) {
        for bits in Self.float64NaNs {
            let hardware = Double(bitPattern: bits)
            let expected = Rounded(bits: UInt64(Float(hardware).bitPattern), flags: hardware.isSignalingNaN ? .invalid : [])
            #expect(FloatFormat.float64.scaled(bits, byPowerOfTwo: k, to: .float32) == expected, "\(bits) × 2^\(k)")
            #expect(FloatFormat.float64.convert(bits, to: .float32) == expected)
        }
    }

    #if !(os(macOS) && arch(x86_64))
    @Test(arguments: exponents)
    func float32ToFloat16MatchesTheStandardLibrary(k: Int) {
        for bits in Self.float32NaNs {
            let value = Float(bitPattern: bits)
            let expected = Rounded(bits: UInt64(Float16(value).bitPattern), flags: value.isSignalingNaN ? .invalid : [])
            #expect(FloatFormat.float32.scaled(UInt64(bits), byPowerOfTwo: k, to: .float16) == expected, "\(bits) × 2^\(k)")
        }
    }
    #endif

    /// Rule 7 restated from the descriptor fields alone: the source's sign (none for the
    /// fnuz NaN), its mantissa field as the payload of an IEEE source, quiet bit set.
    static func expected(_ bits: UInt64, from source: FloatFormat, to target: FloatFormat) -> Rounded {
        let ieeeSource = source.nonFinite == .ieee
        let negative = source.nonFinite != .nanNegativeZero && bits & source.signMask != 0
        let mantissa = bits & source.mantissaMask
        let signaling = ieeeSource && mantissa >> UInt64(source.mantissaBits - 1) == 0
        let flags: FloatFlags = signaling ? .invalid : []
        switch target.nonFinite {
        case .ieee:
            let shift = target.mantissaBits - source.mantissaBits
            let payload = !ieeeSource ? 0 : shift >= 0 ? mantissa << UInt64(shift) : mantissa >> UInt64(-shift)
            let quiet = UInt64(1) << UInt64(target.mantissaBits - 1)
            let sign: UInt64 = negative ? target.signMask : 0
            return Rounded(bits: sign | target.exponentFieldMask << UInt64(target.mantissaBits) | payload | quiet, flags: flags)
        case .nanAllOnes: return Rounded(bits: target.magnitudeMask | (negative ? target.signMask : 0), flags: flags)
        case .nanNegativeZero: return Rounded(bits: target.signMask, flags: flags)
        case .finiteOnly: return Rounded(bits: 0, flags: .invalid)
        }
    }

    @Test(arguments: FloatFormat.builtIn.filter { $0.hasNaN && $0.bitWidth <= 16 })
    func everyNaNCodeScalesLikeItConverts(source: FloatFormat) {
        var mismatches: [String] = []
        var count = 0
        for bits in UInt64(0)...source.codeMask where source.isNaN(bits) {
            for target in FloatFormat.builtIn {
                let expected = Self.expected(bits, from: source, to: target)
                for k in Self.exponents {
                    count += 1
                    let got = source.scaled(bits, byPowerOfTwo: k, to: target, options: RoundingOptions(rounding: .odd))
                    if got != expected {
                        mismatches.append("\(source.hexString(bits)) × 2^\(k) → \(target.name): \(target.hexString(got.bits)) \(got.flags), expected \(target.hexString(expected.bits)) \(expected.flags)")
                    }
                }
                if source.convert(bits, to: target) != expected { mismatches.append("convert \(source.hexString(bits)) → \(target.name)") }
            }
        }
        #expect(count > 0)
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(count):\n\(mismatches.prefix(8).joined(separator: "\n"))")
    }
}
