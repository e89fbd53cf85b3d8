/// IQ2_XS: 256-element super-blocks of 74 bytes = d (float16), qs[32] (uint16 per 8 values:
/// a 9-bit index into the 512-entry ``LatticeGrids/iq2xs`` and a 7-bit sign group above it) and
/// scales[8] (a 4-bit s per 16 values): x ≈ d·(0.5 + s)·0.25·grid value·±1.
///
/// The quantizer is ggml's `quantize_row_iq2_xs_impl` and needs an importance matrix
/// (weights imatrix·√(σ² + x²), σ² = Σx²/256 over the super-block): per 16 values, signs
/// folded to magnitudes, the scale search ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
/// with ``LatticeTrials/iq2xs`` (19 trial scales (5 + 0.1·k)/max for k = −9 … 9 snapping each
/// 8 values to ``LatticeNeighbours/iq2xs``, the best weighted fit kept and its off-grid groups
/// snapped once more at its scale); d = max scale / 31, s = nearest_int(0.5·(scale/d − 1)).
enum IQ2_XSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        guard let importance else { preconditionFailure("IQ2_XS needs an importance matrix; GGUFCodec.quantize refuses it first") }
        let search = LatticeWorkspace(size: 16, table: .iq2xs, trials: .iq2xs)
        let words = UnsafeMutablePointer<UInt16>.allocate(capacity: 32)
        defer { search.deallocate(); words.deallocate() }
        let weight = search.weight, roots = search.roots, xval = search.xval, scales = search.scales

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 74 * block
            for i in 0..<74 { y[i] = 0 }
            for i in 0..<32 { words[i] = 0 }
            let sigma2 = ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<16 {
                let xb = xbl + 16 * ib
                LatticeSearch.weights(xb, count: 16, importance: importance + 256 * block + 16 * ib, sigma2: sigma2, into: weight, roots: roots)
                var signs = (0..<2).map { LatticeSearch.foldSigns(xb + 8 * $0, weights: weight + 8 * $0, into: xval + 8 * $0) }
                guard var scale = search.fitMagnitudes(epsilon: KQuantSearch.groupMaxEpsilon) else {
                    scales[ib] = 0
                    continue
                }
                if scale < 0 {
                    scale = -scale
                    for k in 0..<2 { signs[k] = ~signs[k] & 127 }
                }
                for k in 0..<2 {
                    let index = search.gridIndex(group: k)
                    words[2 * ib + k] = UInt16(truncatingIfNeeded: index) | UInt16(signs[k]) << 9
                }
                scales[ib] = scale
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            if maxScale == 0 { continue }
            let d = maxScale / 31
            GGMLRounding.storeHalf(d, at: y)
            let id = 1 / d
            for ib in 0..<16 {
                let s = UInt8(LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 15))
                y[66 + ib / 2] |= ib % 2 == 0 ? s : s << 4
            }
            for i in 0..<32 {
                y[2 + 2 * i] = UInt8(truncatingIfNeeded: words[i])
                y[3 + 2 * i] = UInt8(truncatingIfNeeded: words[i] >> 8)
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq2xs(blocks, count: count, into: y)
    }
}
