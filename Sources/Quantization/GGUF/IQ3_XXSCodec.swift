/// IQ3_XXS: 256-element super-blocks of 98 bytes = d (float16), 64 grid indices (one per 4
/// values, into the 256-entry ``LatticeGrids/iq3xxs``), and per 32 values a uint32 holding four
/// 7-bit sign groups and a 4-bit scale s: x ≈ d·(0.5 + s)·0.5·grid value·±1.
///
/// The quantizer is ggml's `quantize_row_iq3_xxs_impl`: per 32 values, signs folded to
/// magnitudes (``LatticeSearch/foldSigns(_:weights:into:)``), the scale search
/// ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
/// with ``LatticeTrials/iq3xxs`` (31 trial scales (15 + 0.2·k)/max for k = −15 … 15 snapping
/// each 4 values to the grid, off-grid vectors to their best neighbour in
/// ``LatticeNeighbours/iq3xxs``, the best weighted fit kept, one more snap of the off-grid
/// groups at the fitted scale); then d = max scale / 31 stored
/// as float16(d·1.0125) and s = nearest_int(0.5·(scale/d − 1)). Weights: imatrix·√(σ² + x²)
/// with σ² = 2·Σx²/256 over the super-block, x² without an importance matrix.
enum IQ3_XXSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        let search = LatticeWorkspace(size: 32, table: .iq3xxs, trials: .iq3xxs)
        let packedScales = UnsafeMutablePointer<Int>.allocate(capacity: 8)
        defer { search.deallocate(); packedScales.deallocate() }
        let weight = search.weight, roots = search.roots, xval = search.xval, scales = search.scales

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 98 * block
            for i in 0..<98 { y[i] = 0 }
            let sigma2 = 2 * ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<8 {
                let xb = xbl + 32 * ib
                LatticeSearch.weights(xb, count: 32, importance: importance.map { $0 + 256 * block + 32 * ib }, sigma2: sigma2,
                                      into: weight, roots: roots)
                var signs = (0..<4).map { LatticeSearch.foldSigns(xb + 8 * $0, weights: weight + 8 * $0, into: xval + 8 * $0) }
                packedScales[ib] = 0
                guard var scale = search.fitMagnitudes(epsilon: 1e-8) else {  // GROUP_MAX_EPS_IQ3_XXS
                    scales[ib] = 0
                    continue
                }
                if scale < 0 {
                    scale = -scale
                    for k in 0..<4 { signs[k] = ~signs[k] & 127 }
                }
                for k in 0..<8 { y[2 + 8 * ib + k] = UInt8(truncatingIfNeeded: search.gridIndex(group: k)) }
                packedScales[ib] = Int(signs[0]) | Int(signs[1]) << 7 | Int(signs[2]) << 14 | Int(signs[3]) << 21
                scales[ib] = scale
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 {
                for i in 0..<98 { y[i] = 0 }
                continue
            }
            let d = maxScale / 31
            GGMLRounding.storeHalf(d * 1.0125, at: y)
            let id = 1 / d
            for ib in 0..<8 {
                let s = UInt32(LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 15))
                let word = UInt32(packedScales[ib]) | s << 28
                for j in 0..<4 { y[66 + 4 * ib + j] = UInt8(truncatingIfNeeded: word >> UInt32(8 * j)) }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq3xxs(blocks, count: count, into: y)
    }
}
