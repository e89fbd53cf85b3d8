import SoftFloat

/// Computes C = A · B the LLM.int8 way, every floating-point step in the compute format.
///
/// textbook (tutorial 004, LLM.int8 paper):
///
///     O        = columns of A with any |a| ≥ threshold            (none without a threshold)
///     S_A[i]   = max_{k ∉ O} |A[i,k]| / 127    (vectorwise; one S_A for tensorwise)
///     S_B[j]   = max_{k ∉ O} |B[k,j]| / 127
///     qA, qB   = round(A / S_A), round(B / S_B)   half-even; 0 in O
///     acc[i,j] = Σ_k qA[i,k]·qB[k,j]              exact, must fit int32
///     C_int8   = acc × (S_A[i] × S_B[j])          = acc · absmax_A ⊗ absmax_B / 127²
///     C_fp16   = A[:, O] · B[O, :]                float16: every product and sum rounded
///     C        = C_int8 + C_fp16
///
/// bitsandbytes (0.50's CPU/default backend, `int8_vectorwise_quant` + `int8_mm_dequant` +
/// `int8_mixed_scaled_mm`): the outlier *elements* are zeroed before the row absmax, so the
/// rest of an outlier column still counts; qA = round(A · (127/absmax)); B is quantized
/// whole; C_int8 = acc × (absmax_A × absmax_B) × 6.200124e-05 (that backend's constant —
/// 1/127² is 6.2000124e-05, which its CUDA kernel uses as 6.200012e-05f); the outlier part
/// multiplies A's outlier columns by the *dequantized* int8 rows of B
/// (q × absmax × 7.874015718698502e-3, rounded to the input format) and adds it to C.
/// Its row and column statistics are float32 tensors, so every one of those steps happens
/// in **float32** whatever the input format (float16, bfloat16 or float32): the int32
/// accumulator is converted to float32, scaled in float32, and only C is rounded to the
/// input format (`out.to(dtype)`). The outlier part is torch's CPU `addmm` in the input
/// format, which sums the products in float32; it is modelled as C + Σ_k in k order,
/// rounded once (torch's summation order differs in about one output in a thousand).
/// In float16, acc = 34446 with absmax 3.1 and 2.77 gives 34446 × 8.587 × 6.2e-05 ≈ 18.34
/// (finite), where a float16 accumulator step would overflow (34446 > 65504 is false, but
/// 34446 × 8.587 = 295,788 is).
///
/// Tutorial 004 in float32, textbook: A = [[0.1, −0.5], [1.2, −3]], B = [[2.5, 1], [−1, 0.5]]
/// gives qA = [[25, −127], [51, −127]], qB = [[127, 127], [−51, 64]], acc = [[9652, −4953],
/// [12954, −1651]] and C ≈ [[0.748031, −0.153543], [6.023622, −0.307087]] against the exact
/// [[0.75, −0.15], [6, −0.3]].
struct IntegerMatmul {
    let configuration: MatmulConfiguration
    let compute: ComputeFormat
    /// The format of the scale and dequantization steps: the compute format (textbook), or
    /// float32 (bitsandbytes, whose statistics are float32 tensors).
    let steps: ComputeFormat

    init(configuration: MatmulConfiguration) {
        self.configuration = configuration
        self.compute = ComputeFormat(configuration.compute)
        self.steps = configuration.convention == .bitsandbytes ? ComputeFormat(.float32) : compute
    }

