/// Q4_K: 144 bytes: d, dmin (float16), scales[12] (``ScaleMinK4``), qs[128] (sub-blocks 2k and
/// 2k + 1 in the low and high nibbles of bytes 32k … 32k + 31); x ≈ d·sc·q − dmin·m, q ∈ 0 … 15.
/// The algorithm is in ``AffineKQuant``.
enum Q4_KCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        AffineKQuant.quantizeRow(x, count: count, importance: importance, into: out, bits: 4)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        AffineKQuant.dequantizeRow(blocks, count: count, into: y, bits: 4)
    }
}
