/// The shared body of Q4_K and Q5_K: a 256-element super-block of eight 32-element sub-blocks,
/// x ≈ d·sc·q − dmin·m with 4- or 5-bit codes q, 6-bit sub-scales sc and sub-mins m packed by
/// ``ScaleMinK4``, float16 d and dmin.
///
/// Without an importance matrix (`quantize_row_q4_K_ref` / `_q5_K_ref`): sub-block weights
/// av + |x| with av = √(Σx²/32) over the sub-block, the asymmetric search (Q4_K: rmin −1, 20
/// steps; Q5_K: rmin −0.5, 15 steps; rdelta 0.1, squared error), sub-scales coded as
/// min(63, nearest_int(63 · s / max s)) (likewise the mins), d = max s / 63, dmin = max m / 63.
/// With one (`_impl`): weights imatrix · √(σ² + x²), σ² = 2Σx²/256, the search with rmin −0.9,
/// rdelta 0.05, 36 steps, and the sub-scales and mins by ``KQuantSearch/positive(count:nmax:_:codes:weights:)``
/// (nmax 63) weighted by each sub-block's Σw. Then every code is recomputed as
/// clamp(nearest_int((x + dmin·m) / (d·sc)), 0, nmax) with the float16 d and dmin.
enum AffineKQuant {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>, bits: Int) {
        let nmax: Int32 = bits == 4 ? 15 : 31
        let size = bits == 4 ? 144 : 176
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256 + 32 + 16) { bytes in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 32 + 24) { floats in
                let L = bytes.baseAddress!, Ls = L + 288, Lm = L + 296
                let weights = floats.baseAddress!, mins = weights + 32, scales = weights + 40, sw = weights + 48
                for block in 0..<(count / 256) {
                    let xb = x + 256 * block
                    let yb = out + size * block
                    let scaleBytes = yb + 4
                    if let importance {
                        let sigma2 = 2 * ImportanceWeights.sumOfSquares(xb, count: 256) / 256
                        for j in 0..<8 {
                            sw[j] = ImportanceWeights.fill(weights, importance + 256 * block + 32 * j, xb + 32 * j, count: 32, sigma2: sigma2)
                            scales[j] = KQuantSearch.asymmetric(count: 32, nmax: nmax, xb + 32 * j, weights: weights, codes: L + 32 * j,
                                                                theMin: &mins[j], rmin: -0.9, rdelta: 0.05, steps: 36, absoluteError: false)
                        }
                        let dBlock = KQuantSearch.positive(count: 8, nmax: 63, scales, codes: Ls, weights: sw)
                        let mBlock = KQuantSearch.positive(count: 8, nmax: 63, mins, codes: Lm, weights: sw)
                        for j in 0..<8 {
                            // Q5_K clamps to 63 here; Q4_K does not (make_qp_quants never exceeds nmax anyway).
                            let ls = bits == 5 ? min(63, Ls[j]) : Ls[j]
                            let lm = bits == 5 ? min(63, Lm[j]) : Lm[j]
                            ScaleMinK4.pack(scale: ls, min: lm, j, into: scaleBytes)
                        }
                        GGMLRounding.storeHalf(dBlock, at: yb)
                        GGMLRounding.storeHalf(mBlock, at: yb + 2)
                    } else {
                        var maxScale: Float = 0
                        var maxMin: Float = 0
                        for j in 0..<8 {
                            let xs = xb + 32 * j
                            let averageX = (ImportanceWeights.sumOfSquares(xs, count: 32) / 32).squareRoot()
                            for l in 0..<32 { weights[l] = averageX + abs(xs[l]) }
                            scales[j] = KQuantSearch.asymmetric(count: 32, nmax: nmax, xs, weights: weights, codes: L + 32 * j, theMin: &mins[j],
                                                                rmin: bits == 4 ? -1 : -0.5, rdelta: 0.1, steps: bits == 4 ? 20 : 15, absoluteError: false)
                            if scales[j] > maxScale { maxScale = scales[j] }
                            if mins[j] > maxMin { maxMin = mins[j] }
                        }
                        let inverseScale: Float = maxScale > 0 ? 63 / maxScale : 0
                        let inverseMin: Float = maxMin > 0 ? 63 / maxMin : 0
                        for j in 0..<8 {
                            let ls = min(63, UInt8(truncatingIfNeeded: GGMLRounding.nearestInt(inverseScale * scales[j])))
                            let lm = min(63, UInt8(truncatingIfNeeded: GGMLRounding.nearestInt(inverseMin * mins[j])))
                            ScaleMinK4.pack(scale: ls, min: lm, j, into: scaleBytes)
                        }
                        GGMLRounding.storeHalf(maxScale / 63, at: yb)
                        GGMLRounding.storeHalf(maxMin / 63, at: yb + 2)
                    }
                    let d = GGMLRounding.loadHalf(yb)
                    let dmin = GGMLRounding.loadHalf(yb + 2)
                    for j in 0..<8 {
                        let (sc, m) = ScaleMinK4.unpack(j, scaleBytes)
                        let dj = d * Float(sc)
                        if dj == 0 { continue }
                        let dm = dmin * Float(m)
                        for i in 0..<32 {
                            let l = GGMLRounding.nearestInt((xb[32 * j + i] + dm) / dj)
                            L[32 * j + i] = UInt8(truncatingIfNeeded: max(0, min(nmax, l)))
                        }
                    }
                    if bits == 4 {
                        let qs = yb + 16
                        for pair in 0..<4 {
                            for l in 0..<32 { qs[32 * pair + l] = L[64 * pair + l] | L[64 * pair + l + 32] << 4 }
                        }
                    } else {
                        let qh = yb + 16, ql = yb + 48
                        for l in 0..<32 { qh[l] = 0 }
                        var m1: UInt8 = 1, m2: UInt8 = 2
                        for pair in 0..<4 {
                            for j in 0..<32 {
                                var l1 = L[64 * pair + j]
                                if l1 > 15 { l1 -= 16; qh[j] |= m1 }
                                var l2 = L[64 * pair + j + 32]
                                if l2 > 15 { l2 -= 16; qh[j] |= m2 }
                                ql[32 * pair + j] = l1 | l2 << 4
                            }
                            m1 <<= 2
                            m2 <<= 2
                        }
                    }
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>, bits: Int) {
        let size = bits == 4 ? 144 : 176
        for block in 0..<(count / 256) {
            let b = blocks + size * block
            let d = GGMLRounding.loadHalf(b)
            let dmin = GGMLRounding.loadHalf(b + 2)
            let out = y + 256 * block
            let qh = b + 16
            let ql = bits == 4 ? b + 16 : b + 48
            for pair in 0..<4 {
                let (sc1, m1) = ScaleMinK4.unpack(2 * pair, b + 4)
                let (sc2, m2) = ScaleMinK4.unpack(2 * pair + 1, b + 4)
                let d1 = d * Float(sc1), mm1 = dmin * Float(m1)
                let d2 = d * Float(sc2), mm2 = dmin * Float(m2)
                let q = ql + 32 * pair
                let o = out + 64 * pair
                if bits == 4 {
                    for l in 0..<32 {
                        o[l] = d1 * Float(q[l] & 0xf) - mm1
                        o[l + 32] = d2 * Float(q[l] >> 4) - mm2
                    }
                } else {
                    let u1 = UInt8(1) << UInt8(2 * pair), u2 = UInt8(2) << UInt8(2 * pair)
                    for l in 0..<32 {
                        o[l] = d1 * Float(Int32(q[l] & 0xf) + (qh[l] & u1 != 0 ? 16 : 0)) - mm1
                        o[l + 32] = d2 * Float(Int32(q[l] >> 4) + (qh[l] & u2 != 0 ? 16 : 0)) - mm2
                    }
                }
            }
        }
    }
}
