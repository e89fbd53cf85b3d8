/// `make_q3_quants` with `do_rmse` (Q3_K without an importance matrix, nmax 4) for the sixteen
/// 16-element sub-blocks of a super-block at once: one SIMD lane per sub-block, two 8-lane
/// groups whose passes are interleaved.
///
/// Per sub-block, as ggml: codes l = clamp(nearest_int(−4 / max · x), −4, 3) (max = the first
/// element of largest magnitude), weights x², then up to five passes over the elements that
/// move a single code to clamp(nearest_int(x · Σwl² / Σwxl)) when Σwxl (without it) is
/// positive, the code differs and (Σwxl)² / Σwl² grows — each accepted move changes the sums
/// the next element is judged by. The sub-blocks do not depend on one another, so lane j runs
/// sub-block j's sequence exactly, the same float32 operations in the same order: the
/// acceptance is a lane mask instead of a branch, the lanes that accept nothing in a pass stay
/// as they are (a pass without a change changes nothing the next time either, which is why
/// ggml stops there), and a group stops when none of its lanes changed or after five passes.
/// An all-zero sub-block (amax < 1e-15) gets codes 0 and scale 0.
///
/// Worked value: a sub-block of 1, 2, …, 16 starts from iscale = −4/16 and codes 0, 0, −1, −1,
/// −1, −2, …, −4 (ties to even: 2 ↦ 0, 6 ↦ −2, 14 ↦ −4); with a positive max every term of
/// Σwxl is ≤ 0, so no pass moves anything, and the scale Σwxl / Σwl² is negative (the codes
/// are stored + 4).
///
/// Lanes are laid out element-major: `lanes[16 · g + i]` lane j is element i of sub-block
/// 8g + j (``load(_:into:)``), and the codes come back the same way (``codes(ofSubBlock:_:into:)``).
/// Comparisons that feed a select are SIMD comparisons turned into all-ones masks, and the
/// integer clamp uses the sign of a difference (Swift's `replacing(with:where:)` and
/// `clamped(lowerBound:upperBound:)` compile to lane loops and calls here).
enum Q3_KSubBlockSearch {
    typealias Lanes = SIMD8<Float>
    typealias Codes = SIMD8<Int32>

    /// Transposes a super-block's 256 values into 32 element-major vectors.
    @inline(__always)
    static func load(_ x: UnsafePointer<Float>, into lanes: UnsafeMutablePointer<Lanes>) {
        let flat = UnsafeMutableRawPointer(lanes).assumingMemoryBound(to: Float.self)
        for j in 0..<16 {
            for i in 0..<16 { flat[128 * (j / 8) + 8 * i + j % 8] = x[16 * j + i] }
        }
    }

    /// The sixteen scales (Σwxl / Σwl², 0 for an all-zero sub-block); `codes` receives the
    /// codes + 4 (0 … 7; 0 throughout an all-zero sub-block), element-major like `lanes`.
    @inline(__always)
    static func scales(_ lanes: UnsafePointer<Lanes>, codes: UnsafeMutablePointer<Codes>) -> SIMD16<Float> {
        var low = Group(lanes, codes: codes)
        var high = Group(lanes + 16, codes: codes + 16)
        var lowActive = true, highActive = true
        for _ in 0..<5 {
            if lowActive && highActive {
                var lowChanged = Codes.zero, highChanged = Codes.zero
                for i in 0..<16 {
                    lowChanged |= low.refine(lanes[i], code: codes + i)
                    highChanged |= high.refine(lanes[16 + i], code: codes + 16 + i)
                }
                lowActive = any(lowChanged)
                highActive = any(highChanged)
            } else if lowActive {
                var changed = Codes.zero
                for i in 0..<16 { changed |= low.refine(lanes[i], code: codes + i) }
                lowActive = any(changed)
            } else if highActive {
                var changed = Codes.zero
                for i in 0..<16 { changed |= high.refine(lanes[16 + i], code: codes + 16 + i) }
                highActive = any(changed)
            } else {
                break
            }
        }
        return SIMD16(lowHalf: low.finish(codes: codes), highHalf: high.finish(codes: codes + 16))
    }

    /// Sub-block j's 16 codes from the element-major `codes`, as two vectors (elements 0–7, 8–15).
    @inline(__always)
    static func codes(ofSubBlock j: Int, _ codes: UnsafePointer<Codes>, into out: UnsafeMutablePointer<Codes>) {
        let group = codes + 16 * (j / 8)
        var first = Codes.zero, second = Codes.zero
        for i in 0..<8 {
            first[i] = group[i][j % 8]
            second[i] = group[8 + i][j % 8]
        }
        out[0] = first
        out[1] = second
    }

