/// y = x · w (+ bias) for row-major float32 buffers: x is n × k, w is k × m (a Linear
/// layer's weight transposed, so that the inner loop runs along contiguous output columns),
/// y is n × m. Blocks of 4 rows × 16 columns stay in registers for the whole k loop.
///
/// Every output is summed in k order, `((x₀w₀ + x₁w₁) + x₂w₂) + …`, each product and partial
/// sum rounded by ``EncoderArithmetic`` (float32: by the hardware alone), so the result does
/// not depend on the blocking or the thread count. Example: x = [[1, 2]], w = [[3, 4], [5, 6]]
/// gives y = [[13, 16]].
public enum DenseMatmul {
    /// Computes the columns `columns` of y (all of them by default); `bias` (m values) is added
    /// last, rounded to the compute format.
    public static func multiply(_ x: UnsafePointer<Float>, rows n: Int, inner k: Int,
                                _ w: UnsafePointer<Float>, columns m: Int, bias: UnsafePointer<Float>?,
                                into y: UnsafeMutablePointer<Float>, arithmetic: EncoderArithmetic,
                                columnRange: Range<Int>? = nil) {
        let range = columnRange ?? 0..<m
        if arithmetic.isFloat32 {
            float32(x, n, k, w, m, bias, y, range)
        } else {
            rounded(x, n, k, w, m, bias, y, range, arithmetic)
        }
    }

    /// Array convenience: returns y (n × m).
    public static func multiply(_ x: [Float], rows n: Int, inner k: Int, _ w: [Float], columns m: Int,
                                bias: [Float]? = nil, arithmetic: EncoderArithmetic = .float32) -> [Float] {
        precondition(x.count == n * k && w.count == k * m && (bias?.count ?? m) == m)
        var y = [Float](repeating: 0, count: n * m)
        x.withUnsafeBufferPointer { xp in
            w.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    if let bias {
                        bias.withUnsafeBufferPointer { bp in
                            multiply(xp.baseAddress!, rows: n, inner: k, wp.baseAddress!, columns: m, bias: bp.baseAddress!,
                                     into: yp.baseAddress!, arithmetic: arithmetic)
                        }
                    } else {
                        multiply(xp.baseAddress!, rows: n, inner: k, wp.baseAddress!, columns: m, bias: nil,
                                 into: yp.baseAddress!, arithmetic: arithmetic)
                    }
                }
            }
        }
        return y
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }

    @inline(__always)
    static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    static func float32(_ x: UnsafePointer<Float>, _ n: Int, _ k: Int, _ w: UnsafePointer<Float>, _ m: Int,
                        _ bias: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>) {
        var j = range.lowerBound
        while j + 16 <= range.upperBound {
            var i = 0
            while i + 4 <= n {
                var a0 = SIMD8<Float>(), b0 = SIMD8<Float>(), a1 = SIMD8<Float>(), b1 = SIMD8<Float>()
                var a2 = SIMD8<Float>(), b2 = SIMD8<Float>(), a3 = SIMD8<Float>(), b3 = SIMD8<Float>()
                let x0 = x + i * k, x1 = x0 + k, x2 = x1 + k, x3 = x2 + k
                for p in 0..<k {
                    let wp = w + p * m + j
                    let wa = load(wp), wb = load(wp + 8)
                    let v0 = x0[p], v1 = x1[p], v2 = x2[p], v3 = x3[p]
                    a0 += wa * v0; b0 += wb * v0
                    a1 += wa * v1; b1 += wb * v1
                    a2 += wa * v2; b2 += wb * v2
                    a3 += wa * v3; b3 += wb * v3
                }
                if let bias {
                    let ba = load(bias + j), bb = load(bias + j + 8)
                    a0 += ba; b0 += bb; a1 += ba; b1 += bb; a2 += ba; b2 += bb; a3 += ba; b3 += bb
                }
                let y0 = y + i * m + j
                store(a0, y0); store(b0, y0 + 8)
                store(a1, y0 + m); store(b1, y0 + m + 8)
                store(a2, y0 + 2 * m); store(b2, y0 + 2 * m + 8)
                store(a3, y0 + 3 * m); store(b3, y0 + 3 * m + 8)
                i += 4
            }
            while i < n {
                var a0 = SIMD8<Float>(), b0 = SIMD8<Float>()
                let x0 = x + i * k
                for p in 0..<k {
                    let wp = w + p * m + j
                    let v0 = x0[p]
                    a0 += load(wp) * v0; b0 += load(wp + 8) * v0
                }
                if let bias { a0 += load(bias + j); b0 += load(bias + j + 8) }
                store(a0, y + i * m + j); store(b0, y + i * m + j + 8)
                i += 1
            }
            j += 16
        }
        while j < range.upperBound {
            for i in 0..<n {
                var sum: Float = 0
                for p in 0..<k { sum += x[i * k + p] * w[p * m + j] }
                if let bias { sum += bias[j] }
                y[i * m + j] = sum
            }
            j += 1
        }
    }

    static func rounded(_ x: UnsafePointer<Float>, _ n: Int, _ k: Int, _ w: UnsafePointer<Float>, _ m: Int,
                        _ bias: UnsafePointer<Float>?, _ y: UnsafeMutablePointer<Float>, _ range: Range<Int>,
                        _ arithmetic: EncoderArithmetic) {
        let product = arithmetic.computeRounding ?? arithmetic.accumulateRounding
        let sum = arithmetic.accumulateRounding
        var j = range.lowerBound
        while j + 8 <= range.upperBound {
            var i = 0
            while i + 2 <= n {
                var a0 = SIMD8<Float>(), a1 = SIMD8<Float>()
                let x0 = x + i * k, x1 = x0 + k
                for p in 0..<k {
                    let wa = load(w + p * m + j)
                    a0 = sum.round(a0 + product.round(wa * x0[p]))
                    a1 = sum.round(a1 + product.round(wa * x1[p]))
                }
                if let bias {
                    let ba = load(bias + j)
                    a0 = product.round(a0 + ba); a1 = product.round(a1 + ba)
                } else {
                    a0 = product.round(a0); a1 = product.round(a1)
                }
                store(a0, y + i * m + j); store(a1, y + (i + 1) * m + j)
                i += 2
            }
            while i < n {
                var a0 = SIMD8<Float>()
                let x0 = x + i * k
                for p in 0..<k { a0 = sum.round(a0 + product.round(load(w + p * m + j) * x0[p])) }
                a0 = bias.map { product.round(a0 + load($0 + j)) } ?? product.round(a0)
                store(a0, y + i * m + j)
                i += 1
            }
            j += 8
        }
        while j < range.upperBound {
            for i in 0..<n {
                var total: Float = 0
                for p in 0..<k { total = sum.round(total + product.round(x[i * k + p] * w[p * m + j])) }
                if let bias { total += bias[j] }
                y[i * m + j] = product.round(total)
            }
            j += 1
        }
    }
}
