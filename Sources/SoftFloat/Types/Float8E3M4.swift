/// FP8 E3M4 with IEEE encoding (1-3-4, bias 3, with ±infinity and NaNs).
///
/// A code of ``FloatFormat/float8_e3m4`` (largest 1.9375 × 2^3 = 15.5.)
///
///     Float8E3M4(0.1)   // 0.09375 = 6 × 2^-6, a subnormal (the least normal is 2^-2)
public struct Float8E3M4: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e3m4 }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
