/// TQ1_0 and TQ2_0 (BitNet b1.58 / TriLM ternary types): 256 elements, trits t ∈ {−1, 0, 1}
/// from roundf(x / amax) (half away from zero: x = amax/2 → 1), one float16 scale d = amax.
///
/// TQ2_0 (66 bytes): 2 bits per trit (t + 1), four trits per byte: byte m of each 32-byte group
/// holds elements m, m + 32, m + 64, m + 96 of that group of 128 in bits 0–1, 2–3, 4–5, 6–7.
///
/// TQ1_0 (54 bytes): five trits per byte as a base-3 number scaled to a byte: q = Σ (t+1)·3^(4−n)
/// (first element most significant) and byte = ⌈q · 256 / 243⌉, so that decoding digit n is
/// ((byte · 3^n mod 256) · 3) >> 8. Bytes 0–31 hold elements m + 32n (160 elements), bytes
/// 32–47 elements 160 + m + 16n (80), and the four `qh` bytes four trits each (element
/// 240 + j + 4m, shifted up by one trit), then d.
///
///     trits (1, 0, −1, 1, 1) → digits 2,1,0,2,2 → q = 2·81 + 1·27 + 0·9 + 2·3 + 2 = 197,
///     byte = ⌈197 · 256 / 243⌉ = ⌈207.5…⌉ = 208
enum TernaryCodec {
    @inline(__always)
    static func amaxScale(_ x: UnsafePointer<Float>, out d: UnsafeMutablePointer<UInt8>) -> Float {
        var amax: Float = 0
        for j in 0..<256 { amax = GGMLRounding.cMax(amax, abs(x[j])) }
        GGMLRounding.storeHalf(amax, at: d)
        return amax != 0 ? 1 / amax : 0
    }

    @inline(__always)
    static func digit(_ x: Float, _ id: Float) -> Int32 { GGMLRounding.roundAway(x * id) + 1 }

    /// ⌈q · 256 / 243⌉ in 16-bit arithmetic, stored as a byte.
    @inline(__always)
    static func scaled(_ q: UInt8) -> UInt8 { UInt8(truncatingIfNeeded: (UInt32(q) * 256 + 242) / 243) }

    /// Digit n (0 = most significant) of a TQ1_0 byte, minus 1.
    @inline(__always)
    static func trit(_ byte: UInt8, _ n: Int) -> Float {
        let powers: (UInt8, UInt8, UInt8, UInt8, UInt8) = (1, 3, 9, 27, 81)
        let power: UInt8
        switch n {
        case 0: power = powers.0
        case 1: power = powers.1
        case 2: power = powers.2
        case 3: power = powers.3
        default: power = powers.4
        }
        let q = byte &* power
        return Float(Int32((UInt16(q) * 3) >> 8) - 1)
    }
}
