/// TQ2_0: four 2-bit trits per byte, see ``TernaryCodec``.
enum TQ2_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        for block in 0..<(count / 256) {
            let xb = x + 256 * block
            let yb = out + 66 * block
            let id = TernaryCodec.amaxScale(xb, out: yb + 64)
            for group in 0..<2 {
                for m in 0..<32 {
                    var q: UInt8 = 0
                    for n in 0..<4 {
                        let t = TernaryCodec.digit(xb[128 * group + m + 32 * n], id)
                        q = q &+ UInt8(truncatingIfNeeded: (t & 3) << (2 * Int32(n)))
                    }
                    yb[32 * group + m] = q
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 66 * block
            let d = GGMLRounding.loadHalf(b + 64)
            let yb = y + 256 * block
            for group in 0..<2 {
                for l in 0..<4 {
                    for m in 0..<32 {
                        let q = Int32((b[32 * group + m] >> UInt8(2 * l)) & 3)
                        yb[128 * group + 32 * l + m] = Float(q - 1) * d
                    }
                }
            }
        }
    }
}
