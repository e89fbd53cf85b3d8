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
        var signs = splitSigns(x, into: xval)
        if signs.nonzeroBitCount % 2 == 1 {
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

    /// Splits 8 values into magnitudes and signs for the lattices that store every sign (IQ2_S,
    /// IQ3_S): xval = |x|; returns the sign byte (bit i: x[i] < 0). The counterpart of
    /// ``foldSigns(_:weights:into:)``, which keeps one sign implied by parity.
    ///
    ///     x = [−1, 2, −3, 4, 5, 6, 7, −0.0]  →  xval = [1, 2, 3, 4, 5, 6, 7, −0.0], signs 0b0000_0101
    @inline(__always)
    static func splitSigns(_ x: UnsafePointer<Float>, into xval: UnsafeMutablePointer<Float>) -> UInt8 {
        var signs: UInt8 = 0
        for i in 0..<8 {
            if x[i] >= 0 {
                xval[i] = x[i]
            } else {
                xval[i] = -x[i]
                signs |= 1 << UInt8(i)
            }
        }
        return signs
    }

    /// The element weights of a lattice sub-block: imatrix[i]·√(σ² + x[i]²) with an importance
    /// matrix, otherwise x[i]²; and, when `roots` is given, their square roots (ggml's `waux`,
    /// the weights of the IQ2/IQ3 neighbour search; IQ1 uses none).
    ///
    ///     x = [3], imatrix [2], σ² = 16  →  weight 2·√25 = 10, root √10; no imatrix → 9, 3
    @inline(__always)
    static func weights(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>?, sigma2: Float,
                        into weight: UnsafeMutablePointer<Float>, roots: UnsafeMutablePointer<Float>? = nil) {
        if let importance {
            for i in 0..<count { weight[i] = importance[i] * (sigma2 + x[i] * x[i]).squareRoot() }
        } else {
            for i in 0..<count { weight[i] = x[i] * x[i] }
        }
        if let roots {
            for i in 0..<count { roots[i] = weight[i].squareRoot() }
        }
    }

    /// The level of one magnitude on the odd grid 1, 3, 5 …: nearest_int(0.5·(id·x − 1))
    /// clamped to 0 … maxLevel (id·x = 5.2 → 2). The lattice types code their sub-block scales
    /// the same way, scale ≈ d·(2s + 1): s = level(scale, 1/d, 15) (IQ2, IQ3) or 7 (IQ1);
    /// scale 1.3 with 1/d = 10 → s = nearest_int(0.5·(13 − 1)) = 6.
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

    /// ggml's scale search around ``snap(_:roots:table:groups:inverseScale:scale:maxLevel:levels:indices:onGrid:)``
    /// (IQ2_XXS, IQ2_XS, IQ2_S, IQ3_XXS, IQ3_S): for each trial k the inverse scale
    /// id = (centre + stride·k)/reference, every group of `table.dimension` magnitudes snapped
    /// to the grid at id, and Σwxq, Σwq² over all `count`; the trial with the largest
    /// (Σwxq)²/Σwq² (strictly larger: the first wins ties) gives the scale Σwxq/Σwq² and its
    /// levels. Then, when that scale is positive, groups are snapped once more at it as
    /// `trials.refit` says and the scale refitted. When no trial is kept (every Σwq² is 0) the
    /// scale is `initialScale` and `L` what it held on entry: `.offGridGroups` returns them as
    /// they are, the other two snap every group at that scale.
    ///
    /// Writes the levels to `L` (`scratch`: `count` more levels; `indices`: count/dimension
    /// slots, `onGrid`: twice that) and returns the scale, which can be negative (ggml then
    /// flips it and the signs). A worked value, `.iq2xs`, weights 1, reference 5: group 0 is
    /// grid entry 1 (levels 2, 0, …, 0) and group 1 entry 0 (all levels 0) at every trial
    /// (id·5 ∈ 4.1 … 5.9 → level 2, id·1 ∈ 0.82 … 1.18 → level 0), so Σwxq = Σwq² = 25 + 15 = 40:
    ///
    ///     xval = [5, 1, 1, 1, 1, 1, 1, 1,  1, 1, 1, 1, 1, 1, 1, 1]
    ///     // scale 1, L = [2, 0, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 0]
    static func bestScale(_ xval: UnsafePointer<Float>, weights: UnsafePointer<Float>, roots: UnsafePointer<Float>, count: Int,
                          reference: Float, initialScale: Float, table: LatticeNeighbours, trials: LatticeTrials,
                          levels L: UnsafeMutablePointer<Int8>, scratch trial: UnsafeMutablePointer<Int8>,
                          indices: UnsafeMutablePointer<Int>, onGrid: UnsafeMutablePointer<Bool>) -> Float {
        let n = table.dimension, groups = count / n, maxLevel = trials.maxLevel
        let bestOnGrid = onGrid, trialOnGrid = onGrid + groups
        // No trial kept: everyGroupIfAnyOffGrid snaps everything, offGridGroups nothing.
        for k in 0..<groups { bestOnGrid[k] = trials.refit != .everyGroupIfAnyOffGrid }
        var bestFit: Float = 0
        var scale = initialScale
        for step in trials.steps {
            let id = (trials.centre + Float(step) * trials.stride) / reference
            snap(xval, roots: roots, table: table, groups: groups, inverseScale: id, scale: 1 / id,
                 maxLevel: maxLevel, levels: trial, indices: indices, onGrid: trialOnGrid)
            let (sumqx, sumq2) = oddGridSums(xval, weights: weights, levels: trial, count: count)
            if sumq2 > 0 && sumqx * sumqx > bestFit * sumq2 {
                scale = sumqx / sumq2
                bestFit = scale * sumqx
                for i in 0..<count { L[i] = trial[i] }
                for k in 0..<groups { bestOnGrid[k] = trialOnGrid[k] }
            }
        }
        guard scale > 0 else { return scale }
        let id = 1 / scale
        switch trials.refit {
        case .everyGroup:
            break
        case .everyGroupIfAnyOffGrid:
            guard (0..<groups).contains(where: { !bestOnGrid[$0] }) else { return scale }
        case .offGridGroups:
            guard (0..<groups).contains(where: { !bestOnGrid[$0] }) else { return scale }
            for k in 0..<groups where !bestOnGrid[k] {
                snap(xval + n * k, roots: roots + n * k, table: table, groups: 1, inverseScale: id, scale: scale,
                     maxLevel: maxLevel, levels: L + n * k, indices: indices, onGrid: trialOnGrid)
            }
            return refitted(scale, xval, weights: weights, levels: L, count: count)
        }
        snap(xval, roots: roots, table: table, groups: groups, inverseScale: id, scale: scale,
             maxLevel: maxLevel, levels: L, indices: indices, onGrid: trialOnGrid)
        return refitted(scale, xval, weights: weights, levels: L, count: count)
    }

    /// One sub-block of IQ2_XS, IQ2_S, IQ3_XXS or IQ3_S once its signs are off: max, the largest
    /// of the `count` magnitudes (C's MAX from element 0); nil when max < `epsilon` (ggml's
    /// GROUP_MAX_EPS…; IQ3_S tests `!max`, for magnitudes the same as max <
    /// Float.leastNonzeroMagnitude), otherwise
    /// ``bestScale(_:weights:roots:count:reference:initialScale:table:trials:levels:scratch:indices:onGrid:)``
    /// from levels 0 with reference max and initial scale max/centre. The worked value there
    /// (max 5) gives scale 1; with `epsilon` 8 it gives nil.
    static func fitMagnitudes(_ xval: UnsafePointer<Float>, weights: UnsafePointer<Float>, roots: UnsafePointer<Float>, count: Int,
                              epsilon: Float, table: LatticeNeighbours, trials: LatticeTrials,
                              levels L: UnsafeMutablePointer<Int8>, scratch trial: UnsafeMutablePointer<Int8>,
                              indices: UnsafeMutablePointer<Int>, onGrid: UnsafeMutablePointer<Bool>) -> Float? {
        var maxValue = xval[0]
        for i in 1..<count { maxValue = GGMLRounding.cMax(maxValue, xval[i]) }
        for i in 0..<count { L[i] = 0 }
        if maxValue < epsilon { return nil }
        return bestScale(xval, weights: weights, roots: roots, count: count, reference: maxValue, initialScale: maxValue / trials.centre,
                         table: table, trials: trials, levels: L, scratch: trial, indices: indices, onGrid: onGrid)
    }

    /// Σwxq/Σwq² of the levels at `L`, or `scale` when Σwq² is 0.
    @inline(__always)
    private static func refitted(_ scale: Float, _ xval: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                                 levels L: UnsafePointer<Int8>, count: Int) -> Float {
        let (sumqx, sumq2) = oddGridSums(xval, weights: weights, levels: L, count: count)
        return sumq2 > 0 ? sumqx / sumq2 : scale
    }
}
