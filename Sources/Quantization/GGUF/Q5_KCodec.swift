/// Q5_K: 176 bytes: d, dmin (float16), scales[12] (``ScaleMinK4``), qh[32] (bit 2k of byte l: the
/// fifth bit of element 64k + l, bit 2k + 1: of element 64k + 32 + l), qs[128] (as Q4_K);
/// x ≈ d·sc·q − dmin·m, q ∈ 0 … 31.
/// The algorithm is in ``AffineKQuant``.
enum Q5_KCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        AffineKQuant.quantizeRow(x, count: count, importance: importance, into: out, bits: 5)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        AffineKQuant.dequantizeRow(blocks, count: count, into: y, bits: 5)
    }
}
