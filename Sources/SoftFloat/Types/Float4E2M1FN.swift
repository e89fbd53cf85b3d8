/// OCP MX FP4 E2M1: finite only, values ±{0, 0.5, 1, 1.5, 2, 3, 4, 6}.
///
/// A code of ``FloatFormat/float4_e2m1fn`` (largest 1.5 × 2^2 = 6.)
///
///     Float4E2M1FN(5)   // 4: a tie between 4 and 6, to the even code
public struct Float4E2M1FN: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float4_e2m1fn }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
