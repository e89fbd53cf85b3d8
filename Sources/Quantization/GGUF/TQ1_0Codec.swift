/// TQ1_0: five trits per byte, see ``TernaryCodec``.
enum TQ1_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        for block in 0..<(count / 256) {
            var xb = x + 256 * block
            let yb = out + 54 * block
            let id = TernaryCodec.amaxScale(xb, out: yb + 52)
            for m in 0..<32 {
                var q: UInt8 = 0
                for n in 0..<5 { q = q &* 3 &+ UInt8(truncatingIfNeeded: TernaryCodec.digit(xb[m + 32 * n], id)) }
                yb[m] = TernaryCodec.scaled(q)
            }
            xb += 160
            for m in 0..<16 {
                var q: UInt8 = 0
                for n in 0..<5 { q = q &* 3 &+ UInt8(truncatingIfNeeded: TernaryCodec.digit(xb[m + 16 * n], id)) }
                yb[32 + m] = TernaryCodec.scaled(q)
            }
            xb += 80
            for j in 0..<4 {
                var q: UInt8 = 0
                for m in 0..<4 { q = q &* 3 &+ UInt8(truncatingIfNeeded: TernaryCodec.digit(xb[j + 4 * m], id)) }
                q = q &* 3
                yb[48 + j] = TernaryCodec.scaled(q)
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 54 * block
            let d = GGMLRounding.loadHalf(b + 52)
            var yb = y + 256 * block
            for n in 0..<5 { for m in 0..<32 { yb[32 * n + m] = TernaryCodec.trit(b[m], n) * d } }
            yb += 160
            for n in 0..<5 { for m in 0..<16 { yb[16 * n + m] = TernaryCodec.trit(b[32 + m], n) * d } }
            yb += 80
            for n in 0..<4 { for j in 0..<4 { yb[4 * n + j] = TernaryCodec.trit(b[48 + j], n) * d } }
        }
    }
}