    func run(a: Matrix, b: Matrix) throws(QuantizationError) -> MatmulResult {
        let rows = a.rows
        let inner = a.columns
        let columns = b.columns
        let limit = configuration.limit
        let isBitsandbytes = configuration.convention == .bitsandbytes
        let isVectorwise = configuration.scheme == .vectorwise
        // The inputs in the steps format (exact: bitsandbytes' inputs are at most float32).
        let codesA = a.codes.map { steps.converting($0, from: compute.format) }
        let codesB = b.codes.map { steps.converting($0, from: compute.format) }

        // 1. Outlier columns of A.
        var isOutlierElement = [Bool](repeating: false, count: a.count)
        var isOutlierColumn = [Bool](repeating: false, count: inner)
        if let threshold = configuration.outlierThreshold, threshold > 0 {
            for index in 0..<a.count where abs(compute.double(a.codes[index])) >= threshold {
                isOutlierElement[index] = true
                isOutlierColumn[index % inner] = true
            }
        }
        let outlierColumns = (0..<inner).filter { isOutlierColumn[$0] }

        // 2. Absmax of A per row (or overall) and of B per column (or overall).
        func includedInA(_ index: Int) -> Bool {
            isBitsandbytes ? !isOutlierElement[index] : !isOutlierColumn[index % inner]
        }
        func includedInB(_ index: Int) -> Bool {
            isBitsandbytes || !isOutlierColumn[index / columns]
        }
        var absmaxA = [UInt64](repeating: steps.zero, count: isVectorwise ? rows : 1)
        for index in 0..<a.count where includedInA(index) {
            let group = isVectorwise ? index / inner : 0
            absmaxA[group] = steps.maximum(absmaxA[group], steps.magnitude(codesA[index]))
        }
        var absmaxB = [UInt64](repeating: steps.zero, count: isVectorwise ? columns : 1)
        for index in 0..<b.count where includedInB(index) {
            let group = isVectorwise ? index % columns : 0
            absmaxB[group] = steps.maximum(absmaxB[group], steps.magnitude(codesB[index]))
        }

        // 3. Quantize.
        let limitCode = steps.integer(limit)
        var clamped = 0
        func parameters(_ absmax: UInt64) throws(QuantizationError) -> (scale: UInt64, multiplier: UInt64?) {
            if steps.isZero(absmax) { return (isBitsandbytes ? absmax : steps.zero, nil) }
            if isBitsandbytes {
                let factor = steps.bitsandbytesFactor(limit: limit, absmax: absmax)
                guard steps.isFinite(factor) else {
                    throw .invalidScale(group: 0, detail: "\(limit) / absmax overflows \(steps.format.name)")
                }
                return (absmax, factor)
            }
            let scale = steps.divide(absmax, limitCode)
            guard steps.isFinite(scale), !steps.isZero(scale) else {
                throw .invalidScale(group: 0, detail: "absmax / \(limit) underflows \(steps.format.name)")
            }
            return (scale, nil)
        }
        let parametersA = try absmaxA.map { (absmax) throws(QuantizationError) in try parameters(absmax) }
        let parametersB = try absmaxB.map { (absmax) throws(QuantizationError) in try parameters(absmax) }
        func quantizeElement(_ x: UInt64, _ parameters: (scale: UInt64, multiplier: UInt64?), _ isZeroScale: Bool) -> Int64 {
            if isZeroScale { return 0 }
            let value = parameters.multiplier.map { steps.multiply(x, $0) } ?? steps.divide(x, parameters.scale)
            let q = steps.integerValue(steps.roundToIntegral(value)) ?? 0
            if q > limit || q < -limit {
                clamped += 1
                return min(max(q, -limit), limit)
            }
            return q
        }
        var quantizedA = [Int64](repeating: 0, count: a.count)
        for index in 0..<a.count where includedInA(index) && !isOutlierColumn[index % inner] {
            let group = isVectorwise ? index / inner : 0
            quantizedA[index] = quantizeElement(codesA[index], parametersA[group], steps.isZero(absmaxA[group]))
        }
        var quantizedB = [Int64](repeating: 0, count: b.count)
        for index in 0..<b.count where includedInB(index) {
            let group = isVectorwise ? index % columns : 0
            quantizedB[index] = quantizeElement(codesB[index], parametersB[group], steps.isZero(absmaxB[group]))
        }

        // 4. Integer accumulation (exact) and dequantization; C rounded to the compute format.
        let bitsandbytesConstant = steps.constant("6.200124e-05")
        var accumulators = [Int64](repeating: 0, count: rows * columns)
        var product = [UInt64](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                var sum: Int64 = 0
                for k in 0..<inner { sum += quantizedA[row * inner + k] * quantizedB[k * columns + column] }
                guard sum >= Int64(Int32.min), sum <= Int64(Int32.max) else {
                    throw .accumulatorOverflow(row: row, column: column, value: sum)
                }
                accumulators[row * columns + column] = sum
                let scaleA = parametersA[isVectorwise ? row : 0].scale
                let scaleB = parametersB[isVectorwise ? column : 0].scale
                let outer = steps.multiply(scaleA, scaleB)
                var value = steps.multiply(steps.integer(sum), outer)
                if isBitsandbytes { value = steps.multiply(value, bitsandbytesConstant) }
                product[row * columns + column] = compute.converting(value, from: steps.format)
            }
        }

