/// The scale (and min) searches of ggml's K-quants and of the importance-weighted legacy
/// quantizers (ggml-quants.c: `make_qx_quants`, `make_qkx2_quants` / `make_qkx3_quants`,
/// `make_qp_quants`; `make_q3_quants` is ``Q3_KSubBlockSearch``, sixteen sub-blocks side by
/// side), step for step in float32, with `nearest_int`
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
        // The 18 candidates (k = −9 … −1, 1 … 9) do not depend on one another, only the choice
        // among them does: their sums are formed side by side, one SIMD lane per candidate (the
        // same float32 products and additions, in the same element order, as one at a time),
        // then compared in ggml's order.
        var candidates = CandidateSums.zero
        for lane in 0..<18 {
            let step = lane < 9 ? lane - 9 : lane - 8
            candidates.setScale(-(fnmax + 0.1 * Float(step)) / maxValue, lane: lane)
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
            candidates.accumulate(x[i], weight: w, low: -nmax, high: nmax - 1)
        }
        var scale: Float = suml2 != 0 ? sumlx / suml2 : 0
        var best = scale * sumlx
        for lane in 0..<18 {
            sumlx = candidates.sumXL[lane]
            suml2 = candidates.sumL2[lane]
            if suml2 > 0 && sumlx * sumlx > best * suml2 {
                iscale = candidates.scale[lane]
                for i in 0..<n { L[i] = Int8(truncatingIfNeeded: nmax + code(iscale, i)) }
                scale = sumlx / suml2
                best = scale * sumlx
            }
        }
        return scale
    }

    /// Σ w·x·l and Σ w·l² of up to 24 candidate reciprocal scales at once (three 8-lane
    /// vectors), l = clamp(nearest_int(iscale · x), low, high) per lane: the scalar loop's
    /// float32 operations lane by lane, `(w · x) · l` and `(w · l) · l` as ggml groups them.
    struct CandidateSums {
        var scale: Lanes
        var sumXL: Lanes
        var sumL2: Lanes

        static var zero: CandidateSums { CandidateSums(scale: .zero, sumXL: .zero, sumL2: .zero) }

        mutating func setScale(_ value: Float, lane: Int) { scale[lane] = value }

        @inline(__always)
        mutating func accumulate(_ x: Float, weight w: Float, low: Int32, high: Int32) {
            let wx = w * x
            let lo = SIMD8<Int32>(repeating: low), hi = SIMD8<Int32>(repeating: high)
            @inline(__always) func codes(_ iscale: SIMD8<Float>) -> SIMD8<Float> {
                let l = GGMLRounding.nearestInt(iscale * x)
                return SIMD8<Float>(l.clamped(lowerBound: lo, upperBound: hi))
            }
            let l0 = codes(scale.v0), l1 = codes(scale.v1), l2 = codes(scale.v2)
            sumXL.v0 += wx * l0; sumXL.v1 += wx * l1; sumXL.v2 += wx * l2
            sumL2.v0 += w * l0 * l0; sumL2.v1 += w * l1 * l1; sumL2.v2 += w * l2 * l2
        }

        /// 24 float32 lanes as three SIMD8 registers.
        struct Lanes {
            var v0: SIMD8<Float>, v1: SIMD8<Float>, v2: SIMD8<Float>
            static var zero: Lanes { Lanes(v0: .zero, v1: .zero, v2: .zero) }
            subscript(lane: Int) -> Float {
                get { lane < 8 ? v0[lane] : lane < 16 ? v1[lane - 8] : v2[lane - 16] }
                set {
                    if lane < 8 { v0[lane] = newValue } else if lane < 16 { v1[lane - 8] = newValue } else { v2[lane - 16] = newValue }
                }
            }
        }
    }

    /// `make_qkx2_quants` / `make_qkx3_quants` (identical for the non-nil weights every caller
    /// passes): asymmetric codes L ∈ [0, nmax] for x ≈ scale · L − theMin, min = min(0, min x).
    /// Tries iscale = (rmin + rdelta · k + nmax) / (max − min) for k = 0 … steps, each with
    /// the weighted least-squares scale and min for its codes; a candidate that lowers the
    /// weighted error (squared, or absolute with `absoluteError`) replaces scale **and min**,
    /// and the later candidates are computed from that carried min, as in ggml.
    /// Returns the scale; `theMin` receives −min ≥ 0.
    static func asymmetric(count n: Int, nmax: Int32, _ x: UnsafePointer<Float>, weights: UnsafePointer<Float>,
                           codes L: UnsafeMutablePointer<UInt8>, theMin: inout Float,
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
        let iscale = fnmax / (maxValue - minValue)
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
        // Eight candidates at a time, one SIMD lane each (the scalar loop's float32 operations
        // lane by lane, in the same element order), then taken in ggml's order. A candidate that
        // wins with a different min changes the later candidates' codes: the batch restarts at
        // the next step with the carried min, as ggml's loop would go on.
        let hi = SIMD8<Int32>(repeating: nmax)
        @inline(__always) func codes(_ iscales: SIMD8<Float>, _ shifted: Float) -> SIMD8<Float> {
            let l = GGMLRounding.nearestInt(iscales * shifted)
            return SIMD8<Float>(l.clamped(lowerBound: .zero, upperBound: hi))
        }
        var step = 0
        while step <= steps {
            let count = min(8, steps - step + 1)
            var iscales = SIMD8<Float>.zero
            for k in 0..<count { iscales[k] = (rmin + rdelta * Float(step + k) + fnmax) / (maxValue - minValue) }
            var sumL = SIMD8<Float>.zero, sumL2 = SIMD8<Float>.zero, sumXL = SIMD8<Float>.zero
            for i in 0..<n {
                let l = codes(iscales, x[i] - minValue)
                let w = weights[i]
                sumL += w * l
                sumL2 += w * l * l
                sumXL += w * l * x[i]
            }
            let determinant = sumW * sumL2 - sumL * sumL
            var thisScale = (sumW * sumXL - sumX * sumL) / determinant
            var thisMin = (sumL2 * sumX - sumL * sumXL) / determinant
            let positive = thisMin .> 0
            thisMin.replace(with: 0, where: positive)
            thisScale.replace(with: sumXL / sumL2, where: positive)
            var error = SIMD8<Float>.zero
            for i in 0..<n {
                let diff = thisScale * codes(iscales, x[i] - minValue) + thisMin - x[i]
                let measure = absoluteError ? unsafeBitCast(unsafeBitCast(diff, to: SIMD8<UInt32>.self) & 0x7fff_ffff, to: SIMD8<Float>.self) : diff * diff
                error += weights[i] * measure
            }
            var next = step + count
            for k in 0..<count where determinant[k] > 0 && error[k] < bestError {
                let iscale = iscales[k]
                for i in 0..<n {
                    L[i] = UInt8(truncatingIfNeeded: max(0, min(nmax, GGMLRounding.nearestInt(iscale * (x[i] - minValue)))))
                }
                bestError = error[k]
                scale = thisScale[k]
                let carried = thisMin[k]
                if carried.bitPattern != minValue.bitPattern {
                    minValue = carried
                    next = step + k + 1
                    break
                }
            }
            step = next
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
