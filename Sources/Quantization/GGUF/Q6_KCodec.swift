/// Q6_K: a 256-element super-block of sixteen 16-element sub-blocks, x ≈ d·sc·(q − 32) with
/// 6-bit codes q, int8 sub-scales sc and a float16 d. Layout (210 bytes): ql[128] (low
/// nibbles), qh[64] (top two bits), scales[16] (int8), d. In each 128-element half, byte l of
/// ql holds elements l and l + 64, byte l + 32 elements l + 32 and l + 96, and byte l of qh the
/// top bits of elements l, l + 32, l + 64, l + 96 at bits 0, 2, 4, 6.
///
/// Each sub-block's scale comes from ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)``
/// (nmax 32) with weights x² (no importance matrix) or the importance weights themselves (ggml
/// does not mix in √(σ² + x²) for Q6_K); the scale of largest magnitude maps to −128:
/// sc = min(127, nearest_int(−128 · s / s_max)), d = s_max / −128, and the codes are recomputed
/// as clamp(nearest_int(x / (d·sc)), −32, 31) + 32 with the float16 d. A super-block whose
/// scales are all below 1e-15 is stored as 210 zero bytes.
enum Q6_KCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: 256) { bytes in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 16) { floats in
                let L = bytes.baseAddress!, scales = floats.baseAddress!
                for block in 0..<(count / 256) {
                    let xb = x + 256 * block
                    let yb = out + 210 * block
                    var maxScale: Float = 0
                    var maxAbsScale: Float = 0
                    for ib in 0..<16 {
                        let scale = KQuantSearch.symmetric(count: 16, nmax: 32, xb + 16 * ib, codes: L + 16 * ib,
                                                           weights: importance.map { $0 + 256 * block + 16 * ib })
                        scales[ib] = scale
                        if abs(scale) > maxAbsScale {
                            maxAbsScale = abs(scale)
                            maxScale = scale
                        }
                    }
                    if maxAbsScale < KQuantSearch.groupMaxEpsilon {
                        for k in 0..<210 { yb[k] = 0 }
                        continue
                    }
                    let iscale = -128 / maxScale
                    let d = GGMLRounding.storeHalf(1 / iscale, at: yb + 208)
                    let scaleBytes = yb + 192
                    for ib in 0..<16 {
                        scaleBytes[ib] = UInt8(truncatingIfNeeded: min(127, GGMLRounding.nearestInt(iscale * scales[ib])))
                    }
                    for j in 0..<16 {
                        let dj = d * Float(Int8(bitPattern: scaleBytes[j]))
                        if dj == 0 { continue }
                        for i in 0..<16 {
                            let l = max(-32, min(31, GGMLRounding.nearestInt(xb[16 * j + i] / dj)))
                            L[16 * j + i] = Int8(l + 32)
                        }
                    }
                    for half in 0..<2 {
                        let Lh = L + 128 * half
                        let ql = yb + 64 * half, qh = yb + 128 + 32 * half
                        for l in 0..<32 {
                            let q1 = UInt8(bitPattern: Lh[l]), q2 = UInt8(bitPattern: Lh[l + 32])
                            let q3 = UInt8(bitPattern: Lh[l + 64]), q4 = UInt8(bitPattern: Lh[l + 96])
                            ql[l] = (q1 & 0xf) | (q3 & 0xf) << 4
                            ql[l + 32] = (q2 & 0xf) | (q4 & 0xf) << 4
                            qh[l] = q1 >> 4 | (q2 >> 4) << 2 | (q3 >> 4) << 4 | (q4 >> 4) << 6
                        }
                    }
                }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 210 * block
            let d = GGMLRounding.loadHalf(b + 208)
            for half in 0..<2 {
                let ql = b + 64 * half, qh = b + 128 + 32 * half
                let sc = b + 192 + 8 * half
                let o = y + 256 * block + 128 * half
                for s in 0..<2 {
                    // d·scale once per 16 elements: ggml's `d * sc[is] * q` multiplies left to right.
                    let d1 = d * Float(Int8(bitPattern: sc[s])), d2 = d * Float(Int8(bitPattern: sc[s + 2]))
                    let d3 = d * Float(Int8(bitPattern: sc[s + 4])), d4 = d * Float(Int8(bitPattern: sc[s + 6]))
                    for l in (16 * s)..<(16 * s + 16) {
                        let low = ql[l], high = ql[l + 32], top = qh[l]
                        o[l] = d1 * Float(Int32((low & 0xf) | (top & 3) << 4) - 32)
                        o[l + 32] = d2 * Float(Int32((high & 0xf) | ((top >> 2) & 3) << 4) - 32)
                        o[l + 64] = d3 * Float(Int32((low >> 4) | ((top >> 4) & 3) << 4) - 32)
                        o[l + 96] = d4 * Float(Int32((high >> 4) | ((top >> 6) & 3) << 4) - 32)
                    }
                }
            }
        }
    }
}
