/// OCP MX FP6 E2M3: finite only, no infinity and no NaN (6 bits in the low bits of a byte).
///
/// A code of ``FloatFormat/float6_e2m3fn`` (largest 1.875 × 2^2 = 7.5; overflow saturates to ±7.5.)
///
///     Float6E2M3FN(100)   // 7.5
public struct Float6E2M3FN: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float6_e2m3fn }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
