/// FP8 E4M3 with bias 11 (`fnuz`), used on TPUs.
///
/// A code of ``FloatFormat/float8_e4m3b11fnuz`` (largest 1.875 × 2^4 = 30.)
///
///     Float8E4M3B11FNUZ(30).nextUp.isNaN   // true: above the largest value is the NaN
public struct Float8E4M3B11FNUZ: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e4m3b11fnuz }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
