/// IQ2_S: 256-element super-blocks of 82 bytes = d (float16), qs[32] (low bytes of the 10-bit
/// grid indices, one per 8 values, into the 1024-entry ``LatticeGrids/iq2s``), signs[32] (one
/// bit per value), qh[8] (the indices' two high bits) and scales[8] (a 4-bit s per 16 values):
/// x ≈ d·(0.5 + s)·0.25·grid value·±1.
///
/// The quantizer is ggml's `quantize_row_iq2_s_impl`: per 16 values, magnitudes (every sign
/// stored), the scale search ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
/// with ``LatticeTrials/iq2s`` (the same trials as IQ2_XS) on ``LatticeNeighbours/iq2s``, d = max scale / 31 stored as float16(d·0.9875),
/// s = nearest_int(0.5·(scale/d − 1)). Weights: imatrix·√(σ² + x²) with σ² = 2·Σx²/256 over
/// the super-block, 0.25·σ² + x² without an importance matrix.
enum IQ2_SCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let search = LatticeWorkspace(size: 16, table: .iq2s, trials: .iq2s)
        defer { search.deallocate() }
        let weight = search.weight, roots = search.roots, xval = search.xval, scales = search.scales

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 82 * block
            for i in 0..<82 { y[i] = 0 }
            let sigma2 = 2 * ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<16 {
                let xb = xbl + 16 * ib
                if let importance {
                    LatticeSearch.weights(xb, count: 16, importance: importance + 256 * block + 16 * ib, sigma2: sigma2, into: weight, roots: roots)
                } else {
                    for i in 0..<16 {
                        weight[i] = 0.25 * sigma2 + xb[i] * xb[i]
                        roots[i] = weight[i].squareRoot()
                    }
                }
                var signs = (LatticeSearch.splitSigns(xb, into: xval), LatticeSearch.splitSigns(xb + 8, into: xval + 8))
                guard var scale = search.fitMagnitudes(epsilon: 1e-8) else {  // GROUP_MAX_EPS_IQ2_S
                    scales[ib] = 0
                    continue
                }
                if scale < 0 {
                    scale = -scale
                    signs = (~signs.0, ~signs.1)
                }
                for k in 0..<2 {
                    let index = search.gridIndex(group: k)
                    let i8 = 2 * ib + k
                    y[2 + i8] = UInt8(truncatingIfNeeded: index)
                    y[66 + i8 / 4] |= UInt8(truncatingIfNeeded: (index >> 8) << (2 * (i8 % 4)))
                    y[2 + 32 + i8] = k == 0 ? signs.0 : signs.1
                }
                scales[ib] = scale
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 { continue }
            let d = maxScale / 31
            GGMLRounding.storeHalf(d * 0.9875, at: y)
            let id = 1 / d
            for ib in 0..<16 {
                let s = UInt8(LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 15))
                y[74 + ib / 2] |= ib % 2 == 0 ? s : s << 4
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq2s(blocks, count: count, into: y)
    }
}
