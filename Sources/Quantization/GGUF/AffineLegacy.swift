/// The shared body of Q4_1 and Q5_1 (the legacy types with a min): the same search and layout
/// but for the code width and the 4-byte `qh` of the fifth bits.
enum AffineLegacy {
    static func blockBytes(bits: Int) -> Int { bits == 4 ? 20 : 24 }

    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>, bits: Int) {
        let blocks = count / 32
        let size = blockBytes(bits: bits)
        let nmax: Int32 = bits == 4 ? 15 : 31
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            let L = buffer.baseAddress!
            if let importance {
                let sigma2 = ImportanceWeights.rowMeanSquare(x, count: count)
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) { weight in
                    for block in 0..<blocks {
                        let xb = x + 32 * block
                        ImportanceWeights.fill(weight.baseAddress!, importance + 32 * block, xb, count: 32, sigma2: sigma2)
                        var theMin: Float = 0
                        let d = KQuantSearch.asymmetric(count: 32, nmax: nmax, xb, weights: weight.baseAddress!, codes: L, theMin: &theMin,
                                                        scratch: L + 32, rmin: -0.9, rdelta: 0.05, steps: 36, absoluteError: false)
                        let yb = out + size * block
                        GGMLRounding.storeHalf(d, at: yb)
                        GGMLRounding.storeHalf(-theMin, at: yb + 2)
                        pack(L, into: yb, bits: bits)
                    }
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
                pack(L, into: yb, bits: bits)
            }
        }
    }

    /// Low nibbles of elements j and j + 16 in byte j; for 5 bits, bit 4 of element j in bit j
    /// of the little-endian uint32 before them.
    @inline(__always)
    static func pack(_ L: UnsafePointer<UInt8>, into yb: UnsafeMutablePointer<UInt8>, bits: Int) {
        var qs = yb + 4
        if bits == 5 {
            var qh: UInt32 = 0
            for j in 0..<16 {
                qh |= UInt32((L[j] & 0x10) >> 4) << UInt32(j)
                qh |= UInt32((L[j + 16] & 0x10) >> 4) << UInt32(j + 16)
            }
            for k in 0..<4 { yb[4 + k] = UInt8(truncatingIfNeeded: qh >> UInt32(8 * k)) }
            qs = yb + 8
        }
        for j in 0..<16 { qs[j] = (L[j] & 0x0f) | (L[j + 16] & 0x0f) << 4 }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>, bits: Int) {
        let size = blockBytes(bits: bits)
        for block in 0..<(count / 32) {
            let b = blocks + size * block
            let d = GGMLRounding.loadHalf(b)
            let m = GGMLRounding.loadHalf(b + 2)
            let yb = y + 32 * block
            var qh: UInt32 = 0
            var qs = b + 4
            if bits == 5 {
                qh = UInt32(b[4]) | UInt32(b[5]) << 8 | UInt32(b[6]) << 16 | UInt32(b[7]) << 24
                qs = b + 8
            }
            for j in 0..<16 {
                let high0 = Int32((qh >> UInt32(j)) & 1) << 4
                let high1 = Int32((qh >> UInt32(j + 16)) & 1) << 4
                yb[j] = Float(Int32(qs[j] & 0x0f) | high0) * d + m
                yb[j + 16] = Float(Int32(qs[j] >> 4) | high1) * d + m
            }
        }
    }
}
