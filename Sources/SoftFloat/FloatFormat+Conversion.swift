extension FloatFormat {
    /// Converts a code of this format to `target`, rounding once through ``RoundingCore``.
    ///
    ///     FloatFormat.float32.convert(0x477fe000, to: .float16)  // 65504 → 0x7bff
    ///     FloatFormat.float32.convert(0x477ff000, to: .float16)  // 65520 → 0x7c00, overflow|inexact
    ///
    /// Special values: NaN becomes the target's NaN, keeping the sign and the top payload bits
    /// between IEEE formats (quiet bit set; a signaling NaN raises `invalid`). A format without
    /// NaN gets +0 with `invalid`. Infinity becomes the target's infinity; without one it is NaN
    /// (fn/fnuz) or ±max (finite-only formats and the saturate policy), with `invalid`. Negative
    /// values, zero and NaN into the unsigned, zero-less float8_e8m0fnu give its NaN with `invalid`.
    @inlinable public func convert(_ bits: UInt64, to target: FloatFormat, options: RoundingOptions = .standard, random: UInt64 = 0) -> Rounded {
        switch decode(bits) {
        case .finite(let negative, let significand, let exponent):
            return RoundingCore.roundPack(
                negative: negative, exponent: exponent, significand: significand, sticky: false,
                format: target, options: options, random: random)
        case .zero(let negative):
            return RoundingCore.packZero(negative: negative, format: target)
        case .infinity(let negative):
            return target.packInfinity(negative: negative, options: options)
        case .nan(let negative, let payload):
            let signaling = nonFinite == .ieee && payload >> UInt64(mantissaBits - 1) == 0
            return target.packNaN(negative: negative, payload: nonFinite == .ieee ? payload << UInt64(64 - mantissaBits) : 0,
                                  flags: signaling ? .invalid : [])
        }
    }

    /// ±infinity in this format, or its stand-in when the format has none.
    public func packInfinity(negative: Bool, options: RoundingOptions = .standard) -> Rounded {
        if negative && !isSigned { return Rounded(bits: nanBits!, flags: .invalid) }
        let signBit = negative ? signMask : 0
        if let infinity = infinityBits { return Rounded(bits: signBit | infinity) }
        if options.overflow == .saturate || nonFinite == .finiteOnly {
            return Rounded(bits: signBit | maxFiniteBits, flags: .invalid)
        }
        return Rounded(bits: RoundingCore.nanCode(negative: negative, format: self), flags: .invalid)
    }

    /// A quiet NaN in this format. `payload` is left-aligned in 64 bits (its top bit is the
    /// source's quiet bit); IEEE targets keep as many top payload bits as they have.
    public func packNaN(negative: Bool, payload: UInt64 = 0, flags: FloatFlags = []) -> Rounded {
        switch nonFinite {
        case .ieee:
            let kept = mantissaBits > 0 ? payload >> UInt64(64 - mantissaBits) : 0
            let quiet = UInt64(1) << UInt64(mantissaBits - 1)
            return Rounded(bits: (negative ? signMask : 0) | infinityBits! | kept | quiet, flags: flags)
        case .nanAllOnes, .nanNegativeZero:
            return Rounded(bits: RoundingCore.nanCode(negative: negative, format: self), flags: flags)
        case .finiteOnly:
            return Rounded(bits: 0, flags: flags.union(.invalid))
        }
    }
}
