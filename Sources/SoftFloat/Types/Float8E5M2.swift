/// OCP FP8 E5M2, IEEE-like (1-5-2, bias 15, with ±infinity and NaNs).
///
/// A code of ``FloatFormat/float8_e5m2`` (largest 1.75 × 2^15 = 57344; least subnormal 2^-16.)
///
///     Float8E5M2(60000)   // 57344: below the 61440 midpoint to infinity
public struct Float8E5M2: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e5m2 }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
