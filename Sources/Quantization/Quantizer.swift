import SoftFloat

/// Quantizes a matrix and dequantizes it again, reporting everything in between.
///
///     let x = try Matrix(rows: 1, columns: 8, format: .float16,
///                        values: ["1.2", "-0.5", "-4.3", "1.2", "-3.1", "0.8", "2.4", "5.4"])
///     let result = try quantize(x, QuantizationConfiguration(scheme: .absmax, compute: .float16))
///     result.scales                  // [0x2971] = 0.042510986328125
///     result.quantized               // [28, -12, -101, 28, -73, 19, 56, 127]
///     result.dequantized.doubleRows  // [[1.1904296875, -0.51025390625, -4.29296875, …, 5.3984375]]
///
/// The input is first cast to the compute format (one nearest-even rounding per element, like
/// `tensor.to(dtype)`); an element that overflows it is an error. NaN and ±∞ inputs are an
/// error for every scheme except the MX formats, where OCP MX v1.0 defines them: the block's
/// scale becomes NaN and its elements decode to NaN.
///
/// With `path` ``KernelPath/automatic`` (the default), configurations with compute format
/// float32 that ``Float32QuantizeKernel`` covers run on hardware float32, which gives the same
/// bits (see there for the proof); any error on that path is re-raised by the soft-float
/// kernels, so messages do not depend on the path. ``KernelPath/softFloat`` forces the engine.
///
/// - Parameter path: which implementation runs; both give the same result.
/// - Throws: ``QuantizationError`` for an invalid configuration, a group larger than a row,
///   non-finite input, or a scale the compute format cannot hold.
public func quantize(_ matrix: Matrix, _ configuration: QuantizationConfiguration, path: KernelPath = .automatic) throws(QuantizationError) -> QuantizationResult {
    try configuration.validate()
    var configuration = configuration
    configuration.convention = configuration.resolvedConvention
    let granularity = configuration.resolvedGranularity
    var input = matrix
    if case .mx = configuration.scheme {
        if matrix.format != configuration.compute {
            input = try matrix.castKeepingNonFinite(to: configuration.compute)
        }
    } else {
        input = try matrix.cast(to: configuration.compute)
    }
    if configuration.convention == .bitsandbytes, configuration.scheme.isCodebook,
       case .group(let blockSize) = granularity {
        // bitsandbytes blocks the flattened tensor: one row of rows × columns elements.
        if configuration.scheme == .nvfp4 { try NVFP4Kernel.checkShape(columns: input.columns) }
    let layout = try GroupLayout(granularity: granularity, rows: 1, columns: input.count, allowsPartialRows: true)
        let codebook: Codebook = configuration.scheme == .nf4 ? .nf4 : .fp4Bitsandbytes
        let output = try BitsandbytesCodebookKernel(configuration: configuration, codebook: codebook, blockSize: blockSize)
            .run(input: input, layout: layout)
        return QuantizationResult(configuration: configuration, granularity: granularity, input: input, layout: layout, output: output)
    }
    if configuration.scheme == .nvfp4 { try NVFP4Kernel.checkShape(columns: input.columns) }
    let layout = try GroupLayout(
        granularity: granularity, rows: input.rows, columns: input.columns,
        allowsPartialRows: configuration.granularity == nil || configuration.scheme.isMX)
    if path == .automatic, input.format == .float32, let kernel = Float32QuantizeKernel(configuration: configuration),
       let output = try? kernel.kernelOutput(input: input) {
        return QuantizationResult(configuration: configuration, granularity: granularity, input: input, layout: layout, output: output)
    }
    let output: KernelOutput
    switch configuration.scheme {
    case .absmax, .zeroPoint:
        output = try IntegerKernel(configuration: configuration).run(input: input, layout: layout)
    case .nf4:
        output = try CodebookKernel(configuration: configuration, codebook: .nf4).run(input: input, layout: layout)
    case .fp4Bitsandbytes:
        output = try CodebookKernel(configuration: configuration, codebook: .fp4Bitsandbytes).run(input: input, layout: layout)
    case .scaledFloat where configuration.convention == .deepseek || configuration.convention == .deepgemm:
        output = FP8BlockKernel(configuration: configuration).run(input: input, layout: layout)
    case .scaledFloat(let element) where configuration.convention == .transformerEngine:
        output = FP8CurrentScalingKernel(configuration: configuration, element: element).run(input: input, layout: layout)
    case .scaledFloat(let element):
        output = try ScaledFloatKernel(configuration: configuration, element: element).run(input: input, layout: layout)
    case .mx(let element):
        output = MXKernel(configuration: configuration, element: element).run(input: input, layout: layout)
    case .nvfp4:
        output = NVFP4Kernel(configuration: configuration).run(input: input, layout: layout)
    }
    return QuantizationResult(configuration: configuration, granularity: granularity, input: input, layout: layout, output: output)
}

/// The same as ``quantize(_:_:)`` with the configuration spelled out.
public func quantize(
    _ matrix: Matrix, scheme: QuantizationScheme, bits: Int = 8, isUnsigned: Bool = false,
    granularity: Granularity? = nil, compute: FloatFormat = .float32,
    convention: QuantizationConvention = .textbook, doubleQuantization: Bool = false
) throws(QuantizationError) -> QuantizationResult {
    try quantize(matrix, QuantizationConfiguration(
        scheme: scheme, bits: bits, isUnsigned: isUnsigned, granularity: granularity, compute: compute,
        convention: convention, doubleQuantization: doubleQuantization))
}
