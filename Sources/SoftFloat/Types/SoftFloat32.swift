/// IEEE binary32 in software (1-8-23, bias 127), bit-for-bit equal to hardware `Float` under nearest-even.
///
/// A code of ``FloatFormat/float32`` (largest (2 − 2^-23) × 2^127 ≈ 3.4028235e38.)
///
///     SoftFloat32(10000) * SoftFloat32(10000)   // 1e+08 (0x4cbebc20), exact
public struct SoftFloat32: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .float32 }
    public var bitPattern: UInt32
    @inlinable public init(bitPattern: UInt32) { self.bitPattern = bitPattern }
}
