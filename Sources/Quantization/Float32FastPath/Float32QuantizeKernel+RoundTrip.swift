extension Float32QuantizeKernel {
    /// Quantizes float32 `values` (rows × columns, row-major) and writes the dequantized x̂
    /// into `decoded`: the same bits, storage and clamped count as ``quantize(_:_:path:)``
    /// followed by reading its result, without the result's wide copies (Int64 elements,
    /// UInt64 codes, the float64 metrics). The model reports run every lab scheme through it.
    ///
    ///     // absmax int8 by row over 4 × 384 values: storageBits 4 × (384 × 8 + 32) = 12416
    ///
    /// The fast kernel runs when it covers the configuration (as in ``quantize(_:_:path:)``);
    /// otherwise, and on any error, the soft-float path runs, so results and messages are its.
    ///
    /// - Throws: ``QuantizationError`` as ``quantize(_:_:path:)`` throws it.
    public static func roundTrip(_ values: UnsafeBufferPointer<Float>, rows: Int, columns: Int, configuration: QuantizationConfiguration,
                                 into decoded: UnsafeMutableBufferPointer<Float>) throws(QuantizationError) -> (storageBits: Int, clampedCount: Int) {
        precondition(values.count == rows * columns && decoded.count == values.count, "values and decoded must hold rows × columns")
        var resolved = configuration
        resolved.convention = configuration.resolvedConvention
        if (try? configuration.validate()) != nil, let kernel = Float32QuantizeKernel(configuration: resolved),
           let fast = values.withMemoryRebound(to: UInt32.self, { source in try? kernel.quantize(source, rows: rows, columns: columns) }) {
            decoded.withMemoryRebound(to: UInt32.self) { kernel.dequantize(fast, into: $0) }
            let bits = QuantizationResult.storageBits(
                elementCount: values.count, elementKind: kernel.elementKind, groups: fast.scales.count,
                metadataBits: kernel.metadataBits, scaleFormat: kernel.scaleFormat,
                doubleQuantization: nil, hasTensorScale: fast.tensorScale != nil)
            return (bits, fast.clampedCount)
        }
        let matrix = try Matrix(rows: rows, columns: columns, format: .float32, codes: values.map { UInt64($0.bitPattern) })
        let result = try Quantization.quantize(matrix, configuration)
        for index in 0..<values.count {
            decoded[index] = Float(bitPattern: UInt32(truncatingIfNeeded: result.dequantized.codes[index]))
        }
        // bits per parameter is an integer bit count over the element count.
        return (Int((result.metrics.bitsPerParameter * Double(values.count)).rounded()), result.metrics.clampedCount)
    }
}
