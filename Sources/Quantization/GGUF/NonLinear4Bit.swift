/// The shared body of IQ4_NL and IQ4_XS (`quantize_row_iq4_nl_impl`): 4-bit indices into the
/// non-uniform grid ``nonLinearValues`` under a scale, chosen per 32-element block.
///
/// For each block: max = the element of largest magnitude, weights imatrix · √(σ² + x²) with
/// σ² = 2Σx²/(super-block size) (or x² without an importance matrix). Start from d = −max/−127
/// (IQ4 always runs ggml's search, ntry = 7), code every element with the nearest grid value
/// to x/d (``bestIndex(_:)``, ties to the upper neighbor), set d to the weighted least-squares
/// scale, then try id = (k − 127)/max for k = −7 … 7, keeping the least-squares d of the
/// candidate with the largest (Σwqx)²/Σwq².
///
/// IQ4_NL stores that d as float16 and recodes the elements against the float32 d. IQ4_XS
/// codes the eight block scales as 6-bit sub-scales l = clamp(nearest_int(scale / D), −32, 31)
/// of D = −(block scale of largest magnitude)/32 (float16), and recodes each block against D·l
/// in float32.
enum NonLinear4Bit {
    /// `kvalues_iq4nl`, ggml-common.h.
    static let nonLinearValues: [Int8] = [-127, -104, -83, -65, -49, -35, -22, -10, 1, 13, 25, 38, 53, 69, 89, 113]

    /// ``nonLinearValues`` as float32 (exact: integers below 2^24).
    static let gridValues: [Float] = nonLinearValues.map { Float($0) }

    /// `best_index_int8`: the nearest grid index; a value exactly halfway between two grid
    /// values gets the upper one (x − v[k−1] < v[k] − x is false): 0.5·(−10 + 1) = −4.5 → index 8.
    ///
    /// ggml finds the bracketing pair by binary search; here the upper index is counted
    /// instead, high = 1 + #{k in 1…14 : !(x < v[k])}, the same index (the grid increases)
    /// with no branches to mispredict (≈ 3× faster on random data), then the same rounded
    /// comparison picks high − 1 or high. x ≤ −127 gives 0 and x ≥ 113 gives 15 as in ggml; NaN
    /// fails every comparison and, as ggml's search does, ends at 15.
    @inline(__always)
    static func bestIndex(_ x: Float) -> UInt8 {
        @inline(__always) func above(_ v: Float) -> Int { x < v ? 0 : 1 }
        var high = 1 &+ above(-104) &+ above(-83) &+ above(-65) &+ above(-49) &+ above(-35) &+ above(-22) &+ above(-10)
        high &+= above(1) &+ above(13) &+ above(25) &+ above(38) &+ above(53) &+ above(69) &+ above(89)
        var index = gridValues.withUnsafeBufferPointer { v in x - v[high &- 1] < v[high] - x ? high &- 1 : high }
        index = x <= -127 ? 0 : index
        index = x >= 113 ? 15 : index
        return UInt8(truncatingIfNeeded: index)
    }

