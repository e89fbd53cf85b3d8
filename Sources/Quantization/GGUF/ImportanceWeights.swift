/// How ggml turns an importance matrix (one weight per column, from llama-imatrix) into the
/// per-element weights of its scale searches: w[i] = imatrix[i] · √(σ² + x[i]²), where σ² is
/// a mean square of the inputs (over the row for the legacy types, over the 256-element
/// super-block for the K-quants, doubled for Q3_K … Q5_K and IQ4).
enum ImportanceWeights {
    /// σ² = Σ x² / count, summed left to right in float32 (`sum_x2/n_per_row`).
    static func rowMeanSquare(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var sum: Float = 0
        for j in 0..<count { sum += x[j] * x[j] }
        return sum / Float(count)
    }

    /// Σ x² over `count` elements, left to right in float32.
    static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var sum: Float = 0
        for j in 0..<count { sum += x[j] * x[j] }
        return sum
    }

    /// The importance-weighted loop of the legacy types (Q4_0 … Q5_1): σ² = the row's mean
    /// square, then for each 32-element block its weights (``fill(_:_:_:count:sigma2:)``),
    /// handed to `body(block, xb, weights)`.
    static func forEachLegacyBlock(_ x: UnsafePointer<Float>, count: Int, importance: UnsafePointer<Float>,
                                   _ body: (_ block: Int, _ xb: UnsafePointer<Float>, _ weights: UnsafePointer<Float>) -> Void) {
        let sigma2 = rowMeanSquare(x, count: count)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 32) { weight in
            for block in 0..<(count / 32) {
                let xb = x + 32 * block
                fill(weight.baseAddress!, importance + 32 * block, xb, count: 32, sigma2: sigma2)
                body(block, xb, UnsafePointer(weight.baseAddress!))
            }
        }
    }

    /// weight[j] = importance[j] · √(σ² + x[j]²) (sqrtf, correctly rounded); returns Σ weight[j],
    /// summed left to right in float32 (the K-quants' `sw[j]`, the weight of a sub-block's scale).
    @inline(__always) @discardableResult
    static func fill(_ weight: UnsafeMutablePointer<Float>, _ importance: UnsafePointer<Float>, _ x: UnsafePointer<Float>, count: Int, sigma2: Float) -> Float {
        var sum: Float = 0
        for j in 0..<count {
            weight[j] = importance[j] * (sigma2 + x[j] * x[j]).squareRoot()
            sum += weight[j]
        }
        return sum
    }
}
