/// OCP MX FP6 E3M2: finite only, no infinity and no NaN.
///
/// A code of ``FloatFormat/float6_e3m2fn`` (largest 1.75 × 2^4 = 28.)
///
///     Float6E3M2FN(0.3)   // 0.3125 = 1.25 × 2^-2
public struct Float6E3M2FN: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float6_e3m2fn }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
