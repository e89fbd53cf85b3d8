/// Q3_K: a 256-element super-block of sixteen 16-element sub-blocks, x ≈ d·(sc − 32)·(q − 4)
/// with 3-bit codes q (low two bits in qs, the third in hmask), 6-bit sub-scales sc and a
/// float16 d. Layout (110 bytes): hmask[32] (bit k of byte m: element 32k + m), qs[64] (as
/// Q2_K), scales[12] (low nibbles of sc 0–7 in bytes 0–7, of sc 8–15 in the high nibbles of
/// bytes 0–7, the top two bits of sc j in byte 8 + j%4 at bit 2·(j/4)), d.
///
/// Without an importance matrix (`quantize_row_q3_K_ref`): each sub-block's scale from
/// `make_q3_quants` (nmax 4, ``Q3_KSubBlockSearch``: the sixteen sub-blocks side by side, one
/// SIMD lane each); the sub-scale of largest magnitude maps to −32:
/// sc = clamp(nearest_int(−32 · s / s_max), −32, 31) + 32, d = s_max / −32;
/// with one (`quantize_row_q3_K_impl`): weights imatrix · √(2Σx²/256 + x²), each sub-block by
/// ``KQuantSearch/symmetric(count:nmax:_:codes:weights:)`` (nmax 4) and the sub-scales by the same
/// search (nmax 32) weighted by each sub-block's Σw. Either way the codes are then recomputed
/// as clamp(nearest_int(x / (d·(sc − 32))), −4, 3) with the float16 d (eight at a time), except
/// in sub-blocks whose d·(sc − 32) is 0, which keep the search's codes.
enum Q3_KCodec: GGUFBlockCodec {
    typealias Codes = Q3_KSubBlockSearch.Codes

    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: Q3_KSubBlockSearch.Lanes.self, capacity: 32) { lanes in
        withUnsafeTemporaryAllocation(of: Codes.self, capacity: 64) { codeVectors in
        withUnsafeTemporaryAllocation(of: Int8.self, capacity: 256 + 16) { bytes in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 48) { floats in
                let X = lanes.baseAddress!
                // searchCodes: element-major (Q3_KSubBlockSearch); codes: element 8k + r in lane r of codes[k].
                let searchCodes = codeVectors.baseAddress!, codes = searchCodes + 32
                let L = bytes.baseAddress!, Ls = L + 256
                let weights = floats.baseAddress!, scales = weights + 16, sw = weights + 32
                for block in 0..<(count / 256) {
                    let xb = x + 256 * block
                    let yb = out + 110 * block
                    let hmask = yb, qs = yb + 32, scaleBytes = yb + 96
                    for k in 0..<12 { scaleBytes[k] = 0 }
                    if let importance {
                        let sigma2 = 2 * ImportanceWeights.sumOfSquares(xb, count: 256) / 256
                        for j in 0..<16 {
                            sw[j] = ImportanceWeights.fill(weights, importance + 256 * block + 16 * j, xb + 16 * j, count: 16, sigma2: sigma2)
                            scales[j] = KQuantSearch.symmetric(count: 16, nmax: 4, xb + 16 * j, codes: L + 16 * j, weights: weights)
                        }
                        let dBlock = KQuantSearch.symmetric(count: 16, nmax: 32, scales, codes: Ls, weights: sw)
                        for j in 0..<16 { packScale(Int32(Ls[j]), j, scaleBytes) }
                        GGMLRounding.storeHalf(dBlock, at: yb + 108)
                    } else {
                        Q3_KSubBlockSearch.load(xb, into: X)
                        let found = Q3_KSubBlockSearch.scales(X, codes: searchCodes)
                        var maxScale: Float = 0
                        var amax: Float = 0
                        for j in 0..<16 {
                            scales[j] = found[j]
                            let scale = abs(scales[j])
                            if scale > amax { amax = scale; maxScale = scales[j] }
                        }
                        if maxScale != 0 {
                            let iscale = -32 / maxScale
                            for j in 0..<16 {
                                var l = Int32(Int8(truncatingIfNeeded: GGMLRounding.nearestInt(iscale * scales[j])))
                                l = max(-32, min(31, l)) + 32
                                packScale(l, j, scaleBytes)
                            }
                            GGMLRounding.storeHalf(1 / iscale, at: yb + 108)
                        } else {
                            GGMLRounding.storeHalf(0, at: yb + 108)
                        }
                    }
                    let d = GGMLRounding.loadHalf(yb + 108)
                    for j in 0..<16 {
                        let dj = d * Float(subScale(j, scaleBytes) - 32)
                        if dj == 0 {
                            if importance != nil {
                                for r in 0..<8 {
                                    codes[2 * j][r] = Int32(L[16 * j + r])
                                    codes[2 * j + 1][r] = Int32(L[16 * j + 8 + r])
                                }
                            } else {
                                Q3_KSubBlockSearch.codes(ofSubBlock: j, searchCodes, into: codes + 2 * j)
                            }
                            continue
                        }
                        let divisor = Q3_KSubBlockSearch.Lanes(repeating: dj)
                        for half in 0..<2 {
                            let v = UnsafeRawPointer(xb + 16 * j + 8 * half).loadUnaligned(as: Q3_KSubBlockSearch.Lanes.self)
                            codes[2 * j + half] = Q3_KSubBlockSearch.code(v / divisor) &+ 4
                        }
                    }
                    pack(codes, hmask: hmask, qs: qs)
                }
            }
        }
        }
        }
    }

    /// Codes 0 … 7 (element 8k + r in lane r of `codes[k]`) into hmask (bit k of byte m: the
    /// high bit of element 32k + m) and qs (byte 32h + l: the low two bits of elements
    /// 128h + l, + 32, + 64, + 96 at bits 0, 2, 4, 6), eight bytes at a time.
    @inline(__always)
    static func pack(_ codes: UnsafePointer<Codes>, hmask: UnsafeMutablePointer<UInt8>, qs: UnsafeMutablePointer<UInt8>) {
        for q in 0..<4 {
            var high = Codes.zero
            for k in 0..<8 { high |= ((codes[4 * k + q] &>> 2) & 1) &<< Int32(k) }
            for r in 0..<8 { hmask[8 * q + r] = UInt8(truncatingIfNeeded: high[r]) }
            for half in 0..<2 {
                var low = Codes.zero
                for t in 0..<4 { low |= (codes[16 * half + 4 * t + q] & 3) &<< Int32(2 * t) }
                for r in 0..<8 { qs[32 * half + 8 * q + r] = UInt8(truncatingIfNeeded: low[r]) }
            }
        }
    }

    /// Stores the 6-bit sub-scale `l` (0 … 63) of sub-block j.
    @inline(__always)
    static func packScale(_ l: Int32, _ j: Int, _ scales: UnsafeMutablePointer<UInt8>) {
        let low = UInt8(truncatingIfNeeded: l & 0xf)
        if j < 8 { scales[j] = low } else { scales[j - 8] |= low << 4 }
        scales[j % 4 + 8] |= UInt8(truncatingIfNeeded: (l >> 4) << Int32(2 * (j / 4)))
    }

    /// The 6-bit sub-scale of sub-block j (0 … 63; the value is this − 32).
    @inline(__always)
    static func subScale(_ j: Int, _ scales: UnsafePointer<UInt8>) -> Int32 {
        let low = j < 8 ? scales[j] & 0xf : scales[j - 8] >> 4
        return Int32(low | ((scales[8 + j % 4] >> UInt8(2 * (j / 4))) & 3) << 4)
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        for block in 0..<(count / 256) {
            let b = blocks + 110 * block
            let dAll = GGMLRounding.loadHalf(b + 108)
            let hm = b
            var out = y + 256 * block
            var subBlock = 0
            var mask: UInt8 = 1
            for half in 0..<2 {
                let q = b + 32 + 32 * half
                for shift in stride(from: 0, to: 8, by: 2) {
                    for part in 0..<2 {
                        let dl = dAll * Float(subScale(subBlock, b + 96) - 32)
                        subBlock += 1
                        for l in 0..<16 {
                            let low = Int32((q[16 * part + l] >> UInt8(shift)) & 3)
                            let high: Int32 = hm[16 * part + l] & mask != 0 ? 0 : 4
                            out[l] = dl * Float(low - high)
                        }
                        out += 16
                    }
                    mask <<= 1
                }
            }
        }
    }
}
