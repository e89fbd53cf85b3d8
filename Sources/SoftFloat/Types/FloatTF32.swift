/// NVIDIA TensorFloat-32: float32's range with float16's 11-bit significand (1-8-10, 19 bits).
///
/// A code of ``FloatFormat/tf32`` (the code sits in the low 19 bits: 1.0 = 0x1fc00.)
///
///     FloatTF32(1.0 / 3).bitPattern   // 0x1f555 = 1.3330078125 × 2^-2
public struct FloatTF32: SoftBinaryFloatingPoint {
    @inlinable public static var format: FloatFormat { .tf32 }
    public var bitPattern: UInt32
    @inlinable public init(bitPattern: UInt32) { self.bitPattern = bitPattern }
}
