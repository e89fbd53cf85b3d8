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
        scaled(bits, byPowerOfTwo: 0, to: target, options: options, random: random)
    }

    /// x × 2^k rounded once into `target`: ``convert(_:to:options:random:)`` with the exponent
    /// moved by `k` (the same special values; k = 0 is the conversion itself).
    ///
    ///     FloatFormat.float32.scaled(0x3fc00000, byPowerOfTwo: 8, to: .float8_e4m3fn)
    ///     // 1.5 × 256 = 384 → 0x7c
    ///
    /// Dividing by an MX shared scale X = 2^e is this with k = −e: a power-of-two scaling is
    /// exact in any binary format unless it leaves the format's range, so rounding the exact
    /// product once equals dividing in the compute format and then converting, whenever that
    /// division is exact; it stays correct where the compute format could not even hold X
    /// (float16 cannot hold 2^-40).
    @inlinable @inline(__always)
    public func scaled(_ bits: UInt64, byPowerOfTwo k: Int, to target: FloatFormat, options: RoundingOptions = .standard,
                       random: UInt64 = 0) -> Rounded {
        switch decode(bits) {
        case .finite(let negative, let significand, let exponent):
            return RoundingCore.roundPack(
                negative: negative, exponent: exponent + k, significand: significand, sticky: false,
                format: target, options: options, random: random)
        case .zero(let negative):
            return RoundingCore.packZero(negative: negative, format: target)
        case .infinity(let negative):
            return target.packInfinity(negative: negative, options: options)
        case .nan:
            return NaNPropagation.converted(bits, from: self, to: target)
        }
    }

    /// ±infinity in this format, or its stand-in when the format has none.
    public func packInfinity(negative: Bool, options: RoundingOptions = .standard) -> Rounded {
        if negative && !isSigned { return NaNPropagation.invalid(format: self) }
        let signBit = negative ? signMask : 0
        if let infinity = infinityBits { return Rounded(bits: signBit | infinity) }
        if options.overflow == .saturate || nonFinite == .finiteOnly {
            return Rounded(bits: signBit | maxFiniteBits, flags: .invalid)
        }
        return Rounded(bits: NaNPropagation.canonical(negative: negative, format: self), flags: .invalid)
    }

    /// A quiet NaN in this format. `payload` is left-aligned in 64 bits (its top bit is the
    /// source's quiet bit); IEEE targets keep as many top payload bits as they have.
    @available(*, deprecated, message: "use NaNPropagation.converted(negative:payload:signaling:to:), the one home of NaN rules")
    public func packNaN(negative: Bool, payload: UInt64 = 0, flags: FloatFlags = []) -> Rounded {
        let rounded = NaNPropagation.converted(negative: negative, payload: payload, signaling: false, to: self)
        return Rounded(bits: rounded.bits, flags: rounded.flags.union(flags))
    }
}
