/// Graphcore/AMD FP8 E4M3 (`fnuz`: no infinity, no −0, the single NaN 0x80; bias 8).
///
/// A code of ``FloatFormat/float8_e4m3fnuz`` (largest 1.875 × 2^7 = 240; −0 does not exist, so x − x and −0 literals give +0.)
///
///     Float8E4M3FNUZ(1) - Float8E4M3FNUZ(1)   // 0.0 (code 0x00)
public struct Float8E4M3FNUZ: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e4m3fnuz }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
