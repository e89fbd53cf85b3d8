/// ggml's NVFP4 block (64 elements: four UE4M3 scale bytes, one per 16 elements, then for each
/// sub-block s eight bytes with element j in the low nibble and j + 8 in the high nibble).
/// See ``FP4Codec`` for the scale conversion and the tie rule.
enum NVFP4Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        // The 16 codes of a sub-block go to a scratch buffer first, then are packed: one loop of
        // 16 vectorizes (≈ 3.5 ns/element), eight iterations of two codes did not (≈ 15).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { codes in
            for block in 0..<(count / 64) {
                let yb = out + 36 * block
                for sub in 0..<4 {
                    let xb = x + 64 * block + 16 * sub
                    var amax: Float = 0
                    for j in 0..<16 where amax < abs(xb[j]) { amax = abs(xb[j]) }
                    let scale = FP4Codec.ue4m3(amax / 6)
                    yb[sub] = scale
                    let d = FP4Codec.halfValue(ue4m3: scale)
                    for j in 0..<16 { codes[j] = FP4Codec.bestIndex(xb[j], d) }
                    for j in 0..<8 { yb[4 + 8 * sub + j] = codes[j] | codes[j + 8] << 4 }
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 64) {
            let b = blocks + 36 * block
            for sub in 0..<4 {
                let d = FP4Codec.halfValue(ue4m3: b[sub])
                let yb = y + 64 * block + 16 * sub
                for j in 0..<8 {
                    let byte = b[4 + 8 * sub + j]
                    yb[j] = Float(FP4Codec.doubledValues[Int(byte & 0x0f)]) * d
                    yb[j + 8] = Float(FP4Codec.doubledValues[Int(byte >> 4)]) * d
                }
            }
        }
    }
}
