/// A binary layout whose widths are known at compile time, for the scalar fast path
/// (``ScalarFastPath``): a sign bit, `exponentBits` of biased exponent with the default bias
/// `2^(exponentBits − 1) − 1`, `mantissaBits` of fraction, zero and subnormals, and either IEEE
/// infinities and NaNs in the all-ones binade or, when ``hasInfinity`` is false, the `fn`
/// convention (no infinity; NaN only at the all-ones magnitude, float8_e4m3fn 0x7f/0xff).
///
/// Every derived constant below is a static computed property of the conforming type, so that a
/// generic function specialised on it sees literals: float16's `maxFiniteBits` is 0x7bff in
/// the generated code, not a load from a descriptor.
///
///     Float16Layout.bias            // 15
///     Float16Layout.maxFiniteBits   // 0x7bff = 65504
///     Float8E4M3FNLayout.maxFiniteBits   // 0x7e = 448
protocol ScalarLayout {
    static var exponentBits: Int { get }
    static var mantissaBits: Int { get }
    /// True for IEEE layouts, false for `fn` layouts (NaN at all ones, no infinity).
    static var hasInfinity: Bool { get }
    /// The run-time descriptor of the same layout: the engine the fast path falls back to.
    static var format: FloatFormat { get }
}

extension ScalarLayout {
    @inline(__always) static var bias: Int { (1 &<< (exponentBits &- 1)) &- 1 }
    @inline(__always) static var signShift: UInt64 { UInt64(exponentBits &+ mantissaBits) }
    @inline(__always) static var signMask: UInt64 { 1 &<< signShift }
    @inline(__always) static var magnitudeMask: UInt64 { signMask &- 1 }
    @inline(__always) static var codeMask: UInt64 { signMask | magnitudeMask }
    @inline(__always) static var implicitBit: UInt64 { 1 &<< UInt64(mantissaBits) }
    @inline(__always) static var mantissaMask: UInt64 { implicitBit &- 1 }
    /// The all-ones binade's first code: +∞ in IEEE layouts.
    @inline(__always) static var infinityBits: UInt64 { magnitudeMask & ~mantissaMask }
    @inline(__always) static var quietBit: UInt64 { implicitBit &>> 1 }
    /// float16 0x7bff; fn layouts give up only the all-ones magnitude (e4m3fn 0x7e).
    @inline(__always) static var maxFiniteBits: UInt64 { hasInfinity ? infinityBits &- 1 : magnitudeMask &- 1 }
    /// The largest biased exponent of a finite value (float16 30, e4m3fn 15).
    @inline(__always) static var maxFiniteBiasedExponent: Int { Int(truncatingIfNeeded: maxFiniteBits &>> UInt64(mantissaBits)) }
    /// The default NaN (``FloatFormat/nanBits``): float16 0x7e00, e4m3fn 0x7f.
    @inline(__always) static var defaultNaN: UInt64 { hasInfinity ? infinityBits | quietBit : magnitudeMask }

    /// True for a normal magnitude (neither zero, subnormal, infinite nor NaN): one unsigned
    /// comparison, since the normal magnitudes are the range [2^m, maxFiniteBits].
    @inline(__always) static func isNormal(_ magnitude: UInt64) -> Bool {
        magnitude &- implicitBit <= maxFiniteBits &- implicitBit
    }

    /// True when both magnitudes are normal: one comparison of the larger offset.
    @inline(__always) static func areNormal(_ a: UInt64, _ b: UInt64) -> Bool {
        Swift.max(a &- implicitBit, b &- implicitBit) <= maxFiniteBits &- implicitBit
    }

    /// True when all three magnitudes are normal: one comparison of the largest offset.
    @inline(__always) static func areNormal(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> Bool {
        Swift.max(Swift.max(a &- implicitBit, b &- implicitBit), c &- implicitBit) <= maxFiniteBits &- implicitBit
    }

    @inline(__always) static func isNaN(_ magnitude: UInt64) -> Bool {
        hasInfinity ? magnitude > infinityBits : magnitude == magnitudeMask
    }

    @inline(__always) static func isInfinity(_ magnitude: UInt64) -> Bool {
        hasInfinity && magnitude == infinityBits
    }
}
