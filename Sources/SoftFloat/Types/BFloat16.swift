/// Brain float 16: float32's 8-bit exponent with an 8-bit significand (1-8-7, bias 127).
///
/// A code of ``FloatFormat/bfloat16`` (largest (2 − 2^-7) × 2^127 ≈ 3.3895e38; 1/3 → 0x3eab = 0.333984375.)
///
///     let x: BFloat16 = 1.0
///     x + 0.001      // 1.0: the sum 1.001 is within half an ulp (2^-8) of 1
public struct BFloat16: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .bfloat16 }
    public var bitPattern: UInt16
    @inlinable public init(bitPattern: UInt16) { self.bitPattern = bitPattern }
}
