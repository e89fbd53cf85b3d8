/// OCP FP8 E4M3 (`fn`: finite, NaN only at the all-ones codes 0x7f and 0xff; no infinity).
///
/// A code of ``FloatFormat/float8_e4m3fn`` (largest (1 + 0b110 · 2^-3) × 2^(0b1111 − 7) = 1.75 × 2^8 = 448; an overflow is NaN by default.)
///
///     Float8E4M3FN(448) + Float8E4M3FN(32)   // nan: 480 overflows, and fn has no infinity
public struct Float8E4M3FN: SoftFloatingPoint {
    @inlinable public static var format: FloatFormat { .float8_e4m3fn }
    public var bitPattern: UInt8
    @inlinable public init(bitPattern: UInt8) { self.bitPattern = bitPattern }
}
