/// OCP MX scale E8M0: unsigned powers of two 2^-127 … 2^127, no zero, NaN 0xff.
///
/// A code of ``FloatFormat/float8_e8m0fnu`` (0x7f = 1. Results that would be zero or negative are NaN with `invalid`: 1 − 1 has no code.)
///
///     Float8E8M0FNU(3)   // 4.0: 1.5 × 2^1 is a tie between 2 and 4 at one bit of precision
public struct Float8E8M0FNU: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e8m0fnu }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
