import FastKernels
import Foundation

extension BertEncoder {
    /// Runs the encoder on one text's token ids (at most `maxPositions`).
    ///
    /// - Parameters:
    ///   - arithmetic: the compute and accumulation formats; with anything but float32 the
    ///     parameters should already be rounded to the compute format (``rounded(_:)``,
    ///     which ``SentenceEncoder`` does once per format).
    ///   - int8: when given, every Linear layer runs through this int8 matmul (LLM.int8 with a
    ///     threshold); the attention products stay in `arithmetic`.
    ///   - threads: splits each matmul's output columns; 1 for the experiment, which splits
    ///     over texts instead.
    ///   - keepHiddenStates: record the embeddings' output and every layer's output.
    public func encode(_ ids: [Int], arithmetic: EncoderArithmetic = .float32, int8: Int8Matmul? = nil,
                       threads: Int = 1, keepHiddenStates: Bool = false) -> EncoderOutput {
        let h = configuration.hiddenSize
        let n = ids.count
        precondition(n >= 1 && n <= configuration.maxPositions)
        var hidden = [Float](repeating: 0, count: n * h)
        for t in 0..<n {
            for d in 0..<h {
                let sum = arithmetic.roundResult(wordEmbeddings[ids[t] * h + d] + tokenTypeEmbeddings[d])
                hidden[t * h + d] = arithmetic.roundResult(sum + positionEmbeddings[t * h + d])
            }
        }
        layerNorm(&hidden, n, embeddingNorm, arithmetic)
        var states = keepHiddenStates ? [hidden] : []
        for layer in layers {
            hidden = block(layer, hidden, n, arithmetic, int8, threads)
            if keepHiddenStates { states.append(hidden) }
        }
        // Mean pooling over every token (the mask is all ones), then x / max(‖x‖, 1e-12).
        var pooled = [Float](repeating: 0, count: h)
        for t in 0..<n { for d in 0..<h { pooled[d] += hidden[t * h + d] } }
        for d in 0..<h { pooled[d] /= Float(n) }
        arithmetic.roundResults(&pooled)
        var squares: Float = 0
        for v in pooled { squares += v * v }
        let norm = max(squares.squareRoot(), 1e-12)
        return EncoderOutput(embedding: pooled.map { $0 / norm }, hiddenStates: states)
    }

    /// One transformer block.
    func block(_ layer: EncoderLayer, _ input: [Float], _ n: Int, _ arithmetic: EncoderArithmetic,
               _ int8: Int8Matmul?, _ threads: Int) -> [Float] {
        let h = configuration.hiddenSize
        let heads = configuration.heads
        let size = configuration.headSize
        let q = linear(layer.query, input, n, arithmetic, int8, threads)
        let k = linear(layer.key, input, n, arithmetic, int8, threads)
        let v = linear(layer.value, input, n, arithmetic, int8, threads)
        var context = [Float](repeating: 0, count: n * h)
        let scale = Float(size).squareRoot()
        var qh = [Float](repeating: 0, count: n * size)
        var khT = [Float](repeating: 0, count: size * n)
        var vh = [Float](repeating: 0, count: n * size)
        for head in 0..<heads {
            for t in 0..<n {
                for d in 0..<size {
                    qh[t * size + d] = q[t * h + head * size + d]
                    khT[d * n + t] = k[t * h + head * size + d]
                    vh[t * size + d] = v[t * h + head * size + d]
                }
            }
            var scores = DenseMatmul.multiply(qh, rows: n, inner: size, khT, columns: n, arithmetic: arithmetic)
            for index in scores.indices { scores[index] = arithmetic.roundResult(scores[index] / scale) }
            for row in 0..<n {
                var largest = -Float.infinity
                for column in 0..<n { largest = max(largest, scores[row * n + column]) }
                var total: Float = 0
                for column in 0..<n {
                    let e = exp(scores[row * n + column] - largest)
                    scores[row * n + column] = e
                    total += e
                }
                for column in 0..<n { scores[row * n + column] = arithmetic.roundResult(scores[row * n + column] / total) }
            }
            let mixed = DenseMatmul.multiply(scores, rows: n, inner: n, vh, columns: size, arithmetic: arithmetic)
            for t in 0..<n { for d in 0..<size { context[t * h + head * size + d] = mixed[t * size + d] } }
        }
        var attended = linear(layer.attentionOutput, context, n, arithmetic, int8, threads)
        for index in attended.indices { attended[index] = arithmetic.roundResult(attended[index] + input[index]) }
        layerNorm(&attended, n, layer.attentionNorm, arithmetic)
        var inner = linear(layer.intermediate, attended, n, arithmetic, int8, threads)
        let invSqrt2 = Float(0.5).squareRoot()
        for index in inner.indices {
            let x = inner[index]
            inner[index] = arithmetic.roundResult(0.5 * x * (1 + erf(x * invSqrt2)))
        }
        var output = linear(layer.output, inner, n, arithmetic, int8, threads)
        for index in output.indices { output[index] = arithmetic.roundResult(output[index] + attended[index]) }
        layerNorm(&output, n, layer.outputNorm, arithmetic)
        return output
    }

