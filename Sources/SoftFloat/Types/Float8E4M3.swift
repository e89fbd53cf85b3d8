/// FP8 E4M3 with IEEE encoding (1-4-3, bias 7, with ±infinity and NaNs).
///
/// A code of ``FloatFormat/float8_e4m3`` (largest 1.875 × 2^7 = 240.)
///
///     Float8E4M3(245)   // 240 (from 248 on, the sum rounds to infinity)
public struct Float8E4M3: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e4m3 }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
