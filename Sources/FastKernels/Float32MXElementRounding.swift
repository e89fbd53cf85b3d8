import SoftFloat

/// Rounds float32 magnitudes a ≤ the element format's largest finite value to its codes,
/// nearest-even, with one float32 addition and integer arithmetic on bit patterns:
///
/// - s = a + c with c = 2^(e + 23 − m), e = max(⌊log2 a⌋, emin). The sum lies in [c, 2c),
///   where float32's spacing is 2^(e − m) = the element's spacing in a's binade (or its
///   subnormal spacing below 2^emin), so the hardware addition rounds a to the element grid,
///   ties to even (c is an even multiple of that spacing). 2^⌊log2 a⌋ is a's bit pattern with
///   the mantissa cleared (0 for a float32 subnormal, which the `max` lifts to 2^emin).
/// - bits(s) − bits(c) counts element spacings: 2^m + mantissa for a normal result (2^(m+1)
///   when rounding carried into the next binade), the code itself for a subnormal one. Adding
///   (e + bias − 1) · 2^m gives the code in both cases, carries included; with bits(c) =
///   (e + 150 − m) · 2^23 that is code = bits(s) − bits(c) + bits(c) >> (23 − m) + K,
///   K = (m + bias − 151) · 2^m.
///
///     // E2M1 (m = 1, bias 1, emin 0), K = −298:
///     //   a = 2.5: c = 2^23, s = 2^23 + 2 (a tie, even) → 2 + 300 − 298 = 4 = 0b100 (2.0)
///     //   a = 0.75: c = 2^22, s = 2^22 + 1 (a tie, even) → 2 + 298 − 298 = 2 = 0b010 (1.0)
///     //   a = 3.9: c = 2^23, s = 2^23 + 4 → 4 + 300 − 298 = 6 = 0b110 (4.0, a carry)
///
/// Every value stays a normal float32 (a subnormal result would cost a microcode assist on
/// many x86 cores). This is ``Float32Narrowing``'s rounding for finite values without
/// overflow (checked against it around every midpoint of every MX element format); the
/// kernel clamps first.
public struct Float32MXElementRounding: Sendable, Hashable {
    @usableFromInline let smallestBinade: Float
    @usableFromInline let spacingFactor: Float
    @usableFromInline let shift: UInt32
    @usableFromInline let offset: UInt32
    /// How far the float32 sign bit moves right to the format's sign bit.
    @usableFromInline let signShift: UInt32

    /// nil for formats this does not cover (no −0, wider than 8 bits, or ranges beyond float32).
    public init?(format: FloatFormat) {
        let m = format.mantissaBits
        guard format.isSigned, format.hasNegativeZero, format.bitWidth <= 8, m >= 1, m <= 21,
              format.minNormalExponent >= -126, format.maxExponent <= 127, format.bias >= 1 else { return nil }
        smallestBinade = Float(sign: .plus, exponent: format.minNormalExponent, significand: 1)
        spacingFactor = Float(sign: .plus, exponent: 23 - m, significand: 1)
        shift = UInt32(23 - m)
        offset = UInt32(bitPattern: Int32(m + format.bias - 151) << Int32(m))
        signShift = UInt32(31 - format.exponentBits - m)
    }

    /// The codes of 8 magnitudes (finite, at most the largest finite value) with the sign
    /// bits `sign` (0 or 0x80000000 per lane).
    @inlinable @inline(__always)
    public func codes(magnitude a: SIMD8<Float>, sign: SIMD8<UInt32>) -> SIMD8<Int32> {
        let binade = unsafeBitCast(unsafeBitCast(a, to: SIMD8<UInt32>.self) & 0x7f80_0000, to: SIMD8<Float>.self)
        let lowest = SIMD8<Float>(repeating: smallestBinade)
        let c = binade.replacing(with: lowest, where: binade .< lowest) * SIMD8<Float>(repeating: spacingFactor)
        let s = unsafeBitCast(a + c, to: SIMD8<UInt32>.self)
        let cBits = unsafeBitCast(c, to: SIMD8<UInt32>.self)
        let code = s &+ ((cBits &>> shift) &- cBits &+ offset)
        return unsafeBitCast(code | (sign &>> signShift), to: SIMD8<Int32>.self)
    }

    /// The codes of 8 magnitudes (as ``codes(magnitude:sign:)`` with the sign bits 0) and the
    /// float32 values they round to: s − c, exact (c ≤ s ≤ 2c, Sterbenz), so no decoding table.
    ///
    ///     // E4M3 (m = 3, emin −6): a = 0.005 → c = 2^-6 · 2^20 = 2^14, s = 2^14 + 3 · 2^-9
    ///     //   → code 3, value 0.005859375 (a subnormal scale, as Transformer Engine allows)
    @inlinable @inline(__always)
    public func codesAndValues(magnitude a: SIMD8<Float>) -> (codes: SIMD8<Int32>, values: SIMD8<Float>) {
        let binade = unsafeBitCast(unsafeBitCast(a, to: SIMD8<UInt32>.self) & 0x7f80_0000, to: SIMD8<Float>.self)
        let lowest = SIMD8<Float>(repeating: smallestBinade)
        let c = binade.replacing(with: lowest, where: binade .< lowest) * SIMD8<Float>(repeating: spacingFactor)
        let sum = a + c
        let s = unsafeBitCast(sum, to: SIMD8<UInt32>.self)
        let cBits = unsafeBitCast(c, to: SIMD8<UInt32>.self)
        return (unsafeBitCast(s &+ ((cBits &>> shift) &- cBits &+ offset), to: SIMD8<Int32>.self), sum - c)
    }

    /// One value (for tests).
    public func code(_ y: Float) -> UInt32 {
        let lanes = codes(magnitude: SIMD8<Float>(repeating: y.magnitude),
                          sign: SIMD8<UInt32>(repeating: y.bitPattern & 0x8000_0000))
        return UInt32(bitPattern: lanes[0])
    }
}
