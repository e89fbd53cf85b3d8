/// IQ1_S: 256-element super-blocks of 50 bytes = d (float16), qs[32] (low bytes of the 11-bit
/// indices into the 2048-entry ``LatticeGrids/iq1s``, one per 8 values) and qh[8] (uint16 per
/// 32 values: the indices' three high bits, a 3-bit scale s and the shift sign in bit 15):
/// x ≈ d·(2s + 1)·(grid value ± 0.125).
///
/// The quantizer is ggml's `quantize_row_iq1_s_impl` and needs an importance matrix (weights
/// imatrix·√(σ² + x²), σ² = 2·Σx²/256): per 32 values it solves the weighted three-level fit
/// exactly (values sorted, every pair of split points i1 ≤ i2 tried with both shifts, the
/// largest (Σwxq)²/Σwq² kept), snaps each 8 levels to the grid (off-grid ones to their best
/// neighbour, ``LatticeNeighbours/iq1s``) and refits; d = max scale / 15 stored as
/// float16(d·1.125), s = nearest_int(0.5·(scale/d − 1)).
enum IQ1_SCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        guard let importance else { preconditionFailure("IQ1_S needs an importance matrix; GGUFCodec.quantize refuses it first") }
        let table = LatticeNeighbours.iq1s
        let floats = UnsafeMutablePointer<Float>.allocate(capacity: 32 + 33 + 33 + 8)
        let ints = UnsafeMutablePointer<Int>.allocate(capacity: 32 + 32 + 4)
        let levels = UnsafeMutablePointer<Int8>.allocate(capacity: 32)
        defer { floats.deallocate(); ints.deallocate(); levels.deallocate() }
        let weight = floats, sumx = floats + 32, sumw = floats + 65, scales = floats + 98
        let order = ints, sortScratch = ints + 32, index = ints + 64
        let L = levels
        var shifts = [Int](repeating: 1, count: 8)

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 50 * block
            for i in 0..<50 { y[i] = 0 }
            let sigma2 = 2 * ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<8 {
                let xb = xbl + 32 * ib
                LatticeSearch.weights(xb, count: 32, importance: importance + 256 * block + 32 * ib, sigma2: sigma2, into: weight)
                var maxValue = abs(xb[0])
                for i in 1..<32 { maxValue = GGMLRounding.cMax(maxValue, abs(xb[i])) }
                if maxValue < 1e-12 {  // GROUP_MAX_EPS_IQ1_S
                    scales[ib] = 0
                    shifts[ib] = 1
                    continue
                }
                TernaryLatticeSearch.sortedOrder(xb, count: 32, into: order, scratch: sortScratch)
                sumx[0] = 0; sumw[0] = 0
                for j in 0..<32 {
                    let i = order[j]
                    sumx[j + 1] = sumx[j] + weight[i] * xb[i]
                    sumw[j + 1] = sumw[j] + weight[i]
                }
                var bestScore = -Float.greatestFiniteMagnitude, scale = maxValue
                var best1 = -1, best2 = -1, bestShift = 0
                for i1 in 0...32 {
                    for i2 in i1...32 {
                        for (shift, v) in [(1, TernaryLatticeSearch.plus), (-1, TernaryLatticeSearch.minus)] {
                            let sumqx = (sumx[i1] - sumx[0]) * v.0 + (sumx[i2] - sumx[i1]) * v.1 + (sumx[32] - sumx[i2]) * v.2
                            let sumq2 = (sumw[i1] - sumw[0]) * v.0 * v.0 + (sumw[i2] - sumw[i1]) * v.1 * v.1 + (sumw[32] - sumw[i2]) * v.2 * v.2
                            if sumq2 > 0 && sumqx * sumqx > bestScore * sumq2 {
                                scale = sumqx / sumq2
                                bestScore = scale * sumqx
                                best1 = i1; best2 = i2; bestShift = shift
                            }
                        }
                    }
                }
                if best1 < 0 || best2 < 0 || bestShift == 0 {
                    scales[ib] = 0
                    shifts[ib] = 1
                    continue
                }
                if TernaryLatticeSearch.splitLevels(order, count: 32, split: (best1, best2), scale: &scale, into: L) {
                    bestShift = -bestShift
                }
                let values = bestShift == 1 ? TernaryLatticeSearch.plus : TernaryLatticeSearch.minus
                scale = TernaryLatticeSearch.snapAndRefit(L, groups: 4, table: table, xb, weights: weight, scale: scale,
                                                          values: { _ in values }, index: index)
                var high = 0
                for k in 0..<4 {
                    y[2 + 4 * ib + k] = UInt8(truncatingIfNeeded: index[k])
                    high |= (index[k] >> 8) << (3 * k)
                }
                y[34 + 2 * ib] = UInt8(truncatingIfNeeded: high)
                y[35 + 2 * ib] = UInt8(truncatingIfNeeded: high >> 8)
                scales[ib] = scale
                shifts[ib] = bestShift
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 { continue }
            let d = maxScale / 15
            GGMLRounding.storeHalf(d * 1.125, at: y)
            let id = 1 / d
            for ib in 0..<8 {
                var s = Int(LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 7))
                if shifts[ib] == -1 { s |= 8 }
                y[35 + 2 * ib] |= UInt8(truncatingIfNeeded: s << 4)
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq1s(blocks, count: count, into: y)
    }
}