    /// y = x · Wᵀ + b for n rows.
    func linear(_ layer: LinearLayer, _ x: [Float], _ n: Int, _ arithmetic: EncoderArithmetic,
                _ int8: Int8Matmul?, _ threads: Int) -> [Float] {
        let m = layer.outputs
        let k = layer.inputs
        var y = [Float](repeating: 0, count: n * m)
        x.withUnsafeBufferPointer { xp in
            layer.transposed.withUnsafeBufferPointer { wp in
                layer.bias.withUnsafeBufferPointer { bp in
                    y.withUnsafeMutableBufferPointer { yp in
                        let xa = xp.baseAddress!, wa = wp.baseAddress!, ba = bp.baseAddress!
                        let ya = UncheckedPointer(yp.baseAddress!)
                        if let int8 {
                            int8.multiply(xa, rows: n, inner: k, wa, columns: m, bias: ba, into: ya.pointer)
                            return
                        }
                        let slices = ParallelSplit.slices(count: m, threads: threads, granule: 16)
                        let (xs, ws, bs) = (UncheckedPointer(UnsafeMutablePointer(mutating: xa)), UncheckedPointer(UnsafeMutablePointer(mutating: wa)), UncheckedPointer(UnsafeMutablePointer(mutating: ba)))
                        ParallelSplit.run(slices: slices.count) { slice in
                            DenseMatmul.multiply(xs.pointer, rows: n, inner: k, ws.pointer, columns: m, bias: bs.pointer,
                                                 into: ya.pointer, arithmetic: arithmetic, columnRange: slices[slice])
                        }
                    }
                }
            }
        }
        return y
    }

    /// LayerNorm of each row in float32 (mean, then the mean square of the deviations), the
    /// result rounded to the compute format.
    func layerNorm(_ x: inout [Float], _ n: Int, _ parameters: LayerNormParameters, _ arithmetic: EncoderArithmetic) {
        let h = configuration.hiddenSize
        let epsilon = configuration.layerNormEpsilon
        for t in 0..<n {
            var sum: Float = 0
            for d in 0..<h { sum += x[t * h + d] }
            let mean = sum / Float(h)
            var squares: Float = 0
            for d in 0..<h {
                let deviation = x[t * h + d] - mean
                squares += deviation * deviation
            }
            let inverse = 1 / (squares / Float(h) + epsilon).squareRoot()
            for d in 0..<h {
                let normalized = (x[t * h + d] - mean) * inverse
                x[t * h + d] = arithmetic.roundResult(normalized * parameters.scale[d] + parameters.shift[d])
            }
        }
    }
}
