/// Graphcore/AMD FP8 E5M2 (`fnuz`: no infinity, no −0, the single NaN 0x80; bias 16).
///
/// A code of ``FloatFormat/float8_e5m2fnuz`` (largest 1.75 × 2^15 = 57344.)
///
///     Float8E5M2FNUZ(1e6)   // nan: overflow in an fnuz format
public struct Float8E5M2FNUZ: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e5m2fnuz }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
