/// Q4_0: 32 elements, a float16 scale d and 16 bytes of 4-bit codes (element j in the low
/// nibble of byte j, element j + 16 in the high nibble); x ≈ d · (q − 8).
///
/// Without an importance matrix (`quantize_row_q4_0_ref`): d = max / −8, where max is the
/// element of largest magnitude (so it maps to code 0), and q = min(15, trunc(x · (1/d) + 8.5)):
/// truncation of x/d + 8.5, not a round-to-nearest, so x/d = −0.5 → trunc(8.0) = 8.
///
///     x = [−4, 1, 2.1, …]: d = −4/−8 = 0.5, 1/d = 2, q = [0, trunc(10.5) = 10, trunc(12.7) = 12, …]
///
/// With one (`quantize_row_q4_0_impl`): weights w = imatrix · √(σ² + x²) (σ² = mean of x² over
/// the row), and the scale search of ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)``
/// with nmax = 8.
enum Q4_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let blocks = count / 32
        guard let importance else {
            for block in 0..<blocks {
                let xb = x + 32 * block
                let yb = out + 18 * block
                var amax: Float = 0
                var maxValue: Float = 0
                for j in 0..<32 where amax < abs(xb[j]) {
                    amax = abs(xb[j])
                    maxValue = xb[j]
                }
                let d = maxValue / -8
                let id: Float = d != 0 ? 1 / d : 0
                GGMLRounding.storeHalf(d, at: yb)
                for j in 0..<16 {
                    let low = code(xb[j] * id)
                    let high = code(xb[j + 16] * id)
                    yb[2 + j] = low | high << 4
                }
            }
            return
        }
        let sigma2 = ImportanceWeights.rowMeanSquare(x, count: count)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) { weight in
            withUnsafeTemporaryAllocation(of: Int8.self, capacity: 32) { L in
                for block in 0..<blocks {
                    let xb = x + 32 * block
                    let yb = out + 18 * block
                    ImportanceWeights.fill(weight.baseAddress!, importance + 32 * block, xb, count: 32, sigma2: sigma2)
                    let d = KQuantSearch.symmetric(count: 32, nmax: 8, xb, codes: L.baseAddress!, weights: weight.baseAddress!)
                    GGMLRounding.storeHalf(d, at: yb)
                    for j in 0..<16 {
                        yb[2 + j] = UInt8(bitPattern: L[j]) | UInt8(bitPattern: L[j + 16]) << 4
                    }
                }
            }
        }
    }

    /// min(15, (int8_t)(v + 8.5f)) as ggml computes it.
    @inline(__always)
    static func code(_ v: Float) -> UInt8 {
        let q = Int8(truncatingIfNeeded: GGMLRounding.truncateInt32(v + 8.5))
        return UInt8(truncatingIfNeeded: min(15, Int32(q)))
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 18 * block
            let d = GGMLRounding.loadHalf(b)
            let yb = y + 32 * block
            for j in 0..<16 {
                yb[j] = Float(Int32(b[2 + j] & 0x0f) - 8) * d
                yb[j + 16] = Float(Int32(b[2 + j] >> 4) - 8) * d
            }
        }
    }
}
