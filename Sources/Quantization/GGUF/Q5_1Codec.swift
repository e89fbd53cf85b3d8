/// Q5_1: Q4_1 with 5-bit codes (nmax 31): float16 d and m, the fifth bits of the 32 codes in
/// a little-endian uint32 `qh` (bit j for element j), then 16 bytes of low nibbles;
/// x ≈ d · q + m. Without an importance matrix q = trunc((x − min) · (1/d) + 0.5), d = (max − min)/31
/// (no clamp: the largest element gives exactly 31 or 31.5 − ε).
enum Q5_1Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        AffineLegacy.quantizeRow(x, count: count, importance: importance, into: out, bits: 5)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        AffineLegacy.dequantizeRow(blocks, count: count, into: y, bits: 5)
    }
}
