/// Q2_K: a 256-element super-block of sixteen 16-element sub-blocks, x ≈ d·sc·q − dmin·m with
/// 2-bit codes q, 4-bit sub-scales sc and sub-mins m (byte j of `scales` = sc | m << 4), and
/// float16 d, dmin. Layout (84 bytes): scales[16], qs[64], d, dmin; byte l of each 32-byte
/// half of qs holds elements l, l + 32, l + 64, l + 96 of that half's 128 in bits 0–1 … 6–7.
///
/// Without an importance matrix (`quantize_row_q2_K_ref`): each sub-block gets the asymmetric
/// search (nmax 3, weights |x|, rmin −0.5, rdelta 0.1, 15 steps, absolute error); the sub-scales
/// and sub-mins are coded as nearest_int(15 · s / max s); d = max s / 15, dmin = max m / 15;
/// then every code is recomputed as nearest_int((x + dmin·m) / (d·sc)) with the float16 d, dmin.
///
/// With one (`quantize_row_q2_K_impl`): weights imatrix · √(σ² + x²) with σ² = Σx²/256, the
/// asymmetric search with rmin −0.9, rdelta 0.05, 36 steps and squared error, and sub-scales and
/// sub-mins coded by ``KQuantSearch/positive(count:nmax:_:codes:weights:)`` weighted by each
/// sub-block's Σw.
enum Q2_KCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256 + 16 + 32) { bytes in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 16 * 4) { floats in
                let L = bytes.baseAddress!, Ls = L + 272, Lm = L + 288
                let weights = floats.baseAddress!, mins = weights + 16, scales = weights + 32, sw = weights + 48
                for block in 0..<(count / 256) {
                    let xb = x + 256 * block
                    let yb = out + 84 * block
                    let scaleBytes = yb, qs = yb + 16
                    var d: Float, dmin: Float
                    if let importance {
                        let qwBlock = importance + 256 * block
                        let sigma2 = ImportanceWeights.sumOfSquares(xb, count: 256) / 256
                        for j in 0..<16 {
                            sw[j] = ImportanceWeights.fill(weights, qwBlock + 16 * j, xb + 16 * j, count: 16, sigma2: sigma2)
                            scales[j] = KQuantSearch.asymmetric(count: 16, nmax: 3, xb + 16 * j, weights: weights, codes: L + 16 * j,
                                                                theMin: &mins[j], rmin: -0.9, rdelta: 0.05, steps: 36, absoluteError: false)
                        }
                        let dm = KQuantSearch.positive(count: 16, nmax: 15, scales, codes: Ls, weights: sw)
                        let mm = KQuantSearch.positive(count: 16, nmax: 15, mins, codes: Lm, weights: sw)
                        d = GGMLRounding.storeHalf(dm, at: yb + 80)
                        dmin = GGMLRounding.storeHalf(mm, at: yb + 82)
                        for j in 0..<16 { scaleBytes[j] = Ls[j] | Lm[j] << 4 }
                    } else {
                        var maxScale: Float = 0
                        var maxMin: Float = 0
                        for j in 0..<16 {
                            for l in 0..<16 { weights[l] = abs(xb[16 * j + l]) }
                            scales[j] = KQuantSearch.asymmetric(count: 16, nmax: 3, xb + 16 * j, weights: weights, codes: L + 16 * j,
                                                                theMin: &mins[j], rmin: -0.5, rdelta: 0.1, steps: 15, absoluteError: true)
                            if scales[j] > maxScale { maxScale = scales[j] }
                            if mins[j] > maxMin { maxMin = mins[j] }
                        }
                        if maxScale > 0 {
                            let iscale = 15 / maxScale
                            for j in 0..<16 { scaleBytes[j] = UInt8(truncatingIfNeeded: GGMLRounding.nearestInt(iscale * scales[j])) }
                            d = GGMLRounding.storeHalf(maxScale / 15, at: yb + 80)
                        } else {
                            for j in 0..<16 { scaleBytes[j] = 0 }
                            d = GGMLRounding.storeHalf(0, at: yb + 80)
                        }
                        if maxMin > 0 {
                            let iscale = 15 / maxMin
                            for j in 0..<16 {
                                let l = GGMLRounding.nearestInt(iscale * mins[j])
                                scaleBytes[j] |= UInt8(truncatingIfNeeded: l << 4)
                            }
                            dmin = GGMLRounding.storeHalf(maxMin / 15, at: yb + 82)
                        } else {
                            dmin = GGMLRounding.storeHalf(0, at: yb + 82)
                        }
                    }
                    for j in 0..<16 {
                        let dj = d * Float(scaleBytes[j] & 0xf)
                        if dj == 0 { continue }
                        let mj = dmin * Float(scaleBytes[j] >> 4)
                        for i in 0..<16 {
                            let l = GGMLRounding.nearestInt((xb[16 * j + i] + mj) / dj)
                            L[16 * j + i] = UInt8(truncatingIfNeeded: max(0, min(3, l)))
                        }
                    }
                    for half in 0..<2 {
                        let Lh = L + 128 * half
                        for l in 0..<32 {
                            qs[32 * half + l] = Lh[l] | Lh[l + 32] << 2 | Lh[l + 64] << 4 | Lh[l + 96] << 6
                        }
                    }
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 84 * block
            let d = GGMLRounding.loadHalf(b + 80)
            let dmin = GGMLRounding.loadHalf(b + 82)
            var out = y + 256 * block
            var subBlock = 0
            for half in 0..<2 {
                let q = b + 16 + 32 * half
                for shift in stride(from: 0, to: 8, by: 2) {
                    for part in 0..<2 {
                        let sc = b[subBlock]
                        subBlock += 1
                        let dl = d * Float(sc & 0xf)
                        let ml = dmin * Float(sc >> 4)
                        for l in 0..<16 {
                            out[l] = dl * Float((q[16 * part + l] >> UInt8(shift)) & 3) - ml
                        }
                        out += 16
                    }
                }
            }
        }
    }
}
