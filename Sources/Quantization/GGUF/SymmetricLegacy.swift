/// The shared body of Q4_0 and Q5_0 (the legacy types without a min): a float16 scale d, then
/// the codes (``LegacyCodePacking``); x ≈ d · (q − nmax) with nmax = 8 (4 bits) or 16 (5 bits).
///
/// Without an importance matrix (`quantize_row_q4_0_ref`, `…q5_0_ref`): d = max / −nmax, where
/// max is the element of largest magnitude (so it maps to code 0), and
/// q = min(2·nmax − 1, (int8_t)(x · (1/d) + nmax + 0.5)): truncation, not a round-to-nearest.
/// With one: ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)`` with
/// w = imatrix · √(σ²_row + x²).
enum SymmetricLegacy {
    static func blockBytes(bits: Int) -> Int { 2 + LegacyCodePacking.payloadBytes(bits: bits) }

    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>, bits: Int) {
        let blocks = count / 32
        let size = blockBytes(bits: bits)
        let nmax: Int32 = bits == 4 ? 8 : 16
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: 32) { buffer in
            let L = buffer.baseAddress!
            if let importance {
                ImportanceWeights.forEachLegacyBlock(x, count: count, importance: importance) { block, xb, weights in
                    let yb = out + size * block
                    let d = KQuantSearch.symmetric(count: 32, nmax: nmax, xb, codes: L, weights: weights)
                    GGMLRounding.storeHalf(d, at: yb)
                    LegacyCodePacking.pack(UnsafePointer(L), into: yb + 2, bits: bits)
                }
                return
            }
            let offset = Float(nmax) + 0.5
            for block in 0..<blocks {
                let xb = x + 32 * block
                let yb = out + size * block
                var amax: Float = 0
                var maxValue: Float = 0
                for j in 0..<32 where amax < abs(xb[j]) {
                    amax = abs(xb[j])
                    maxValue = xb[j]
                }
                let d = maxValue / -Float(nmax)
                let id: Float = d != 0 ? 1 / d : 0
                GGMLRounding.storeHalf(d, at: yb)
                for j in 0..<32 {
                    let q = Int8(truncatingIfNeeded: GGMLRounding.truncateInt32(xb[j] * id + offset))
                    L[j] = Int8(truncatingIfNeeded: min(2 * nmax - 1, Int32(q)))
                }
                LegacyCodePacking.pack(UnsafePointer(L), into: yb + 2, bits: bits)
            }
        }
    }

    /// Inlined so that each caller gets a copy specialised on its constant `bits` (4 or 5): without
    /// it Q4_0 dequantizes 1.3× slower (0.26 vs 0.20 ns per element, `bench "dequantize gguf"`).
    @inline(__always)
    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>, bits: Int) {
        let size = blockBytes(bits: bits)
        let nmax: Int32 = bits == 4 ? 8 : 16
        for block in 0..<(count / 32) {
            let b = blocks + size * block
            let d = GGMLRounding.loadHalf(b)
            let yb = y + 32 * block
            LegacyCodePacking.unpack(b + 2, bits: bits) { j, q in yb[j] = Float(q - nmax) * d }
        }
    }
}
