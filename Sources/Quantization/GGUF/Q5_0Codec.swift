/// Q5_0: Q4_0 with 5-bit codes: float16 d, the fifth bits in a little-endian uint32 `qh`
/// (bit j for element j), 16 bytes of low nibbles; x ≈ d · (q − 16).
///
/// Without an importance matrix: d = max / −16 (max = the element of largest magnitude),
/// q = min(31, trunc(x · (1/d) + 16.5)). With one: ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)``
/// with nmax = 16 and w = imatrix · √(σ²_row + x²).
enum Q5_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        SymmetricLegacy.quantizeRow(x, count: count, importance: importance, into: out, bits: 5)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        SymmetricLegacy.dequantizeRow(blocks, count: count, into: y, bits: 5)
    }
}