    /// clamp(nearest_int(v), −4, 3) lane by lane (ggml's `MAX(-4, MIN(3, nearest_int(v)))`).
    @inline(__always)
    static func code(_ v: Lanes) -> Codes {
        let l = GGMLRounding.nearestInt(v)
        // nearest_int is below 2^22 in magnitude, so l − bound cannot overflow and its sign says l < bound.
        let low = Codes(repeating: -4), high = Codes(repeating: 3)
        let raised = select(l, low, where: (l &- low) &>> 31)
        return select(raised, high, where: (high &- raised) &>> 31)
    }

    /// Eight sub-blocks' running sums Σwxl and Σwl² and their amax.
    struct Group {
        var sumXL: Lanes
        var sumL2: Lanes
        let amax: Lanes

        /// The first codes, clamp(nearest_int(−4 / max · x), −4, 3), and their sums.
        @inline(__always)
        init(_ lanes: UnsafePointer<Lanes>, codes: UnsafeMutablePointer<Codes>) {
            // The first element of largest magnitude, by integer comparison of the magnitudes'
            // bits (below 2^31, so the difference's sign decides); a NaN (above 0x7f800000)
            // never wins, as with float32's `>`.
            var amaxBits = Codes.zero
            var maxValue = Lanes.zero
            for i in 0..<16 {
                let v = lanes[i]
                let magnitude = unsafeBitCast(v, to: Codes.self) & 0x7fff_ffff
                let larger = ((amaxBits &- magnitude) & (magnitude &- 0x7f80_0001)) &>> 31
                amaxBits = select(amaxBits, magnitude, where: larger)
                maxValue = select(maxValue, v, where: larger)
            }
            amax = unsafeBitCast(amaxBits, to: Lanes.self)
            let iscale = Lanes(repeating: -4) / maxValue
            var sumXL = Lanes.zero, sumL2 = Lanes.zero
            for i in 0..<16 {
                let x = lanes[i]
                let l = code(iscale * x)
                codes[i] = l
                let w = x * x
                let fl = float(l)
                sumXL += w * x * fl
                sumL2 += w * fl * fl
            }
            self.sumXL = sumXL
            self.sumL2 = sumL2
        }

        /// One element of a refinement pass (ggml's loop body, its three `if`s as masks);
        /// returns the lanes that took the new code.
        @inline(__always)
        mutating func refine(_ x: Lanes, code: UnsafeMutablePointer<Codes>) -> Codes {
            let w = x * x
            let current = code.pointee
            let li = float(current)
            var slx = sumXL - w * x * li
            var sl2 = sumL2 - w * li * li
            let positive = mask(slx .> 0)
            let proposed = Q3_KSubBlockSearch.code(x * sl2 / slx)
            let differs = mask(proposed .!= current)
            let fl = float(proposed)
            slx += w * x * fl
            sl2 += w * fl * fl
            let better = mask(sl2 .> 0) & mask(slx * slx * sumL2 .> sumXL * sumXL * sl2)
            let accept = positive & differs & better
            code.pointee = select(current, proposed, where: accept)
            sumXL = select(sumXL, slx, where: accept)
            sumL2 = select(sumL2, sl2, where: accept)
            return accept
        }

        /// The scales; the codes get their offset 4 (0 for an all-zero sub-block).
        @inline(__always)
        func finish(codes: UnsafeMutablePointer<Codes>) -> Lanes {
            let zero = mask(amax .< KQuantSearch.groupMaxEpsilon)
            for i in 0..<16 { codes[i] = (codes[i] &+ 4) & ~zero }
            return select(sumXL / sumL2, .zero, where: zero | ~mask(sumL2 .> 0))
        }
    }

    /// A code in −4 … 3 as float32, exactly: the bits of 1.5 · 2^23 + l, less 1.5 · 2^23.
    @inline(__always)
    static func float(_ l: Codes) -> Lanes {
        unsafeBitCast(l &+ 0x4b40_0000, to: Lanes.self) - 12582912
    }

    @inline(__always)
    static func mask(_ m: SIMDMask<Codes>) -> Codes { unsafeBitCast(m, to: Codes.self) }

    @inline(__always)
    static func any(_ m: Codes) -> Bool { unsafeBitCast(m, to: SIMD4<UInt64>.self) != .zero }

    /// b where `m` is all ones, a where it is zero.
    @inline(__always)
    static func select(_ a: Codes, _ b: Codes, where m: Codes) -> Codes { (a & ~m) | (b & m) }

    @inline(__always)
    static func select(_ a: Lanes, _ b: Lanes, where m: Codes) -> Lanes {
        unsafeBitCast(select(unsafeBitCast(a, to: Codes.self), unsafeBitCast(b, to: Codes.self), where: m), to: Lanes.self)
    }
}