        // 5. The outlier columns: textbook in the outlier format (every product and sum
        //    rounded); bitsandbytes as torch's addmm in the compute format (float32 sums).
        if !outlierColumns.isEmpty {
            let half = ComputeFormat(configuration.outlierPathFormat)
            let accumulation = isBitsandbytes ? steps : half
            let reciprocal = steps.constant("7.874015718698502e-3")
            for row in 0..<rows {
                for column in 0..<columns {
                    let index = row * columns + column
                    var sum = isBitsandbytes ? accumulation.converting(product[index], from: compute.format) : half.zero
                    for k in outlierColumns {
                        let left = compute.convert(a[row, k], to: half.format).bits
                        let right: UInt64
                        if isBitsandbytes {
                            let dequantized = steps.multiply(
                                steps.multiply(steps.integer(quantizedB[k * columns + column]), parametersB[isVectorwise ? column : 0].scale),
                                reciprocal)
                            right = steps.convert(dequantized, to: half.format).bits
                        } else {
                            right = compute.convert(b[k, column], to: half.format).bits
                        }
                        let term = accumulation.multiply(accumulation.converting(left, from: half.format), accumulation.converting(right, from: half.format))
                        sum = accumulation.add(sum, term)
                    }
                    product[index] = isBitsandbytes
                        ? accumulation.convert(sum, to: compute.format).bits
                        : compute.add(product[index], compute.converting(sum, from: half.format))
                }
            }
        }

        // 6. The float64 reference and the metrics.
        var reference = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                var sum = 0.0
                for k in 0..<inner { sum += compute.double(a[row, k]) * compute.double(b[k, column]) }
                reference[row * columns + column] = sum
            }
        }
        let productMatrix = try Matrix(rows: rows, columns: columns, format: compute.format, codes: product)
        let overflowed = product.count(where: { !compute.isFinite($0) })
        let outlierCount = outlierColumns.count
        let scaleBits = isBitsandbytes ? steps.format.bitWidth : compute.format.bitWidth
        let outlierBits = configuration.outlierPathFormat.bitWidth
        var storage = (a.count - rows * outlierCount) * configuration.bits + rows * outlierCount * outlierBits
        storage += (isBitsandbytes ? b.count : b.count - outlierCount * columns) * configuration.bits
        storage += isBitsandbytes ? 0 : outlierCount * columns * outlierBits
        storage += (absmaxA.count + absmaxB.count) * scaleBits
        let metrics = ErrorMetrics(
            reference: reference, approximation: productMatrix.doubleValues, clampedCount: clamped,
            bitsPerParameter: Double(storage) / Double(a.count + b.count))
        return MatmulResult(
            configuration: configuration, a: a, b: b, product: productMatrix, reference: reference,
            outlierColumns: outlierColumns, quantizedA: quantizedA, quantizedB: quantizedB,
            scalesA: parametersA.map { compute.converting($0.scale, from: steps.format) },
            scalesB: parametersB.map { compute.converting($0.scale, from: steps.format) },
            accumulators: accumulators, overflowCount: overflowed, metrics: metrics)
    }
}

/// Multiplies A (m × k) by B (k × n) through integers, LLM.int8 style.
///
///     let a = try Matrix(rows: 2, columns: 2, format: .float32, values: ["0.1", "-0.5", "1.2", "-3.0"])
///     let b = try Matrix(rows: 2, columns: 2, format: .float32, values: ["2.5", "1.0", "-1.0", "0.5"])
///     let result = try matmul(a, b, MatmulConfiguration(scheme: .vectorwise))
///     result.accumulators   // [9652, -4953, 12954, -1651]
///
/// - Throws: ``QuantizationError/matmulShapeMismatch(aRows:aColumns:bRows:bColumns:)`` when
///   A's columns ≠ B's rows; non-finite or overflowing inputs, an invalid configuration, or an
///   int32 accumulator overflow.
public func matmul(_ a: Matrix, _ b: Matrix, _ configuration: MatmulConfiguration) throws(QuantizationError) -> MatmulResult {
    try configuration.validate()
    guard a.columns == b.rows else {
        throw .matmulShapeMismatch(aRows: a.rows, aColumns: a.columns, bRows: b.rows, bColumns: b.columns)
    }
    let castA = try a.cast(to: configuration.compute)
    let castB = try b.cast(to: configuration.compute)
    return try IntegerMatmul(configuration: configuration).run(a: castA, b: castB)
}
