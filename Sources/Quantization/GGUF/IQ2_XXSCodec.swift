/// IQ2_XXS: 256-element super-blocks of 66 bytes = d (float16) and per 32 values two uint32:
/// four grid indices (one byte per 8 values, into the 256-entry ``LatticeGrids/iq2xxs``), and
/// four 7-bit sign groups with a 4-bit scale s: x ≈ d·(0.5 + s)·0.25·grid value·±1.
///
/// The quantizer is ggml's `quantize_row_iq2_xxs_impl` and needs an importance matrix
/// (weights imatrix·√(σ² + x²), σ² = Σx²/256 over the super-block): per 32 values, signs
/// folded to magnitudes, a first scale from `make_qp_quants` (``KQuantSearch/positive(count:nmax:_:codes:weights:)``,
/// levels 0 … 3), then the scale search ``LatticeSearch/bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
/// with ``LatticeTrials/iq2xxs`` (13 trial scales (5 + 0.1·k)/(3·scale) for k = −6 … 6
/// snapping each 8 values to ``LatticeNeighbours/iq2xxs``, the best weighted fit kept and
/// every group snapped once more at its own scale); d = max scale / 31, s = nearest_int(0.5·(scale/d − 1)).
enum IQ2_XXSCodec: GGUFBlockCodec {
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>) {
        guard let importance else { preconditionFailure("IQ2_XXS needs an importance matrix; GGUFCodec.quantize refuses it first") }
        let search = LatticeWorkspace(size: 32, table: .iq2xxs, trials: .iq2xxs)
        let codes = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
        let words = UnsafeMutablePointer<UInt32>.allocate(capacity: 16)
        defer { search.deallocate(); codes.deallocate(); words.deallocate() }
        let weight = search.weight, roots = search.roots, xval = search.xval, scales = search.scales, L = search.levels

        for block in 0..<(count / 256) {
            let xbl = x + 256 * block
            let y = out + 66 * block
            for i in 0..<16 { words[i] = 0 }
            let sigma2 = ImportanceWeights.sumOfSquares(xbl, count: 256) / 256
            var maxScale: Float = 0
            for ib in 0..<8 {
                let xb = xbl + 32 * ib
                LatticeSearch.weights(xb, count: 32, importance: importance + 256 * block + 32 * ib, sigma2: sigma2, into: weight, roots: roots)
                var signs = (0..<4).map { LatticeSearch.foldSigns(xb + 8 * $0, weights: weight + 8 * $0, into: xval + 8 * $0) }
                var maxValue = xval[0]
                for i in 1..<32 { maxValue = GGMLRounding.cMax(maxValue, xval[i]) }
                if maxValue < KQuantSearch.groupMaxEpsilon {
                    scales[ib] = 0
                    continue
                }
                var scale = KQuantSearch.positive(count: 32, nmax: 4, xval, codes: codes, weights: weight)
                for i in 0..<32 { L[i] = Int8(truncatingIfNeeded: codes[i]) }
                let effectiveMax = scale * 3
                if effectiveMax <= 0 {
                    scales[ib] = 0
                    continue
                }
                scale = search.bestScale(reference: effectiveMax, initialScale: scale)
                if scale < 0 {
                    scale = -scale
                    for k in 0..<4 { signs[k] = ~signs[k] & 127 }
                }
                for k in 0..<4 {
                    let index = search.gridIndex(group: k)
                    words[2 * ib] |= UInt32(index) << UInt32(8 * k)
                    words[2 * ib + 1] |= UInt32(signs[k]) << UInt32(7 * k)
                }
                scales[ib] = scale
                maxScale = GGMLRounding.cMax(maxScale, scale)
            }
            for i in 0..<66 { y[i] = 0 }
            if maxScale == 0 { continue }
            let d = maxScale / 31
            GGMLRounding.storeHalf(d, at: y)
            let id = 1 / d
            for ib in 0..<8 {
                let s = LatticeSearch.level(scales[ib], inverseScale: id, maxLevel: 15)
                words[2 * ib + 1] |= UInt32(s) << 28
            }
            for i in 0..<16 {
                for j in 0..<4 { y[2 + 4 * i + j] = UInt8(truncatingIfNeeded: words[i] >> UInt32(8 * j)) }
            }
        }
    }

    static func dequantizeRow(_ blocks: UnsafePointer<UInt8>, count: Int, into y: UnsafeMutablePointer<Float>) {
        LatticeDequantizer.iq2xxs(blocks, count: count, into: y)
    }
}
