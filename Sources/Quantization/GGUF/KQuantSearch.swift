/// The scale (and min) searches of ggml's K-quants and of the importance-weighted legacy
/// quantizers (ggml-quants.c: `make_qx_quants`, `make_q3_quants`, `make_qkx2_quants` /
/// `make_qkx3_quants`, `make_qp_quants`), step for step in float32, with `nearest_int`
/// (half to even) for every integer rounding and C's integer/float conversions where ggml
/// stores an `int` into an `int8_t` or `uint8_t`.
///
/// Each search tries a handful of candidate reciprocal scales around nmax / max, scores each
/// by the weighted squared error of the least-squares scale for its codes, and keeps the best:
///
///     weights w, codes l:  scale = Σ w·x·l / Σ w·l²,  score = scale · Σ w·x·l  (larger is better)
enum KQuantSearch {
    static let groupMaxEpsilon: Float = 1e-15  // GROUP_MAX_EPS

    /// `make_qx_quants` with `rmse_type` 1: symmetric codes L ∈ [0, 2·nmax − 1] (stored with the
    /// offset nmax), weights `weights` (or x² when nil). Starts from iscale = −nmax / max (max =
    /// the element of largest magnitude, so max ↦ −nmax), then tries −(nmax + 0.1·k) / max for
    /// k = −9 … 9, k ≠ 0, keeping a candidate when (Σwxl)² > best · Σwl². Returns the scale.
    static func symmetric(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, codes L: UnsafeMutablePointer<Int8>, weights: UnsafePointer<Float>?) -> Float {
        if let weights { return symmetric(count: n, nmax: nmax, x, codes: L, weighted: weights) }
        // x² once into a buffer, not per candidate (the same float32 products ggml forms).
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: n) { squares in
            for i in 0..<n { squares[i] = x[i] * x[i] }
            return symmetric(count: n, nmax: nmax, x, codes: L, weighted: squares.baseAddress!)
        }
    }

    @inline(__always)
    private static func symmetric(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, codes L: UnsafeMutablePointer<Int8>, weighted weights: UnsafePointer<Float>) -> Float {
        var maxValue: Float = 0
        var amax: Float = 0
        for i in 0..<n {
            let ax = abs(x[i])
            if ax > amax { amax = ax; maxValue = x[i] }
        }
        if amax < groupMaxEpsilon {
            for i in 0..<n { L[i] = 0 }
            return 0
        }
        let fnmax = Float(nmax)
        @inline(__always) func weight(_ i: Int) -> Float { weights[i] }
        @inline(__always) func code(_ iscale: Float, _ i: Int) -> Int32 {
            let l = GGMLRounding.nearestInt(iscale * x[i])
            return max(-nmax, min(nmax - 1, l))
        }
        var iscale = Float(-nmax) / maxValue
        var sumlx: Float = 0
        var suml2: Float = 0
        for i in 0..<n {
            let l = code(iscale, i)
            L[i] = Int8(truncatingIfNeeded: l + nmax)
            let w = weight(i)
            let fl = Float(l)
            sumlx += w * x[i] * fl
            suml2 += w * fl * fl
        }
        var scale: Float = suml2 != 0 ? sumlx / suml2 : 0
        var best = scale * sumlx
        for step in -9...9 where step != 0 {
            iscale = -(fnmax + 0.1 * Float(step)) / maxValue
            sumlx = 0
            suml2 = 0
            for i in 0..<n {
                let fl = Float(code(iscale, i))
                let w = weight(i)
                sumlx += w * x[i] * fl
                suml2 += w * fl * fl
            }
            if suml2 > 0 && sumlx * sumlx > best * suml2 {
                for i in 0..<n { L[i] = Int8(truncatingIfNeeded: nmax + code(iscale, i)) }
                scale = sumlx / suml2
                best = scale * sumlx
            }
        }
        return scale
    }

    /// `make_q3_quants` with `do_rmse` (Q3_K without an importance matrix): codes from
    /// iscale = −nmax / max, then up to five passes that move single codes to
    /// nearest_int(x · Σwl² / Σwxl) (weights x²) when that raises (Σwxl)² / Σwl².
    static func symmetricRefined(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, codes L: UnsafeMutablePointer<Int8>) -> Float {
        var maxValue: Float = 0
        var amax: Float = 0
        for i in 0..<n {
            let ax = abs(x[i])
            if ax > amax { amax = ax; maxValue = x[i] }
        }
        if amax < groupMaxEpsilon {
            for i in 0..<n { L[i] = 0 }
            return 0
        }
        let iscale = Float(-nmax) / maxValue
        var sumlx: Float = 0
        var suml2: Float = 0
        for i in 0..<n {
            var l = GGMLRounding.nearestInt(iscale * x[i])
            l = max(-nmax, min(nmax - 1, l))
            L[i] = Int8(truncatingIfNeeded: l)
            let w = x[i] * x[i]
            sumlx += w * x[i] * Float(l)
            suml2 += w * Float(l) * Float(l)
        }
        for _ in 0..<5 {
            var changed = 0
            for i in 0..<n {
                let w = x[i] * x[i]
                let li = Float(L[i])
                var slx = sumlx - w * x[i] * li
                if slx > 0 {
                    var sl2 = suml2 - w * li * li
                    var newL = GGMLRounding.nearestInt(x[i] * sl2 / slx)
                    newL = max(-nmax, min(nmax - 1, newL))
                    if newL != Int32(L[i]) {
                        let fl = Float(newL)
                        slx += w * x[i] * fl
                        sl2 += w * fl * fl
                        if sl2 > 0 && slx * slx * suml2 > sumlx * sumlx * sl2 {
                            L[i] = Int8(truncatingIfNeeded: newL)
                            sumlx = slx
                            suml2 = sl2
                            changed += 1
                        }
                    }
                }
            }
            if changed == 0 { break }
        }
        for i in 0..<n { L[i] = L[i] &+ Int8(truncatingIfNeeded: nmax) }
        return suml2 > 0 ? sumlx / suml2 : 0
    }

    /// `make_qkx2_quants` / `make_qkx3_quants` (identical for the non-nil weights every caller
    /// passes): asymmetric codes L ∈ [0, nmax] for x ≈ scale · L − theMin, min = min(0, min x).
    /// Tries iscale = (rmin + rdelta · k + nmax) / (max − min) for k = 0 … steps, each with
    /// the weighted least-squares scale and min for its codes; a candidate that lowers the
    /// weighted error (squared, or absolute with `absoluteError`) replaces scale **and min**,
    /// and the later candidates are computed from that carried min, as in ggml.
    /// Returns the scale; `theMin` receives −min ≥ 0.
    static func asymmetric(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                           codes L: UnsafeMutablePointer<UInt8>, theMin: inout Float, scratch Laux: UnsafeMutablePointer<UInt8>,
                           rmin: Float, rdelta: Float, steps: Int, absoluteError: Bool) -> Float {
        var minValue = x[0]
        var maxValue = x[0]
        var sumW = weights[0]
        var sumX = sumW * x[0]
        for i in 1..<n {
            if x[i] < minValue { minValue = x[i] }
            if x[i] > maxValue { maxValue = x[i] }
            let w = weights[i]
            sumW += w
            sumX += w * x[i]
        }
        if minValue > 0 { minValue = 0 }
        if maxValue == minValue {
            for i in 0..<n { L[i] = 0 }
            theMin = -minValue
            return 0
        }
        let fnmax = Float(nmax)
        var iscale = fnmax / (maxValue - minValue)
        var scale = 1 / iscale
        var bestError: Float = 0
        for i in 0..<n {
            let l = GGMLRounding.nearestInt(iscale * (x[i] - minValue))
            L[i] = UInt8(truncatingIfNeeded: max(0, min(nmax, l)))
            var diff = scale * Float(L[i]) + minValue - x[i]
            diff = absoluteError ? abs(diff) : diff * diff
            bestError += weights[i] * diff
        }
        if steps < 1 {
            theMin = -minValue
            return scale
        }
        for step in 0...steps {
            iscale = (rmin + rdelta * Float(step) + fnmax) / (maxValue - minValue)
            var sumL: Float = 0
            var sumL2: Float = 0
            var sumXL: Float = 0
            for i in 0..<n {
                let l = max(0, min(nmax, GGMLRounding.nearestInt(iscale * (x[i] - minValue))))
                Laux[i] = UInt8(truncatingIfNeeded: l)
                let w = weights[i]
                let fl = Float(l)
                sumL += w * fl
                sumL2 += w * fl * fl
                sumXL += w * fl * x[i]
            }
            let determinant = sumW * sumL2 - sumL * sumL
            if determinant > 0 {
                var thisScale = (sumW * sumXL - sumX * sumL) / determinant
                var thisMin = (sumL2 * sumX - sumL * sumXL) / determinant
                if thisMin > 0 {
                    thisMin = 0
                    thisScale = sumXL / sumL2
                }
                var error: Float = 0
                for i in 0..<n {
                    var diff = thisScale * Float(Laux[i]) + thisMin - x[i]
                    diff = absoluteError ? abs(diff) : diff * diff
                    error += weights[i] * diff
                }
                if error < bestError {
                    for i in 0..<n { L[i] = Laux[i] }
                    bestError = error
                    scale = thisScale
                    minValue = thisMin
                }
            }
        }
        theMin = -minValue
        return scale
    }

    /// `make_qp_quants`: non-negative codes L ∈ [0, nmax] for non-negative x (the sub-block
    /// scales and mins of the importance-weighted K-quants), weights `weights`. Tries
    /// iscale = (0.1·k + nmax) / max for k = −4 … 4 by weighted squared error, then up to five
    /// single-code refinement passes. Codes are stored as ggml's `uint8_t` (a negative code
    /// wraps, as in C). Returns the scale.
    static func positive(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, codes L: UnsafeMutablePointer<UInt8>, weights: UnsafePointer<Float>) -> Float {
        var maxValue: Float = 0
        for i in 0..<n { maxValue = GGMLRounding.cMax(maxValue, x[i]) }
        if maxValue < groupMaxEpsilon {
            for i in 0..<n { L[i] = 0 }
            return 0
        }
        let fnmax = Float(nmax)
        var iscale = fnmax / maxValue
        for i in 0..<n { L[i] = UInt8(truncatingIfNeeded: GGMLRounding.nearestInt(iscale * x[i])) }
        let scale = 1 / iscale
        var bestError: Float = 0
        for i in 0..<n {
            let diff = x[i] - scale * Float(L[i])
            bestError += weights[i] * diff * diff
        }
        for step in -4...4 where step != 0 {
            let candidate = (0.1 * Float(step) + fnmax) / maxValue
            let candidateScale = 1 / candidate
            var error: Float = 0
            for i in 0..<n {
                let l = min(nmax, GGMLRounding.nearestInt(candidate * x[i]))
                let diff = x[i] - candidateScale * Float(l)
                error += weights[i] * diff * diff
            }
            if error < bestError {
                bestError = error
                iscale = candidate
            }
        }
        var sumlx: Float = 0
        var suml2: Float = 0
        for i in 0..<n {
            let l = min(nmax, GGMLRounding.nearestInt(iscale * x[i]))
            L[i] = UInt8(truncatingIfNeeded: l)
            let w = weights[i]
            sumlx += w * x[i] * Float(l)
            suml2 += w * Float(l) * Float(l)
        }
        for _ in 0..<5 {
            var changed = 0
            for i in 0..<n {
                let w = weights[i]
                let li = Float(L[i])
                var slx = sumlx - w * x[i] * li
                var sl2 = suml2 - w * li * li
                if slx > 0 && sl2 > 0 {
                    let newL = min(nmax, GGMLRounding.nearestInt(x[i] * sl2 / slx))
                    if newL != Int32(L[i]) {
                        let fl = Float(newL)
                        slx += w * x[i] * fl
                        sl2 += w * fl * fl
                        if slx * slx * suml2 > sumlx * sumlx * sl2 {
                            L[i] = UInt8(truncatingIfNeeded: newL)
                            sumlx = slx
                            suml2 = sl2
                            changed += 1
                        }
                    }
                }
            }
            if changed == 0 { break }
        }
        return suml2 > 0 ? sumlx / suml2 : 0
    }
}
