import FastKernels
import SoftFloat

/// Rounds float32 values to a narrower format and keeps them as float32: the value
/// `FloatFormat.float32.convert(x, to: format)` stands for, computed branch-free on eight
/// lanes at a time (nearest-even, the format's own overflow, gradual underflow).
///
/// - Normal results: round the float32 mantissa to the format's `m` bits in place,
///   `(bits + (half − 1) + lsb) & ~(2^(23−m) − 1)`; a carry ripples into the exponent.
/// - Subnormal results (below 2^emin): `(|x| + 2^(emin − m + 23)) − 2^(emin − m + 23)`, one
///   hardware addition whose ulp is the format's subnormal spacing (Float32Narrowing's trick).
/// - Overflow (from `Float32Narrowing.overflowThreshold`): ±inf, NaN (fn, fnuz) or ±max
///   (finite-only formats), as the engine gives.
///
/// bfloat16: 1.00390625 (a tie between 1 and 1.0078125) → 1; 1.01171875 (a tie, odd lsb) →
/// 1.015625. float16: 65519 → 65504, 65520 → inf; 2^-25 → 0, 3·2^-26 → 2^-24.
///
/// As compute arithmetic: a float32 operation on two values of a format with at most 11
/// significand bits is correctly rounded to the format when its float32 result is rounded
/// here (Figueroa: double rounding is innocuous when 24 ≥ 2p + 2), so `round(a · b)` and
/// `round(a + b)` are the format's own product and sum; ``EncoderArithmetic`` checks p.
public struct Float32Rounding: Sendable, Hashable {
    public let format: FloatFormat
    let shift: UInt32
    let roundingBias: UInt32
    let keepMask: UInt32
    let normalThreshold: UInt32
    let magic: Float
    let overflowThreshold: UInt32
    let overflowBits: UInt32
    let overflowKeepsSign: Bool
    let keepsNegativeZero: Bool

    /// nil for formats this cannot round to: unsigned or zero-less formats, more than 23
    /// mantissa bits, or an exponent range beyond float32's.
    public init?(format: FloatFormat) {
        let m = format.mantissaBits
        guard format.isSigned, format.hasZero, m <= 23, format.minNormalExponent >= -126, format.maxExponent <= 127 else {
            return nil
        }
        self.format = format
        shift = UInt32(23 - m)
        roundingBias = shift == 0 ? 0 : (1 << (shift - 1)) - 1
        keepMask = ~((1 << shift) - 1)
        normalThreshold = Float(sign: .plus, exponent: format.minNormalExponent, significand: 1).bitPattern
        magic = Float(sign: .plus, exponent: max(-126, format.minNormalExponent - m + 23), significand: 1)
        overflowThreshold = Float32Narrowing.overflowThreshold(to: format)
        let overflow = FloatFormat.float32.convert(0x7f7f_ffff, to: format)
        let widened = format.convert(overflow.bits, to: .float32).bits
        overflowBits = UInt32(truncatingIfNeeded: widened) & 0x7fff_ffff
        overflowKeepsSign = format.convert(FloatFormat.float32.convert(0xff7f_ffff, to: format).bits, to: .float32).bits & 0x8000_0000 != 0
        keepsNegativeZero = format.hasNegativeZero
    }

    /// One value.
    public func round(_ x: Float) -> Float {
        round(SIMD8(repeating: x))[0]
    }

    /// Eight values at once, branch-free. Selects are bitwise (`(a & ~m) | (b & m)`) and the
    /// lane masks come from the sign of a difference (`a < b` ⇔ `a − b < 0` for magnitudes
    /// below 2^31): SIMD comparisons (`.<`, `replacing(with:where:)`) compile to a lane-by-lane
    /// loop through memory, which made the rounded matmul 30 times slower.
    @inline(__always)
    public func round(_ x: SIMD8<Float>) -> SIMD8<Float> {
        /// All ones where a < b, for a and b below 2^31.
        @inline(__always) func less(_ a: SIMD8<UInt32>, _ b: SIMD8<UInt32>) -> SIMD8<UInt32> {
            unsafeBitCast(unsafeBitCast(a &- b, to: SIMD8<Int32>.self) &>> 31, to: SIMD8<UInt32>.self)
        }
        @inline(__always) func select(_ a: SIMD8<UInt32>, _ b: SIMD8<UInt32>, _ m: SIMD8<UInt32>) -> SIMD8<UInt32> { (a & ~m) | (b & m) }
        let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
        let sign = bits & 0x8000_0000
        let magnitude = bits & 0x7fff_ffff
        let lsb = (magnitude &>> shift) & 1
        let normal = (magnitude &+ roundingBias &+ lsb) & keepMask
        let magnitudeFloat = unsafeBitCast(magnitude, to: SIMD8<Float>.self)
        let subnormal = unsafeBitCast((magnitudeFloat + magic) - magic, to: SIMD8<UInt32>.self)
        var result = select(normal, subnormal, less(magnitude, SIMD8(repeating: normalThreshold)))
        let overflows = ~less(magnitude, SIMD8(repeating: overflowThreshold))
        result = select(result, SIMD8(repeating: overflowBits), overflows)
        result = select(result, SIMD8(repeating: 0x7fc0_0000), less(SIMD8(repeating: 0x7f80_0000), magnitude))
        var signed = result | sign
        if !keepsNegativeZero { signed = select(signed, .zero, less(result, SIMD8(repeating: 1))) }
        if !overflowKeepsSign { signed = select(signed, result, overflows) }
        return unsafeBitCast(signed, to: SIMD8<Float>.self)
    }

    /// Rounds every element of `values` in place.
    public func round(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { buffer in round(buffer) }
    }

    /// Rounds every element of `buffer` in place.
    public func round(_ buffer: UnsafeMutableBufferPointer<Float>) {
        let count = buffer.count
        var index = 0
        while index + 8 <= count {
            let pointer = UnsafeMutableRawPointer(buffer.baseAddress! + index)
            pointer.storeBytes(of: round(pointer.loadUnaligned(as: SIMD8<Float>.self)), as: SIMD8<Float>.self)
            index += 8
        }
        while index < count {
            buffer[index] = round(buffer[index])
            index += 1
        }
    }
}
