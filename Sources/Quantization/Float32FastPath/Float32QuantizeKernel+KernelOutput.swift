import SoftFloat

extension Float32QuantizeKernel {
    /// Runs the kernel on a matrix already cast to float32 and widens the result to the
    /// soft-float kernels' ``KernelOutput`` (Int64 elements, UInt64 codes), so
    /// ``quantize(_:_:path:)`` builds the same ``QuantizationResult`` from either path.
    func kernelOutput(input: Matrix) throws(QuantizationError) -> KernelOutput {
        precondition(input.format == .float32, "the fast path reads float32 codes")
        let bits = input.codes.map { UInt32(truncatingIfNeeded: $0) }
        let result: Result<Float32QuantizeOutput, QuantizationError> = bits.withUnsafeBufferPointer { source in
            Result { () throws(QuantizationError) in try quantize(source, rows: input.rows, columns: input.columns) }
        }
        let fast = try result.get()
        let dequantized = dequantize(fast)
        var output = KernelOutput(count: input.count, groups: fast.scales.count, scaleFormat: scaleFormat, elementKind: elementKind)
        output.quantized = (0..<input.count).map { fast.quantized(at: $0) }
        output.scales = fast.scales.map { UInt64($0) }
        output.zeroPoints = fast.zeroPoints.map { Int64($0) }
        output.dequantized = dequantized.map { UInt64($0) }
        output.clampedCount = fast.clampedCount
        output.tensorScale = fast.tensorScale.map { UInt64($0) }
        output.metadataBits = metadataBits
        return output
    }

    /// Bits stored per group beside its scale: the zero point's width for zeropoint (an int8
    /// zero point: 8), else 0.
    var metadataBits: Int { configuration.scheme == .zeroPoint ? configuration.bits : 0 }

    /// What the stored elements mean, as the soft-float kernels report it.
    var elementKind: QuantizedElementKind {
        switch plan {
        case .integer: return .integer(bits: configuration.bits)
        case .codebook(let kernel): return .codebookIndex(kernel.codebook)
        case .mx(let kernel): return .float(kernel.format)
        case .fp8Block: return .float(.float8_e4m3fn)
        case .nvfp4: return .float(.float4_e2m1fn)
        }
    }
}
