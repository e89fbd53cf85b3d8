/// Q4_0: 32 elements, a float16 scale d and 16 bytes of 4-bit codes (element j in the low
/// nibble of byte j, element j + 16 in the high nibble); x ≈ d · (q − 8).
///
/// Without an importance matrix (`quantize_row_q4_0_ref`): d = max / −8, where max is the
/// element of largest magnitude (so it maps to code 0), and q = min(15, trunc(x · (1/d) + 8.5)):
/// truncation of x/d + 8.5, not a round-to-nearest, so x/d = −0.5 → trunc(8.0) = 8.
///
///     x = [−4, 1, 2.1, …]: d = −4/−8 = 0.5, 1/d = 2, q = [0, trunc(10.5) = 10, trunc(12.7) = 12, …]
///
/// With one (`quantize_row_q4_0_impl`): weights w = imatrix · √(σ² + x²) (σ² = mean of x² over
/// the row), and the scale search of ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)``
/// with nmax = 8.
enum Q4_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        SymmetricLegacy.quantizeRow(x, count: count, importance: importance, into: out, bits: 4)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        SymmetricLegacy.dequantizeRow(blocks, count: count, into: y, bits: 4)
    }
}