    /// The row loop of both types: super-blocks of `superBlock` elements (32 for IQ4_NL, 256
    /// for IQ4_XS), `blockBytes` bytes each (18, 136), quantized one after the other.
    static func quantizeRow(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>,
                            superBlock: Int, blockBytes: Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: superBlock) { L in
            // weight[32], then one scale per 32-element block.
            withUnsafeTemporaryAllocation(of: Float.self, capacity: 32 + superBlock / 32) { floats in
                for block in 0..<(count / superBlock) {
                    quantize(x + superBlock * block, superBlock: superBlock, importance: importance.map { $0 + superBlock * block },
                             into: out + blockBytes * block, L: L.baseAddress!, weight: floats.baseAddress!, scales: floats.baseAddress! + 32)
                }
            }
        }
    }

    /// Decodes one 32-element block: 16 bytes of index pairs (element j low nibble, j + 16 high
    /// nibble of byte j) under `scale`: y = scale · grid[q].
    @inline(__always)
    static func dequantizeBlock(_ qs: UnsafePointer<UInt8>, scale: Float, into yb: UnsafeMutablePointer<Float>) {
        for j in 0..<16 {
            yb[j] = scale * Float(nonLinearValues[Int(qs[j] & 0xf)])
            yb[j + 16] = scale * Float(nonLinearValues[Int(qs[j] >> 4)])
        }
    }

    /// Quantizes one super-block (`superBlock` = 32 for IQ4_NL, 256 for IQ4_XS) into `out`.
    static func quantize(_ x: UnsafePointer<Float>, superBlock: Int, importance: UnsafePointer<Float>?, into out: UnsafeMutablePointer<UInt8>,
                         L: UnsafeMutablePointer<UInt8>, weight: UnsafeMutablePointer<Float>, scales: UnsafeMutablePointer<Float>) {
        let ntry = 7
        var sigma2 = ImportanceWeights.sumOfSquares(x, count: superBlock)
        sigma2 *= 2 / Float(superBlock)
        let q4 = out + (superBlock == 32 ? 2 : 8)
        for k in 0..<(superBlock / 2) { q4[k] = 0 }
        GGMLRounding.storeHalf(0, at: out)
        let values0 = Float(nonLinearValues[0])
        var maxScale: Float = 0
        var amaxScale: Float = 0
        for ib in 0..<(superBlock / 32) {
            let xb = x + 32 * ib
            let Lb = L + 32 * ib
            if let importance {
                ImportanceWeights.fill(weight, importance + 32 * ib, xb, count: 32, sigma2: sigma2)
            } else {
                for j in 0..<32 { weight[j] = xb[j] * xb[j] }
            }
            var amax: Float = 0
            var maxValue: Float = 0
            for j in 0..<32 where abs(xb[j]) > amax {
                amax = abs(xb[j])
                maxValue = xb[j]
            }
            if amax < KQuantSearch.groupMaxEpsilon {
                scales[ib] = 0
                continue
            }
            var d = -maxValue / values0
            var id = 1 / d
            var sumqx: Float = 0
            var sumq2: Float = 0
            for j in 0..<32 {
                let l = bestIndex(id * xb[j])
                Lb[j] = l
                let q = gridValues[Int(l)]
                let w = weight[j]
                sumqx += w * q * xb[j]
                sumq2 += w * q * q
            }
            d = sumq2 > 0 ? sumqx / sumq2 : 0
            var best = d * sumqx
            for step in -ntry...ntry {
                id = Float(step + Int(nonLinearValues[0])) / maxValue
                sumqx = 0
                sumq2 = 0
                for j in 0..<32 {
                    let q = gridValues[Int(bestIndex(id * xb[j]))]
                    let w = weight[j]
                    sumqx += w * q * xb[j]
                    sumq2 += w * q * q
                }
                if sumq2 > 0 && sumqx * sumqx > best * sumq2 {
                    d = sumqx / sumq2
                    best = d * sumqx
                }
            }
            scales[ib] = d
            if abs(d) > amaxScale {
                amaxScale = abs(d)
                maxScale = d
            }
        }
        if superBlock > 32 {
            let scalesHigh = out + 2, scalesLow = out + 4
            scalesHigh[0] = 0
            scalesHigh[1] = 0
            let d = -maxScale / 32
            GGMLRounding.storeHalf(d, at: out)
            let id: Float = d != 0 ? 1 / d : 0
            var high: UInt16 = 0
            for ib in 0..<(superBlock / 32) {
                var l = GGMLRounding.nearestInt(id * scales[ib])
                l = max(-32, min(31, l))
                let dl = d * Float(l)
                let idl: Float = dl != 0 ? 1 / dl : 0
                let Lb = L + 32 * ib, xb = x + 32 * ib
                for j in 0..<32 { Lb[j] = bestIndex(idl * xb[j]) }
                l += 32
                let lowBits = UInt8(truncatingIfNeeded: l & 0xf)
                if ib % 2 == 0 { scalesLow[ib / 2] = lowBits } else { scalesLow[ib / 2] |= lowBits << 4 }
                high |= UInt16(truncatingIfNeeded: l >> 4) << UInt16(2 * (ib % 8))
            }
            scalesHigh[0] = UInt8(truncatingIfNeeded: high)
            scalesHigh[1] = UInt8(truncatingIfNeeded: high >> 8)
        } else {
            GGMLRounding.storeHalf(scales[0], at: out)
            let id: Float = scales[0] != 0 ? 1 / scales[0] : 0
            for j in 0..<superBlock { L[j] = bestIndex(id * x[j]) }
        }
        for i in 0..<(superBlock / 32) {
            for j in 0..<16 { q4[16 * i + j] = L[32 * i + j] | L[32 * i + 16 + j] << 4 }
        }
    }
}
