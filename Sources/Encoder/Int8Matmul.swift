import Quantization

/// The float32 fast path of the lab's integer matmul (`matmul(_:_:_:)` in Quantization, the
/// textbook convention): C = A · B through int8 with per-row or per-tensor absmax scales, and
/// LLM.int8's outlier columns in float16. Same steps, same bits (checked against the
/// soft-float `matmul` in `Int8MatmulTests`), on float32 buffers fast enough for a model:
///
///     O      = columns of A with any |a| ≥ threshold (none without one)
///     S_A[i] = max_{k ∉ O} |A[i,k]| / 127,  S_B[j] = max_{k ∉ O} |B[k,j]| / 127   (float32)
///     q      = round(x / S) half-even, clamped to ±127; 0 in O and for a zero absmax
///     C[i,j] = float32(Σ_k qA·qB) × (S_A[i] × S_B[j])  +  float32(Σ_{k∈O} A·B in float16)
///
/// A is n × k (activations), B is k × m (a Linear weight transposed: column j of B is output
/// channel j, so vector-wise scales are per token and per output channel). Tutorial 004:
/// A = [[0.1, −0.5], [1.2, −3]], B = [[2.5, 1], [−1, 0.5]] give accumulators [[9652, −4953],
/// [12954, −1651]] and C ≈ [[0.748031, −0.153543], [6.023622, −0.307087]].
public struct Int8Matmul: Sendable, Hashable {
    public let configuration: MatmulConfiguration
    let half = Float32Rounding(format: .float16)!

    /// - Throws: ``EncoderError`` (`usage`) unless the configuration is the textbook
    ///   convention in float32 with float16 outliers.
    public init(configuration: MatmulConfiguration) throws(EncoderError) {
        guard configuration.compute == .float32, configuration.convention == .textbook, configuration.outlierFormat == .float16 else {
            throw EncoderError(.usage, location: "--llm-int8", "the encoder's int8 matmul runs the textbook convention in float32 with float16 outliers")
        }
        do {
            try configuration.validate()
        } catch {
            throw EncoderError(.usage, location: "--llm-int8", "\(error)")
        }
        self.configuration = configuration
    }

    /// Returns C (n × m), plus `bias` (m values) added in float32 when given.
    public func multiply(_ a: UnsafePointer<Float>, rows n: Int, inner k: Int, _ b: UnsafePointer<Float>, columns m: Int,
                         bias: UnsafePointer<Float>?, into c: UnsafeMutablePointer<Float>) {
        let limit = Float(configuration.limit)
        let isVectorwise = configuration.scheme == .vectorwise
        // 1. Outlier columns of A.
        var isOutlier = [Bool](repeating: false, count: k)
        if let threshold = configuration.outlierThreshold, threshold > 0 {
            for index in 0..<n * k where Double(abs(a[index])) >= threshold { isOutlier[index % k] = true }
        }
        let outliers = (0..<k).filter { isOutlier[$0] }
        // 2. Absmax per row of A / column of B (or per tensor), outside the outlier columns.
        var absmaxA = [Float](repeating: 0, count: isVectorwise ? n : 1)
        for i in 0..<n {
            var value: Float = 0
            for p in 0..<k where !isOutlier[p] { value = max(value, abs(a[i * k + p])) }
            absmaxA[isVectorwise ? i : 0] = max(absmaxA[isVectorwise ? i : 0], value)
        }
        var absmaxB = [Float](repeating: 0, count: isVectorwise ? m : 1)
        for p in 0..<k where !isOutlier[p] {
            for j in 0..<m {
                let group = isVectorwise ? j : 0
                absmaxB[group] = max(absmaxB[group], abs(b[p * m + j]))
            }
        }
        let scaleA = absmaxA.map { $0 / limit }
        let scaleB = absmaxB.map { $0 / limit }
        // 3. Quantize.
        func quantize(_ x: Float, _ scale: Float) -> Int32 {
            if scale == 0 { return 0 }
            let q = (x / scale).rounded(.toNearestOrEven)
            return Int32(min(max(q, -limit), limit))
        }
        var qA = [Int32](repeating: 0, count: n * k)
        for i in 0..<n {
            let scale = scaleA[isVectorwise ? i : 0]
            for p in 0..<k where !isOutlier[p] { qA[i * k + p] = quantize(a[i * k + p], scale) }
        }
        var qB = [Int32](repeating: 0, count: k * m)
        for p in 0..<k where !isOutlier[p] {
            for j in 0..<m { qB[p * m + j] = quantize(b[p * m + j], scaleB[isVectorwise ? j : 0]) }
        }
        // 4. Exact integer accumulation (|acc| ≤ k · 127² fits int32 for k < 133,000) and
        //    dequantization in float32.
        qA.withUnsafeBufferPointer { qa in
            qB.withUnsafeBufferPointer { qb in
                for i in 0..<n {
                    var j = 0
                    while j < m {
                        let width = min(8, m - j)
                        var acc = SIMD8<Int32>()
                        for p in 0..<k {
                            let left = qa[i * k + p]
                            if left == 0 { continue }
                            var right = SIMD8<Int32>()
                            for lane in 0..<width { right[lane] = qb[p * m + j + lane] }
                            acc &+= right &* left
                        }
                        for lane in 0..<width {
                            let column = j + lane
                            let outer = scaleA[isVectorwise ? i : 0] * scaleB[isVectorwise ? column : 0]
                            c[i * m + column] = Float(acc[lane]) * outer
                        }
                        j += 8
                    }
                }
            }
        }
        // 5. Outlier columns in float16: every product and sum rounded, from zero in k order.
        if !outliers.isEmpty {
            for i in 0..<n {
                for j in 0..<m {
                    var sum: Float = 0
                    for p in outliers {
                        let term = half.round(half.round(a[i * k + p]) * half.round(b[p * m + j]))
                        sum = half.round(sum + term)
                    }
                    c[i * m + j] += sum
                }
            }
        }
        if let bias {
            for i in 0..<n { for j in 0..<m { c[i * m + j] += bias[j] } }
        }
    }

    /// Array convenience: returns C (n × m).
    public func multiply(_ a: [Float], rows n: Int, inner k: Int, _ b: [Float], columns m: Int) -> [Float] {
        var c = [Float](repeating: 0, count: n * m)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    multiply(ap.baseAddress!, rows: n, inner: k, bp.baseAddress!, columns: m, bias: nil, into: cp.baseAddress!)
                }
            }
        }
        return c
    }
}
