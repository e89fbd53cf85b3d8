/// The steps ggml's lattice quantizers (`quantize_row_iq2_xxs_impl` … `quantize_row_iq1_m_impl`)
/// share, in float32 and ggml's order.
enum LatticeSearch {
    /// Folds 8 values to magnitudes for a lattice with an even number of minus signs (the sign
    /// byte's eighth bit is implied by parity): xval = |x|, and when an odd number of x are
    /// negative the one with the smallest weight·x·x keeps its sign (the first on ties), so
    /// its xval is −|x|. Returns the seven stored sign bits (bit i: x[i] was negated).
    ///
    ///     x = [−1, 2, 3, 4, 5, 6, 7, 8], weights 1  →  xval = [−1, 2, …], signs 0
    @inline(__always)
    static func foldSigns(_ x: UnsafePointer<Float>, weights: UnsafePointer<Float>, into xval: UnsafeMutablePointer<Float>) -> UInt8 {
        var flips = 0
        var signs: UInt8 = 0
        for i in 0..<8 {
            if x[i] >= 0 {
                xval[i] = x[i]
            } else {
                xval[i] = -x[i]
                flips += 1
                signs |= 1 << UInt8(i)
            }
        }
        if flips % 2 == 1 {
            var smallest = 0
            var minimum = weights[0] * x[0] * x[0]
            for i in 1..<8 {
                let candidate = weights[i] * x[i] * x[i]
                if candidate < minimum {
                    minimum = candidate
                    smallest = i
                }
            }
            xval[smallest] = -xval[smallest]
            signs ^= 1 << UInt8(smallest)
        }
        return signs & 127
    }

    /// The element weights of a lattice sub-block: imatrix[i]·√(σ² + x[i]²) with an importance
    /// matrix, otherwise x[i]²; and their square roots (ggml's `waux`, the weights of the
    /// neighbour search).
    @inline(__always)
    static func weights(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, sigma2: Float,
                        into weight: UnsafeMutablePointer<Float>, roots: UnsafeMutablePointer<Float>) {
        if let importance {
            for i in 0..<count { weight[i] = importance[i] * (sigma2 + x[i] * x[i]).squareRoot() }
        } else {
            for i in 0..<count { weight[i] = x[i] * x[i] }
        }
        for i in 0..<count { roots[i] = weight[i].squareRoot() }
    }

    /// The level of one magnitude on the odd grid 1, 3, 5 …: nearest_int(0.5·(id·x − 1))
    /// clamped to 0 … maxLevel (id·x = 5.2 → 2).
    @inline(__always)
    static func level(_ x: Float, inverseScale id: Float, maxLevel: Int32) -> Int8 {
        let l = GGMLRounding.nearestInt(0.5 * (id * x - 1))
        return Int8(max(0, min(maxLevel, l)))
    }

    /// Σ w·x·q and Σ w·q·q over `count` elements with q = 2L + 1, left to right.
    @inline(__always)
    static func oddGridSums(_ xval: UnsafePointer<Float>, weights: UnsafePointer<Float>, levels L: UnsafePointer<Int8>, count: Int) -> (sumqx: Float, sumq2: Float) {
        var sumqx: Float = 0, sumq2: Float = 0
        for i in 0..<count {
            let w = weights[i]
            let q = Float(2 * Int32(L[i]) + 1)
            sumqx += w * xval[i] * q
            sumq2 += w * q * q
        }
        return (sumqx, sumq2)
    }

    /// Snaps `count / dimension` groups of levels at `L` onto the grid: levels for the inverse
    /// scale `id`, kept when on the grid, otherwise the best neighbour for `scale`. Returns
    /// each group's grid index in `indices` and whether it was on the grid in `onGrid`.
    @inline(__always)
    static func snap(_ xval: UnsafePointer<Float>, roots: UnsafePointer<Float>, table: LatticeNeighbours, groups: Int,
                     inverseScale id: Float, scale: Float, maxLevel: Int32, levels L: UnsafeMutablePointer<Int8>,
                     indices: UnsafeMutablePointer<Int>, onGrid: UnsafeMutablePointer<Bool>) {
        let n = table.dimension
        for k in 0..<groups {
            for i in 0..<n { L[n * k + i] = level(xval[n * k + i], inverseScale: id, maxLevel: maxLevel) }
            let packed = table.pack(L + n * k)
            if let index = table.gridIndex(of: packed) {
                indices[k] = index
                onGrid[k] = true
            } else {
                indices[k] = table.bestNeighbour(of: packed, xval + n * k, weights: roots + n * k, scale: scale, levels: L + n * k)
                onGrid[k] = false
            }
        }
    }

    /// Writes the grid levels of entry `index` to `L`.
    @inline(__always)
    static func setLevels(_ L: UnsafeMutablePointer<Int8>, table: LatticeNeighbours, index: Int) {
        for i in 0..<table.dimension { L[i] = (table.points[index * table.dimension + i] - 1) / 2 }
    }

    /// The scale search of IQ2_XS and IQ2_S for 16 magnitudes (two groups of 8, levels 0 … 2):
    /// 19 trial scales (5 + 0.1·k)/max for k = −9 … 9, each snapping both groups to the grid;
    /// the trial with the largest (Σwxq)²/Σwq² (strictly larger: the first wins ties) gives the
    /// scale Σwxq/Σwq² and the levels; groups it had to move off their rounded position are
    /// snapped once more at that scale and the scale refitted. Writes the levels to `L`
    /// (`scratch`: 16 more levels; `indices`, `onGrid`: 2 and 4 slots) and returns the scale.
    static func fitSixteen(_ xval: UnsafePointer<Float>, weights: UnsafePointer<Float>, roots: UnsafePointer<Float>, maxValue: Float,
                           table: LatticeNeighbours, levels L: UnsafeMutablePointer<Int8>, scratch trial: UnsafeMutablePointer<Int8>,
                           indices: UnsafeMutablePointer<Int>, onGrid: UnsafeMutablePointer<Bool>) -> Float {
        let bestOnGrid = onGrid, trialOnGrid = onGrid + 2
        var bestFit: Float = 0
        var scale = maxValue / 5
        bestOnGrid[0] = true; bestOnGrid[1] = true
        for step in -9...9 {
            let id = (5 + Float(step) * 0.1) / maxValue
            snap(xval, roots: roots, table: table, groups: 2, inverseScale: id, scale: 1 / id,
                 maxLevel: 2, levels: trial, indices: indices, onGrid: trialOnGrid)
            let (sumqx, sumq2) = oddGridSums(xval, weights: weights, levels: trial, count: 16)
            if sumq2 > 0 && sumqx * sumqx > bestFit * sumq2 {
                scale = sumqx / sumq2
                bestFit = scale * sumqx
                for i in 0..<16 { L[i] = trial[i] }
                bestOnGrid[0] = trialOnGrid[0]; bestOnGrid[1] = trialOnGrid[1]
            }
        }
        if (!bestOnGrid[0] || !bestOnGrid[1]) && scale > 0 {
            let id = 1 / scale
            for k in 0..<2 where !bestOnGrid[k] {
                snap(xval + 8 * k, roots: roots + 8 * k, table: table, groups: 1, inverseScale: id, scale: scale,
                     maxLevel: 2, levels: L + 8 * k, indices: indices, onGrid: trialOnGrid)
            }
            let (sumqx, sumq2) = oddGridSums(xval, weights: weights, levels: L, count: 16)
            if sumq2 > 0 { scale = sumqx / sumq2 }
        }
        return scale
    }
}
