import SoftFloat

/// NF4 and bitsandbytes-FP4 under the textbook convention: blockwise absmax (per row), then
/// n = x / absmax (one compute-format division) and the exactly nearest entry of the table
/// (rounded to the compute format), ties to the lower value; x̂ = table[code] × absmax in the
/// compute format, absmax being the (optionally double-quantized) block scale. The
/// bitsandbytes convention is ``BitsandbytesCodebookKernel``.
///
///     // Block [1, 0.03979014977812767], NF4: n₁ is exactly halfway between 0 and
///     // 0.0795803 → code 7 (0.0).
struct CodebookKernel {
    let compute: ComputeFormat
    let configuration: QuantizationConfiguration
    let codebook: Codebook

    init(configuration: QuantizationConfiguration, codebook: Codebook) {
        self.configuration = configuration
        self.compute = ComputeFormat(configuration.compute)
        self.codebook = codebook
    }

    func run(input: Matrix, layout: GroupLayout) throws(QuantizationError) -> KernelOutput {
        var output = KernelOutput(
            count: input.count, groups: layout.groupCount, scaleFormat: compute.format,
            elementKind: .codebookIndex(codebook))
        let table = self.table
        let sorted = codebook.sortedTable(in: compute)
        let maximumMagnitude = codebook.maximumMagnitude
        for group in 0..<layout.groupCount {
            var absmax = compute.zero
            layout.forEachElement(of: group) { index in
                absmax = compute.maximum(absmax, compute.magnitude(input.codes[index]))
            }
            output.scales[group] = absmax
            layout.forEachElement(of: group) { index in
                let x = input.codes[index]
                let normalized = compute.isZero(absmax) ? 0 : compute.double(compute.divide(x, absmax))
                let code = Codebook.nearestCode(normalized, sortedValues: sorted.values, sortedCodes: sorted.codes)
                if abs(normalized) > maximumMagnitude { output.clampedCount += 1 }
                output.quantized[index] = Int64(code)
            }
        }
        var usedScales = output.scales
        if configuration.doubleQuantization {
            let state = doubleQuantize(output.scales)
            output.doubleQuantization = state
            usedScales = dequantizeScales(state)
            output.scales = usedScales
        }
        for group in 0..<layout.groupCount {
            let scale = usedScales[group]
            layout.forEachElement(of: group) { index in
                output.dequantized[index] = dequantize(output.quantized[index], scale: scale, table: table)
            }
        }
        return output
    }

    /// The codebook's entries rounded to the compute format, indexed by code.
    var table: [UInt64] { codebook.values.map { compute.converting($0, from: .float32) } }

    /// x̂ = table[code] × absmax in the compute format (`absmax` after double quantization):
    /// the one formula of `quantize` and ``QuantizedMatrix/dequantized()``.
    ///
    ///     // NF4 code 15 (1.0), absmax 2.5 → 2.5
    @inline(__always)
    func dequantize(_ code: Int64, scale: UInt64, table: [UInt64]) -> UInt64 {
        compute.multiply(table[Int(code)], scale)
    }

    /// bitsandbytes' `compress_statistics`: offset = mean, then blockwise 8-bit dynamic map.
    func doubleQuantize(_ scales: [UInt64]) -> DoubleQuantizationState {
        let blockSize = 256
        var sum = compute.zero
        for scale in scales { sum = compute.add(sum, scale) }
        let offset = compute.divide(sum, compute.integer(Int64(scales.count)))
        let centered = scales.map { compute.subtract($0, offset) }
        let map = DynamicMap.values.map { compute.converting($0, from: .float32) }
        var codes = [Int](repeating: 0, count: scales.count)
        var secondScales: [UInt64] = []
        var start = 0
        while start < centered.count {
            let end = min(start + blockSize, centered.count)
            var blockMaximum = compute.zero
            for index in start..<end { blockMaximum = compute.maximum(blockMaximum, compute.magnitude(centered[index])) }
            secondScales.append(blockMaximum)
            let reciprocal = compute.divide(compute.one, blockMaximum)
            for index in start..<end {
                codes[index] = DynamicMap.quantize(compute.multiply(centered[index], reciprocal), table: map, compute: compute)
            }
            start = end
        }
        return DoubleQuantizationState(codes: codes, secondScales: secondScales, offset: offset, blockSize: blockSize)
    }

    /// a' = map[code] × secondScale + offset, in the compute format.
    func dequantizeScales(_ state: DoubleQuantizationState) -> [UInt64] {
        let map = DynamicMap.values.map { compute.converting($0, from: .float32) }
        return state.codes.enumerated().map { index, code in
            compute.add(compute.multiply(map[code], state.secondScales[index / state.blockSize]), state.offset)
        }
    }
}
