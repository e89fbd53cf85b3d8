/// IQ3_S: 256-element super-blocks of 110 bytes = d (float16), qs[64] (low bytes of the 9-bit
/// grid indices, one per 4 values, into the 512-entry ``LatticeGrids/iq3s``), qh[8] (their
/// ninth bits), signs[32] (one bit per value) and scales[4] (a 4-bit s per 32 values):
/// x ≈ d·(1 + 2s)·grid value·±1.
///
/// The quantizer is ggml's `quantize_row_iq3_s_impl`: per 32 values, magnitudes (every sign
/// stored), the scale search ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
/// with ``LatticeTrials/iq3s`` (19 trial scales (15 + 0.2·k)/max for k = −9 … 9 snapping each
/// 4 values to ``LatticeNeighbours/iq3s``, the best weighted fit kept and all groups snapped
/// once more at its scale unless the fit was entirely on the grid); d = max scale / 31 stored as
/// float16(d·1.033), s = nearest_int(0.5·(scale/d − 1)). Weights: imatrix·√(σ² + x²) with
/// σ² = 2·Σx²/256, x² without an importance matrix.
///
/// ggml's quirk, kept: a sub-block whose values are all zero writes nothing and does not
/// advance the qs and signs write positions, so the next sub-block's indices and signs land
/// in its slots (qh is indexed by sub-block and stays in place).
enum IQ3_SCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let search = LatticeWorkspace(size: 32, table: .iq3s, trials: .iq3s)
        defer { search.deallocate() }
        let weight = search.weight, roots = search.roots, xval = search.xval, scales = search.scales

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 110 * block
            for i in 0..<110 { y[i] = 0 }
            var qs = y + 2, signs = y + 74
            let qh = y + 66
            let sigma2 = 2 * ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<8 {
                let xb = xbl + 32 * ib
                LatticeSearch.weights(xb, count: 32, importance: importance.map { $0 + 256 * block + 32 * ib }, sigma2: sigma2,
                                      into: weight, roots: roots)
                var blockSigns = (0..<4).map { LatticeSearch.splitSigns(xb + 8 * $0, into: xval + 8 * $0) }
                // ggml's `if (!max)`
                guard var scale = search.fitMagnitudes(epsilon: .leastNonzeroMagnitude) else {
                    scales[ib] = 0
                    continue
                }
                if scale < 0 {
                    scale = -scale
                    for k in 0..<4 { blockSigns[k] = ~blockSigns[k] }
                }
                for k in 0..<8 {
                    let index = search.gridIndex(group: k)
                    qs[k] = UInt8(truncatingIfNeeded: index)
                    qh[ib] |= UInt8(truncatingIfNeeded: (index >> 8) << k)
                }
                qs += 8
                for k in 0..<4 { signs[k] = blockSigns[k] }
                signs += 4
                scales[ib] = scale
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 { continue }
            let d = maxScale / 31
            GGMLRounding.storeHalf(d * 1.033, at: y)
            let id = 1 / d
            for pair in 0..<4 {
                let low = UInt8(LatticeSearch.level(scales[2 * pair], inverseScale: id, maxLevel: 15))
                let high = UInt8(LatticeSearch.level(scales[2 * pair + 1], inverseScale: id, maxLevel: 15))
                y[106 + pair] = low | high << 4
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq3s(blocks, count: count, into: y)
    }
}
