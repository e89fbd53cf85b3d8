/// Q8_0: 32 elements, a float16 scale d = max|x| / 127 and 32 int8 codes q = roundf(x / d)
/// (half away from zero; ggml multiplies by id = 1/d rather than dividing).
///
///     x = [0.5, −1.27, 0, …]: d = 1.27/127 ≈ 0.01, stored as float16 0x211f (0.0099945…);
///     the codes use the float32 d: id = 1/d = 100, q = [50, −127, 0, …]
///
/// ggml ignores the importance matrix for Q8_0.
enum Q8_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        for block in 0..<(count / 32) {
            let xb = x + 32 * block
            let yb = out + 34 * block
            var amax: Float = 0
            for j in 0..<32 { amax = GGMLRounding.cMax(amax, abs(xb[j])) }
            let d = amax / 127
            let id: Float = d != 0 ? 1 / d : 0
            GGMLRounding.storeHalf(d, at: yb)
            for j in 0..<32 {
                yb[2 + j] = UInt8(truncatingIfNeeded: GGMLRounding.roundAway(xb[j] * id))
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 34 * block
            let d = GGMLRounding.loadHalf(b)
            for j in 0..<32 { y[32 * block + j] = Float(Int8(bitPattern: b[2 + j])) * d }
        }
    }
}
