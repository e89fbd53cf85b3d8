import SoftFloat

extension Float32QuantizeKernel {
    /// Compares a fast result with the soft-float kernels on some rows of the input, and returns
    /// the first difference (nil when every checked bit agrees).
    ///
    ///     let sample = [0, 17, 4095]
    ///     if let problem = kernel.firstMismatch(input: bits, output: output, dequantized: xhat, sampleRows: sample) {
    ///         throw BenchmarkError.mismatch(problem)
    ///     }
    ///
    /// The soft-float path runs on the matrix made of the sampled rows. Groups never span rows
    /// except per tensor, whose scale and zero point depend only on the tensor's minimum,
    /// maximum and largest magnitude; for it the rows holding those (found here by a plain
    /// scalar scan) join the sample, so the sample's group parameters are the whole tensor's.
    /// Checked: every element, x̂ bit pattern, scale and zero point of the sampled rows, and the
    /// clamped count of the fast kernel run on the sample itself.
    ///
    /// - Parameters:
    ///   - input: the float32 bit patterns that were quantized (rows × columns, row-major).
    ///   - output: what ``quantize(_:into:threads:)`` wrote.
    ///   - dequantized: what ``dequantize(_:into:threads:)`` wrote.
    ///   - sampleRows: rows to check (out-of-range indices are ignored).
    public func firstMismatch(
        input: UnsafeBufferPointer<UInt32>, output: Float32QuantizeOutput, dequantized: UnsafeBufferPointer<UInt32>, sampleRows: [Int]
    ) -> String? {
        let columns = output.columns
        let name = "\(configuration.scheme) \(configuration.convention) \(configuration.resolvedGranularity)"
        let singleGroup = output.scales.count == 1
        var rows = Set(sampleRows.filter { (0..<output.rows).contains($0) })
        // NVFP4's tensor scale depends on the whole matrix's amax too.
        if singleGroup || output.tensorScale != nil { rows.formUnion(extremeRows(input, rows: output.rows, columns: columns)) }
        let sample = rows.sorted()
        guard !sample.isEmpty else { return "\(name): no rows to check" }
        var codes: [UInt64] = []
        codes.reserveCapacity(sample.count * columns)
        for row in sample {
            for column in 0..<columns { codes.append(UInt64(input[row * columns + column])) }
        }
        let softFloatResult: QuantizationResult
        let fastOnSample: Float32QuantizeOutput
        do throws(QuantizationError) {
            let matrix = try Matrix(rows: sample.count, columns: columns, format: .float32, codes: codes)
            softFloatResult = try Quantization.quantize(matrix, configuration, path: .softFloat)
            fastOnSample = try codes.map { UInt32($0) }.withUnsafeBufferPointer { source in
                Result { () throws(QuantizationError) in try quantize(source, rows: sample.count, columns: columns) }
            }.get()
        } catch {
            return "\(name): the soft-float path failed on the sampled rows (\(error)) where the fast path succeeded"
        }
        let groupsPerRow = singleGroup ? 1 : output.scales.count / output.rows
        let scaleFormat = softFloatResult.scaleFormat
        for (k, row) in sample.enumerated() {
            for column in 0..<columns {
                let fast = output.quantized(at: row * columns + column)
                let slow = softFloatResult.quantized[k * columns + column]
                if fast != slow {
                    return "\(name): element [\(row), \(column)] (input 0x\(hex(input[row * columns + column]))) quantized to \(fast), the soft-float path gives \(slow)"
                }
                let fastX = UInt64(dequantized[row * columns + column])
                let slowX = softFloatResult.dequantized.codes[k * columns + column]
                if fastX != slowX {
                    return "\(name): element [\(row), \(column)] dequantized to 0x\(hex(fastX)), the soft-float path gives 0x\(hex(slowX))"
                }
            }
            for run in 0..<groupsPerRow where !(singleGroup && k > 0) {
                let fastGroup = singleGroup ? 0 : row * groupsPerRow + run
                let slowGroup = singleGroup ? 0 : k * groupsPerRow + run
                if UInt64(output.scales[fastGroup]) != softFloatResult.scales[slowGroup] {
                    return "\(name): group \(fastGroup) scale \(scaleFormat.hexString(UInt64(output.scales[fastGroup]))), the soft-float path gives \(scaleFormat.hexString(softFloatResult.scales[slowGroup]))"
                }
                if Int64(output.zeroPoints[fastGroup]) != softFloatResult.zeroPoints[slowGroup] {
                    return "\(name): group \(fastGroup) zero point \(output.zeroPoints[fastGroup]), the soft-float path gives \(softFloatResult.zeroPoints[slowGroup])"
                }
            }
        }
        if output.tensorScale.map({ UInt64($0) }) != softFloatResult.tensorScale {
            return "\(name): tensor scale \(output.tensorScale.map { "0x" + hex($0) } ?? "none"), the soft-float path gives \(softFloatResult.tensorScale.map { "0x" + hex($0) } ?? "none")"
        }
        if fastOnSample.clampedCount != softFloatResult.metrics.clampedCount {
            return "\(name): \(fastOnSample.clampedCount) elements clamped on the sampled rows, the soft-float path counts \(softFloatResult.metrics.clampedCount)"
        }
        return nil
    }

    /// Rows holding the smallest value, the largest value and the largest magnitude, found
    /// with plain `Float` comparisons (independent of the kernels' integer reductions).
    func extremeRows(_ input: UnsafeBufferPointer<UInt32>, rows: Int, columns: Int) -> [Int] {
        var smallest = (value: Float.infinity, index: 0)
        var largest = (value: -Float.infinity, index: 0)
        var widest = (value: Float(0), index: 0)
        for index in input.indices {
            let value = Float(bitPattern: input[index])
            if value < smallest.value { smallest = (value, index) }
            if value > largest.value { largest = (value, index) }
            if value.magnitude > widest.value { widest = (value.magnitude, index) }
        }
        return [smallest.index / columns, largest.index / columns, widest.index / columns]
    }

    private func hex<T: BinaryInteger>(_ value: T) -> String { String(value, radix: 16) }
}
