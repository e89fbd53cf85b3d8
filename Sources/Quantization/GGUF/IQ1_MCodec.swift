/// IQ1_M: 256-element super-blocks of 56 bytes = qs[32] (low bytes of the 11-bit indices into
/// ``LatticeGrids/iq1s``, one per 8 values), qh[16] (per 16 values: two 3-bit index tops and
/// two shift signs, bits 3 and 7) and scales[8] (four uint16 holding sixteen 3-bit scales s
/// and, in their top nibbles, the float16 super-block scale d): x ≈ d·(2s + 1)·(grid value ± 0.125).
///
/// The quantizer is ggml's `quantize_row_iq1_m_impl`: per 16 values the exact three-level fit
/// over every pair of split points of the sorted values, each 8-value half with its own shift
/// (four sign combinations), snapped to the grid (``LatticeNeighbours/iq1s``) and refitted;
/// then s = nearest_int(0.5·(scale/d − 1)) for d = max scale / 15, and d refitted over the whole
/// super-block with the chosen codes and stored as float16(d·1.1125). Weights: imatrix·√(σ² + x²)
/// with σ² = 2·Σx²/256, x² without an importance matrix.
enum IQ1_MCodec: GGUFBlockCodec {
    /// The shift bits of qh for the four combinations (+,+), (+,−), (−,+), (−,−).
    static let shiftMasks: [UInt8] = [0x00, 0x80, 0x08, 0x88]

    /// The values of half `k` (0: first 8, 1: last 8) of a sub-block with combination `shift`.
    @inline(__always)
    static func values(_ shift: Int, half k: Int) -> (Float, Float, Float) {
        let plus = k == 0 ? shift < 2 : shift % 2 == 0
        return plus ? TernaryLatticeSearch.plus : TernaryLatticeSearch.minus
    }

    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let table = LatticeNeighbours.iq1s
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: 16 + 16)
        let ints = UnsafeMutablePointer<Int>.allocate(capacity: 16 + 16 + 2)
        let levels = UnsafeMutablePointer<Int8>.allocate(capacity: 16)
        defer { floats.deallocate(); ints.deallocate(); levels.deallocate() }
        let weight = floats, scales = floats + 16
        let order = ints, sortScratch = ints + 16, index = ints + 32
        let L = levels
        var shifts = [Int](repeating: 0, count: 16)
        var sumqx = [Float](repeating: 0, count: 4), sumq2 = [Float](repeating: 0, count: 4)

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 56 * block
            for i in 0..<56 { y[i] = 0 }
            let sigma2 = 2 * ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<16 {
                let xb = xbl + 16 * ib
                LatticeSearch.weights(xb, count: 16, importance: importance.map { $0 + 256 * block + 16 * ib }, sigma2: sigma2, into: weight)
                var maxValue = abs(xb[0])
                for i in 1..<16 { maxValue = GGMLRounding.cMax(maxValue, abs(xb[i])) }
                if maxValue < 1e-7 {  // GROUP_MAX_EPS_IQ1_M
                    scales[ib] = 0
                    shifts[ib] = 0
                    continue
                }
                TernaryLatticeSearch.sortedOrder(xb, count: 16, into: order, scratch: sortScratch)
                var bestScore = -Float.greatestFiniteMagnitude, scale = maxValue
                var best1 = -1, best2 = -1, bestShift = -1
                for i1 in 0...16 {
                    for i2 in i1...16 {
                        for k in 0..<4 { sumqx[k] = 0; sumq2[k] = 0 }
                        for j in 0..<16 {
                            let i = order[j]
                            let level = j < i1 ? 0 : j < i2 ? 1 : 2
                            for k in 0..<4 {
                                let q = TernaryLatticeSearch.value(values(k, half: i / 8), level)
                                sumqx[k] += weight[i] * q * xb[i]
                                sumq2[k] += weight[i] * q * q
                            }
                        }
                        for k in 0..<4 where sumq2[k] > 0 && sumqx[k] * sumqx[k] > bestScore * sumq2[k] {
                            scale = sumqx[k] / sumq2[k]
                            bestScore = scale * sumqx[k]
                            best1 = i1; best2 = i2; bestShift = k
                        }
                    }
                }
                if best1 < 0 || best2 < 0 || bestShift < 0 {
                    scales[ib] = 0
                    shifts[ib] = 0
                    continue
                }
                if TernaryLatticeSearch.splitLevels(order, count: 16, split: (best1, best2), scale: &scale, into: L) {
                    bestShift = 3 - bestShift  // (+,+) ↔ (−,−), (+,−) ↔ (−,+)
                }
                let shift = bestShift
                scale = TernaryLatticeSearch.snapAndRefit(L, groups: 2, table: table, xb, weights: weight, scale: scale,
                                                          values: { values(shift, half: $0) }, index: index)
                y[2 * ib] = UInt8(truncatingIfNeeded: index[0])
                y[2 * ib + 1] = UInt8(truncatingIfNeeded: index[1])
                y[32 + ib] = UInt8(truncatingIfNeeded: (index[0] >> 8) | (index[1] >> 8) << 4)
                scales[ib] = scale
                shifts[ib] = bestShift
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 { continue }
            var packed = [UInt16](repeating: 0, count: 4)
            var d = maxScale / 15
            let id = 1 / d
            var sums: (sumqx: Float, sumq2: Float) = (0, 0)
            for ib in 0..<16 {
                let l = LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 7)
                packed[ib / 4] |= UInt16(l) << UInt16(3 * (ib % 4))
                y[32 + ib] |= shiftMasks[shifts[ib]]
                let xb = xbl + 16 * ib
                LatticeSearch.weights(xb, count: 16, importance: importance.map { $0 + 256 * block + 16 * ib }, sigma2: sigma2, into: weight)
                for k in 0..<2 {
                    let entry = Int(y[2 * ib + k]) + ((Int(y[32 + ib]) << (8 - 4 * k)) & 0x700)
                    TernaryLatticeSearch.addGroupSums(xb + 8 * k, weights: weight + 8 * k, table: table, index: entry,
                                                      values: values(shifts[ib], half: k), multiplier: Float(2 * l + 1), to: &sums)
                }
            }
            if sums.sumq2 > 0 { d = sums.sumqx / sums.sumq2 }
            let bits = GGMLRounding.half(d * 1.1125)
            packed[0] |= (bits & 0x000f) << 12
            packed[1] |= (bits & 0x00f0) << 8
            packed[2] |= (bits & 0x0f00) << 4
            packed[3] |= bits & 0xf000
            for k in 0..<4 {
                y[48 + 2 * k] = UInt8(truncatingIfNeeded: packed[k])
                y[49 + 2 * k] = UInt8(truncatingIfNeeded: packed[k] >> 8)
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq1m(blocks, count: count, into: y)
    }
}
