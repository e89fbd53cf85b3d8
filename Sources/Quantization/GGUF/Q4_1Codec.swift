/// Q4_1: 32 elements, float16 scale d and min m, 16 bytes of 4-bit codes (element j low
/// nibble of byte j, element j + 16 high nibble); x ≈ d · q + m.
///
/// Without an importance matrix (`quantize_row_q4_1_ref`): m = min x, d = (max − min) / 15,
/// q = min(15, trunc((x − min) · (1/d) + 0.5)) with the float32 min and d (not the float16 ones).
///
/// With one (`quantize_row_q4_1_impl`): the asymmetric search
/// ``KQuantSearch/asymmetric(count:nmax:_:weights:codes:theMin:rmin:rdelta:steps:absoluteError:)``
/// (nmax 15, rmin −0.9, rdelta 0.05, 36 steps) with w = imatrix · √(σ²_row + x²).
enum Q4_1Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        AffineLegacy.quantizeRow(x, count: count, importance: importance, into: out, bits: 4)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        AffineLegacy.dequantizeRow(blocks, count: count, into: y, bits: 4)
    }
}
