/// IQ4_XS: a 256-element super-block of eight IQ4_NL-style blocks sharing a float16 D, each
/// with a 6-bit sub-scale l (value l − 32): 136 bytes = d, scales_h (uint16: two high bits per
/// block), scales_l[4] (two low nibbles per byte), qs[128]; x ≈ D·(l − 32)·grid[q]. The search
/// is in ``NonLinear4Bit``.
enum IQ4_XSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        NonLinear4Bit.quantizeRow(x, count: count, importance: importance, into: out, superBlock: 256, blockBytes: 136)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 136 * block
            let d = GGMLRounding.loadHalf(b)
            let scalesHigh = UInt16(b[2]) | UInt16(b[3]) << 8
            for ib in 0..<8 {
                let low = Int32((b[4 + ib / 2] >> UInt8(4 * (ib % 2))) & 0xf)
                let high = Int32((scalesHigh >> UInt16(2 * ib)) & 3)
                let dl = d * Float((low | high << 4) - 32)
                NonLinear4Bit.dequantizeBlock(b + 8 + 16 * ib, scale: dl, into: y + 256 * block + 32 * ib)
            }
        }
    }
}
