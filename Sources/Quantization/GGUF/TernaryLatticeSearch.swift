/// The steps shared by ggml's IQ1_S and IQ1_M quantizers, whose grid values are −1, 0, 1 shifted
/// by ±``LatticeDequantizer/iq1Delta`` (0.125) toward one side.
enum TernaryLatticeSearch {
    /// The three values of a group with shift +1 (x_p: −0.875, 0.125, 1.125) and −1
    /// (x_m: −1.125, −0.125, 0.875).
    static let plus: (Float, Float, Float) = (-1 + 0.125, 0.125, 1 + 0.125)
    static let minus: (Float, Float, Float) = (-1 - 0.125, -0.125, 1 - 0.125)

    @inline(__always)
    static func value(_ values: (Float, Float, Float), _ level: Int) -> Float {
        level == 0 ? values.0 : level == 1 ? values.1 : values.2
    }

    /// The order ggml's `qsort(pairs, n, …, iq1_sort_helper)` leaves `n` values in: ascending,
    /// equal values in their original order. glibc (2.36 and 2.39+) sorts small arrays with a
    /// top-down merge sort (halves of n/2 and n − n/2, the left element taken while it is not
    /// greater), reproduced here so NaN inputs order the same too. Writes the indices to `order`.
    ///
    ///     [0.5, −1, 0.5, 0]  →  order [1, 3, 0, 2]
    static func sortedOrder(_ x: UnsafePointer<Float>, count n: Int, into order: UnsafeMutablePointer<Int>, scratch: UnsafeMutablePointer<Int>) {
        for j in 0..<n { order[j] = j }
        mergeSort(order, count: n, by: x, scratch: scratch)
    }

    private static func mergeSort(_ order: UnsafeMutablePointer<Int>, count n: Int, by x: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Int>) {
        guard n > 1 else { return }
        let n1 = n / 2
        mergeSort(order, count: n1, by: x, scratch: scratch)
        mergeSort(order + n1, count: n - n1, by: x, scratch: scratch)
        var left = 0, right = n1, out = 0
        while left < n1 && right < n {
            if !(x[order[left]] > x[order[right]]) {
                scratch[out] = order[left]; left += 1
            } else {
                scratch[out] = order[right]; right += 1
            }
            out += 1
        }
        while left < n1 { scratch[out] = order[left]; left += 1; out += 1 }
        for k in 0..<out { order[k] = scratch[k] }
    }

    /// `iq1_find_best_neighbour2`: among the neighbours of off-grid `packed` (in
    /// ``LatticeNeighbours/iq1s``), the entry minimising Σ w·(scale·values[l] − x)² (the first on
    /// ties); writes its levels to `L`. When no error is finite (infinite or NaN input, where
    /// ggml reads past its arrays), the first neighbour is taken.
    static func bestNeighbour(of packed: Int, table: LatticeNeighbours, _ x: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                              scale: Float, values: (Float, Float, Float), levels L: UnsafeMutablePointer<Int8>) -> Int {
        let start = Int(table.offsets[packed]), end = Int(table.offsets[packed + 1])
        var best = Float.greatestFiniteMagnitude
        var bestIndex = Int(table.list[start])
        for n in start..<end {
            let j = Int(table.list[n])
            var d2: Float = 0
            for i in 0..<8 {
                let q = value(values, Int(table.points[8 * j + i] - 1) / 2)
                let diff = scale * q - x[i]
                d2 += weights[i] * diff * diff
            }
            if d2 < best {
                best = d2
                bestIndex = j
            }
        }
        LatticeSearch.setLevels(L, table: table, index: bestIndex)
        return bestIndex
    }

    /// The grid index of the 8 levels at `L`, or its best neighbour (which then replaces the
    /// levels); `moved` is set when the levels were off the grid.
    @inline(__always)
    static func snap(_ L: UnsafeMutablePointer<Int8>, table: LatticeNeighbours, _ x: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                     scale: Float, values: (Float, Float, Float), moved: inout Bool) -> Int {
        let packed = table.pack(L)
        if let index = table.gridIndex(of: packed) { return index }
        moved = true
        guard packed >= 0 && packed + 1 < table.offsets.count else { return 0 }
        return bestNeighbour(of: packed, table: table, x, weights: weights, scale: scale, values: values, levels: L)
    }

    /// Σ w·q·x and Σ w·q·q of 8 values on grid entry `index` with values `values`, added to `sums`.
    @inline(__always)
    static func addGroupSums(_ x: UnsafePointer<Float>, weights: UnsafePointer<Float>, table: LatticeNeighbours, index: Int,
                             values: (Float, Float, Float), multiplier: Float? = nil, to sums: inout (sumqx: Float, sumq2: Float)) {
        for j in 0..<8 {
            let w = weights[j]
            var q = value(values, Int(table.points[8 * index + j] - 1) / 2)
            if let multiplier { q = q * multiplier }
            sums.sumqx += w * q * x[j]
            sums.sumq2 += w * q * q
        }
    }

    /// The levels of the best split of the sorted values (``sortedOrder(_:count:into:scratch:)``):
    /// level 0 before sorted position `split.0`, 1 before `split.1`, 2 after. When the fitted
    /// `scale` is negative the levels are mirrored (2 − l) and the scale negated; the caller
    /// then swaps its shifts (−x_p mirrored is x_m). Returns whether it mirrored.
    ///
    ///     order [1, 3, 0, 2], split (1, 3), scale 2   →  L = [1, 0, 2, 1], false
    ///     order [1, 3, 0, 2], split (1, 3), scale −2  →  L = [1, 2, 0, 1], scale 2, true
    @inline(__always)
    static func splitLevels(_ order: UnsafePointer<Int>, count n: Int, split: (Int, Int), scale: inout Float,
                            into L: UnsafeMutablePointer<Int8>) -> Bool {
        for j in 0..<n { L[order[j]] = j < split.0 ? 0 : j < split.1 ? 1 : 2 }
        guard scale < 0 else { return false }
        for j in 0..<n { L[j] = 2 - L[j] }
        scale = -scale
        return true
    }

    /// Snaps `groups` groups of 8 levels at `L` to the grid (``snap(_:table:_:weights:scale:values:moved:)``,
    /// group k with the values `values(k)`), writes the grid indices to `index`, and when any
    /// group was off the grid refits the scale Σwqx/Σwq² over all of them (kept only when both
    /// sums are positive). Returns the scale.
    ///
    ///     L = eight 0s (entry 0 of ``LatticeNeighbours/iq1s``), scale 0.5  →  index [0], 0.5
    @inline(__always)
    static func snapAndRefit(_ L: UnsafeMutablePointer<Int8>, groups: Int, table: LatticeNeighbours, _ x: UnsafePointer<Float>,
                             weights: UnsafePointer<Float>, scale: Float, values: (Int) -> (Float, Float, Float),
                             index: UnsafeMutablePointer<Int>) -> Float {
        var moved = false
        for k in 0..<groups {
            index[k] = snap(L + 8 * k, table: table, x + 8 * k, weights: weights + 8 * k, scale: scale, values: values(k), moved: &moved)
        }
        guard moved else { return scale }
        var sums: (sumqx: Float, sumq2: Float) = (0, 0)
        for k in 0..<groups {
            addGroupSums(x + 8 * k, weights: weights + 8 * k, table: table, index: index[k], values: values(k), to: &sums)
        }
        return sums.sumqx > 0 && sums.sumq2 > 0 ? sums.sumqx / sums.sumq2 : scale
    }
}
