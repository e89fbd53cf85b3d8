/// IEEE binary16 in software (1-5-10, bias 15), named so as not to shadow the standard library's `Float16`.
///
/// A code of ``FloatFormat/float16`` (largest 1.9990234375 × 2^15 = 65504; least subnormal 2^-24.)
///
///     SoftFloat16(10000) * SoftFloat16(10000)   // inf: 10^8 overflows float16
public struct SoftFloat16: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .float16 }
    public var bitPattern: UInt16
    @inlinable public init(bitPattern: UInt16) { self.bitPattern = bitPattern }
}
