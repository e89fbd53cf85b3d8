/// The integer roundings and scale conversions of ggml's reference quantizers, reproduced
/// bit for bit. Every operation is one float32 IEEE operation (Swift never fuses a multiply
/// and an add), so the arithmetic around these helpers matches ggml's C on x86-64 and arm64.
///
/// ggml uses three integer roundings:
///
///     GGMLRounding.nearestInt(2.5)            // 2: the 1.5 × 2^23 trick, half to even (K-quants, IQ)
///     GGMLRounding.roundAway(2.5)             // 3: roundf, half away from zero (Q8_0, TQ1_0, TQ2_0)
///     GGMLRounding.truncateInt32(-0.5 + 8.5)  // 8: C's (int) conversion, toward zero (Q4_0 adds 8.5f, Q4_1 0.5f)
enum GGMLRounding {
    /// `nearest_int`: adds 12582912 = 1.5 × 2^23 in float32, which rounds the fraction away
    /// half to even, and reads the low 22 mantissa bits back as an integer:
    /// 2.5 + 12582912 = 12582914.5 → 12582914 (even), bits 0x4b400002 → 2.
    /// Valid for |x| ≤ 4194303; larger values give ggml's own wrapped result.
    @inline(__always)
    static func nearestInt(_ x: Float) -> Int32 {
        let biased = x + 12582912
        return (Int32(bitPattern: biased.bitPattern) & 0x007f_ffff) - 0x0040_0000
    }

    /// ``nearestInt(_:)-(Float)`` lane by lane, the same bits: (2.5, −0.5, 3.5, …) → (2, 0, 4, …).
    @inline(__always)
    static func nearestInt(_ x: SIMD8<Float>) -> SIMD8<Int32> {
        let biased = x + 12582912
        return (unsafeBitCast(biased, to: SIMD8<Int32>.self) & 0x007f_ffff) &- 0x0040_0000
    }

    /// C's `roundf`/`lroundf`: nearest, half away from zero (−2.5 → −3).
    @inline(__always)
    static func roundAway(_ x: Float) -> Int32 {
        truncateInt32(x.rounded(.toNearestOrAwayFromZero))
    }

    /// C's float → int conversion as x86-64 compiles it (`cvttss2si`): toward zero, and the
    /// "integer indefinite" −2^31 for NaN and values outside the int32 range.
    @inline(__always)
    static func truncateInt32(_ x: Float) -> Int32 {
        guard x > -2147483904, x < 2147483648 else { return Int32.min }  // NaN fails both
        return Int32(x)
    }

    /// float32 → float16 bits, nearest-even (`GGML_FP32_TO_FP16`): 0.1 → 0x2e66.
    @inline(__always)
    static func half(_ x: Float) -> UInt16 { Float16(x).bitPattern }

    /// float16 bits → float32, exact (`GGML_FP16_TO_FP32`): 0x3c00 → 1.
    @inline(__always)
    static func float(half bits: UInt16) -> Float { Float(Float16(bitPattern: bits)) }

    /// Stores a float16 little-endian at `pointer`.
    @inline(__always) @discardableResult
    static func storeHalf(_ x: Float, at pointer: UnsafeMutablePointer<UInt8>) -> Float {
        let bits = half(x)
        pointer[0] = UInt8(truncatingIfNeeded: bits)
        pointer[1] = UInt8(truncatingIfNeeded: bits >> 8)
        return float(half: bits)
    }

    /// Reads a little-endian float16 at `pointer` as float32.
    @inline(__always)
    static func loadHalf(_ pointer: UnsafePointer<UInt8>) -> Float {
        float(half: UInt16(pointer[0]) | UInt16(pointer[1]) << 8)
    }

    /// C's `MAX(a, b)` macro, `a > b ? a : b`: a NaN in `b` wins (Swift's `max` would keep `a`).
    @inline(__always)
    static func cMax(_ a: Float, _ b: Float) -> Float { a > b ? a : b }

    /// C's `MIN(a, b)` macro, `a < b ? a : b`.
    @inline(__always)
    static func cMin(_ a: Float, _ b: Float) -> Float { a < b ? a : b }
}
