/// IQ4_NL: 32 elements, a float16 scale d and 16 bytes of 4-bit indices into the non-linear
/// grid (element j low nibble, j + 16 high nibble of byte j); x ≈ d · grid[q]. The search is
/// in ``NonLinear4Bit``.
enum IQ4_NLCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        NonLinear4Bit.quantizeRow(x, count: count, importance: importance, into: out, superBlock: 32, blockBytes: 18)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 18 * block
            let d = GGMLRounding.loadHalf(b)
            NonLinear4Bit.dequantizeBlock(b + 2, scale: d, into: y + 32 * block)
        }
    }
}
