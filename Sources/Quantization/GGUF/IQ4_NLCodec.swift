/// IQ4_NL: 32 elements, a float16 scale d and 16 bytes of 4-bit indices into the non-linear
/// grid (element j low nibble, j + 16 high nibble of byte j); x ≈ d · grid[q]. The search is
/// in ``NonLinear4Bit``.
enum IQ4_NLCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { L in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 33) { floats in
                for block in 0..<(count / 32) {
                    NonLinear4Bit.quantize(x + 32 * block, superBlock: 32, importance: importance.map { $0 + 32 * block }, into: out + 18 * block,
                                           L: L.baseAddress!, weight: floats.baseAddress!, scales: floats.baseAddress! + 32)
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 18 * block
            let d = GGMLRounding.loadHalf(b)
            let yb = y + 32 * block
            for j in 0..<16 {
                yb[j] = d * Float(NonLinear4Bit.nonLinearValues[Int(b[2 + j] & 0xf)])
                yb[j + 16] = d * Float(NonLinear4Bit.nonLinearValues[Int(b[2 + j] >> 4)])
            }
        }
    }
}
