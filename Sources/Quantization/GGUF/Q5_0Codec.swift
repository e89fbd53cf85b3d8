/// Q5_0: Q4_0 with 5-bit codes: float16 d, the fifth bits in a little-endian uint32 `qh`
/// (bit j for element j), 16 bytes of low nibbles; x ≈ d · (q − 16).
///
/// Without an importance matrix: d = max / −16 (max = the element of largest magnitude),
/// q = min(31, trunc(x · (1/d) + 16.5)). With one: ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)``
/// with nmax = 16 and w = imatrix · √(σ²_row + x²).
enum Q5_0Codec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let blocks = count / 32
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: 32) { buffer in
            let L = buffer.baseAddress!
            if let importance {
                let sigma2 = ImportanceWeights.rowMeanSquare(x, count: count)
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) { weight in
                    for block in 0..<blocks {
                        let xb = x + 32 * block
                        ImportanceWeights.fill(weight.baseAddress!, importance + 32 * block, xb, count: 32, sigma2: sigma2)
                        let d = KQuantSearch.symmetric(count: 32, nmax: 16, xb, codes: L, weights: weight.baseAddress!)
                        GGMLRounding.storeHalf(d, at: out + 22 * block)
                        pack(L, into: out + 22 * block)
                    }
                }
                return
            }
            for block in 0..<blocks {
                let xb = x + 32 * block
                var amax: Float = 0
                var maxValue: Float = 0
                for j in 0..<32 where amax < abs(xb[j]) {
                    amax = abs(xb[j])
                    maxValue = xb[j]
                }
                let d = maxValue / -16
                let id: Float = d != 0 ? 1 / d : 0
                GGMLRounding.storeHalf(d, at: out + 22 * block)
                for j in 0..<32 {
                    let q = Int8(truncatingIfNeeded: GGMLRounding.truncateInt32(xb[j] * id + 16.5))
                    L[j] = Int8(truncatingIfNeeded: min(31, Int32(q)))
                }
                pack(L, into: out + 22 * block)
            }
        }
    }

    @inline(__always)
    static func pack(_ L: UnsafePointer<Int8>, into yb: UnsafeMutablePointer<UInt8>) {
        var qh: UInt32 = 0
        for j in 0..<16 {
            let low = UInt8(bitPattern: L[j]), high = UInt8(bitPattern: L[j + 16])
            yb[6 + j] = (low & 0x0f) | (high & 0x0f) << 4
            qh |= UInt32((low & 0x10) >> 4) << UInt32(j)
            qh |= UInt32((high & 0x10) >> 4) << UInt32(j + 16)
        }
        for k in 0..<4 { yb[2 + k] = UInt8(truncatingIfNeeded: qh >> UInt32(8 * k)) }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 32) {
            let b = blocks + 22 * block
            let d = GGMLRounding.loadHalf(b)
            let qh = UInt32(b[2]) | UInt32(b[3]) << 8 | UInt32(b[4]) << 16 | UInt32(b[5]) << 24
            let yb = y + 32 * block
            for j in 0..<16 {
                let high0 = Int32((qh >> UInt32(j)) & 1) << 4
                let high1 = Int32((qh >> UInt32(j + 16)) & 1) << 4
                yb[j] = Float((Int32(b[6 + j] & 0x0f) | high0) - 16) * d
                yb[j + 16] = Float((Int32(b[6 + j] >> 4) | high1) - 16) * d
            }
        }
    }
}
