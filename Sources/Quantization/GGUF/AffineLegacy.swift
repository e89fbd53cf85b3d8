/// The shared body of Q4_1 and Q5_1 (the legacy types with a min): the same search and layout
/// but for the code width and the 4-byte `qh` of the fifth bits.
enum AffineLegacy {
    static func blockBytes(bits: Int) -> Int { 4 + LegacyCodePacking.payloadBytes(bits: bits) }

    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>, bits: Int) {
        let blocks = count / 32
        let size = blockBytes(bits: bits)
        let nmax: Int32 = bits == 4 ? 15 : 31
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            let L = buffer.baseAddress!
            if let importance {
                ImportanceWeights.forEachLegacyBlock(x, count: count, importance: importance) { block, xb, weights in
                    var theMin: Float = 0
                    let d = KQuantSearch.asymmetric(count: 32, nmax: nmax, xb, weights: weights, codes: L, theMin: &theMin,
                                                    rmin: -0.9, rdelta: 0.05, steps: 36, absoluteError: false)
                    let yb = out + size * block
                    GGMLRounding.storeHalf(d, at: yb)
                    GGMLRounding.storeHalf(-theMin, at: yb + 2)
                    LegacyCodePacking.pack(UnsafePointer(L), into: yb + 4, bits: bits)
                }
                return
            }
            for block in 0..<blocks {
                let xb = x + 32 * block
                var minValue = Float.greatestFiniteMagnitude
                var maxValue = -Float.greatestFiniteMagnitude
                for j in 0..<32 {
                    if xb[j] < minValue { minValue = xb[j] }
                    if xb[j] > maxValue { maxValue = xb[j] }
                }
                let d = (maxValue - minValue) / Float(nmax)
                let id: Float = d != 0 ? 1 / d : 0
                let yb = out + size * block
                GGMLRounding.storeHalf(d, at: yb)
                GGMLRounding.storeHalf(minValue, at: yb + 2)
                for j in 0..<32 {
                    let q = GGMLRounding.truncateInt32((xb[j] - minValue) * id + 0.5)
                    // Q4_1: MIN(15, (int8_t)q); Q5_1: (uint8_t)q, no clamp.
                    L[j] = bits == 4 ? UInt8(truncatingIfNeeded: min(15, Int32(Int8(truncatingIfNeeded: q)))) : UInt8(truncatingIfNeeded: q)
                }
                LegacyCodePacking.pack(UnsafePointer(L), into: yb + 4, bits: bits)
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>, bits: Int) {
        let size = blockBytes(bits: bits)
        for block in 0..<(count / 32) {
            let b = blocks + size * block
            let d = GGMLRounding.loadHalf(b)
            let m = GGMLRounding.loadHalf(b + 2)
            let yb = y + 32 * block
            LegacyCodePacking.unpack(b + 4, bits: bits) { j, q in yb[j] = Float(q) * d + m }
        }
    }
}
