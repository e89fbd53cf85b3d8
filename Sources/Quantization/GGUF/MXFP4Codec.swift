/// ggml's MXFP4 block (32 elements: an E8M0 byte, then element j in the low nibble and j + 16
/// in the high nibble of byte j). See ``FP4Codec`` for the exponent and the tie rule.
enum MXFP4Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        for block in 0..<(count / 32) {
            let xb = x + 32 * block
            let yb = out + 17 * block
            var amax: Float = 0
            for j in 0..<32 where amax < abs(xb[j]) { amax = abs(xb[j]) }
            let e = FP4Codec.exponent(amax: amax)
            let d = FP4Codec.halfScale(e8m0: e)
            yb[0] = e
            for j in 0..<16 {
                yb[1 + j] = FP4Codec.bestIndex(xb[j], d) | FP4Codec.bestIndex(xb[j + 16], d) << 4
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 17 * block
            let d = FP4Codec.halfScale(e8m0: b[0])
            let yb = y + 32 * block
            for j in 0..<16 {
                yb[j] = Float(FP4Codec.doubledValues[Int(b[1 + j] & 0x0f)]) * d
                yb[j + 16] = Float(FP4Codec.doubledValues[Int(b[1 + j] >> 4)]) * d
            }
        }
    }
}
