import SoftFloat

/// The quantize kernels on hardware float32, for compute format float32: bit for bit the
/// soft-float kernels' q, scales, zero points, x̂ and clamped count, at memory speed.
///
///     let kernel = Float32QuantizeKernel(configuration: .init(scheme: .absmax, granularity: .row))!
///     var output = try kernel.makeOutput(rows: 4096, columns: 4096)
///     try kernel.quantize(inputBits, into: &output)        // ≈ 0.35 ms per million elements
///     output.quantized(at: 0)                              // q of element [0, 0]
///     output.scales[1]                                     // row 1's S = max|x| / 127, float32 bits
///
/// ``quantize(_:_:path:)`` uses it whenever ``init(configuration:)`` accepts the
/// configuration (``KernelPath/automatic``), so callers get the speed without asking; the
/// benchmark calls it directly on preallocated buffers.
///
/// ## Why hardware float32 is the engine, exactly
///
/// With compute format float32, the soft-float kernels do every step as one engine operation
/// with the default ``RoundingOptions``: the exact result rounded once to binary32,
/// nearest-even, gradual underflow, overflow to ±∞. IEEE 754 requires precisely that of binary32
/// +, −, ×, ÷ and √ in the default rounding direction, and x86-64 SSE arithmetic provides it:
/// MXCSR starts in round-to-nearest-even with flush-to-zero and denormals-are-zero off, and
/// neither Swift nor this package changes it. So each `Float` operation here returns the
/// engine's bits — the fast path is proven exact for this format and this mode, and is used
/// only for them (``init(configuration:)`` returns nil for any other compute format; the
/// kernels' options are always the defaults). NaN payloads, where hardware and engine may
/// differ, never reach an output: inputs are finite (MX excepted, whose NaN blocks are
/// written as constants), and the only NaN computed (bitsandbytes NF4's 0 · ∞ for an all-zero
/// block) only feeds comparisons.
///
/// The remaining steps are exact by construction:
/// - Round half to even to an integer: the magic-number addition of
///   ``Float32Bits/roundedInteger(_:)`` (one correctly rounded addition, exact for |v| ≤ 2^22).
///   Either the group provably cannot leave the integer range (checked at its extremes,
///   ``Float32IntegerKernel/Parameters/cannotClamp``) or v is first clamped to the range's
///   integer bounds, which commutes with rounding.
/// - Max, min and |x|: exact selections, no rounding. |x| clears the sign bit; the largest
///   magnitude is a `maxps` reduction (MX: an integer max of bit patterns, which order like
///   non-negative floats); min and max are `minps`/`maxps` reductions; an unordered compare
///   catches the NaN those would skip. A ±0 they may choose differently from the engine
///   changes no result (``Float32IntegerKernel``).
/// - Small integers (constants such as 127, 255/2, zero points, q) are exact float32 values.
/// - Codebook decisions and MX power-of-two scaling: ``Float32CodebookKernel``, ``Float32MXKernel``.
///
/// The order of operations is the soft-float kernels', step for step: S = amax / 127 then
/// x / S (textbook), x · float32(1 / scale) (torch), x · (127 / amax) (bitsandbytes), and so on.
/// `Float32FastPathTests` compares both paths on random matrices of every kind and every
/// covered configuration, and the `quantize …` benchmarks re-check their own 4096 × 4096
/// output against the engine before reporting a time.
///
/// ## Coverage
///
/// - absmax and zeropoint, every convention, 2 … 16 bits, signed or unsigned; granularity
///   tensor, row or group:N (contiguous groups). `column` keeps the soft-float path.
/// - NF4 and FP4 (bitsandbytes' two codebooks) under the textbook convention, without double
///   quantization (``Float32CodebookKernel``).
/// - MX with float elements: MXFP8 E4M3/E5M2, MXFP6 E2M3/E3M2, MXFP4 E2M1, every
///   ``MXScaleRounding``.
/// - FP8 E4M3 with 1 × 128 blocks, deepseek and deepgemm, float32 or UE8M0 scales
///   (``Float32FP8BlockKernel``).
/// - NVFP4 with 1 × 16 blocks, torchao (tensor scale on or off) and transformer-engine
///   (``Float32NVFP4Kernel``).
/// - Not covered (soft-float path): the bitsandbytes convention of NF4/FP4, NVFP4 16 × 16 tiles, FP8 per tensor and
///   in 128 × 128 blocks, MXINT8, double quantization, per-column groups, and every compute format other
///   than float32.
///
/// ## Storage
///
/// Input: float32 bit patterns, row-major. Elements: integers in the narrowest integer type
/// (int8/uint8, or int16/uint16 above 8 bits, little-endian), NF4 codes, MX and FP8 element
/// codes one per byte. Scales: float32 bits, or E8M0 codes for MX and UE8M0 FP8 blocks. Zero
/// points: Int32.
///
/// Threads: `threads` splits rows (or, per tensor, the two passes) over workers; results do
/// not depend on it.
///
/// ## Why it is fast
///
/// The loops are explicit `SIMD16<Float>` code for the x86-64 baseline (SSE2; no build flags
/// needed): every lane operation is a packed instruction (`divps`/`mulps`, `addps`,
/// `maxps`/`minps`, `cmpltps`, `paddd`, `packuswb`), with no branch or library call per
/// element; the choices (divide or multiply, clamp or not, fused reduction, storage) are type
/// parameters (``Float32LoopOption``), so each combination is its own straight-line loop.
/// Per row, row r is quantized while row r + 1 is reduced in the same loop, so memory reads
/// stream without pause; smaller groups are reduced in 16 KiB batches before their elements
/// are computed from L1. `objdump -d` of the per-row int8 loop
/// (`Float32IntegerKernel.elementLoop`) shows, per 16 elements: 8 `movups` loads (this row and
/// the next), 4 `andps`/`maxps`/`cmpunordps`/`orps` (the next row's reduction), 4 `divps`,
/// 8 `addps`, 4 `paddd`, `pand` + `packuswb` and one 16-byte `movups` store.
///
/// Measured on the 2-core EPYC (one thread, 4096 × 4096 N(0,1)): absmax int8 per row
/// ≈ 0.31 ns/element against ≈ 0.21 for a memcpy of the matrix, about 1.5×. Built with
/// `-target-cpu haswell` (`Scripts/build-release` on AVX2 machines) the same code runs 8
/// lanes wide, ≈ 0.25 ns/element, with identical bits (Swift never fuses a·b + c).
public struct Float32QuantizeKernel: Sendable {
    public let configuration: QuantizationConfiguration
    let plan: Plan

    enum Plan: Sendable {
        case integer(Float32IntegerKernel)
        case codebook(Float32CodebookKernel)
        case mx(Float32MXKernel)
        case fp8Block(Float32FP8BlockKernel)
        case nvfp4(Float32NVFP4Kernel)
    }

    /// The kernel for `configuration`, or nil when it is not covered (see Coverage) or invalid.
    public init?(configuration: QuantizationConfiguration) {
        guard configuration.compute == .float32, (try? configuration.validate()) != nil,
              configuration.resolvedGranularity != .column else { return nil }
        if case .block(let blockRows, let blockColumns) = configuration.resolvedGranularity {
            // FP8 1 × 128 blocks (deepseek, deepgemm) only; 128 × 128 keeps the soft-float path.
            guard configuration.scheme == .scaledFloat(.float8_e4m3fn), blockRows == 1, blockColumns == Float32FP8BlockKernel.blockSize,
                  [.deepseek, .deepgemm].contains(configuration.resolvedConvention) else { return nil }
            plan = .fp8Block(Float32FP8BlockKernel(
                convention: configuration.resolvedConvention, scaleFormat: configuration.resolvedBlockScaleFormat))
            self.configuration = configuration
            return
        }
        switch configuration.scheme {
        case .absmax, .zeroPoint:
            plan = .integer(Float32IntegerKernel(configuration: configuration))
        case .nf4, .fp4Bitsandbytes:
            guard !configuration.doubleQuantization, configuration.convention != .bitsandbytes,
                  let kernel = Float32CodebookKernel(configuration: configuration,
                                                     codebook: configuration.scheme == .nf4 ? .nf4 : .fp4Bitsandbytes) else { return nil }
            plan = .codebook(kernel)
        case .mx(let element):
            guard let kernel = Float32MXKernel(element: element, scaleRounding: configuration.resolvedScaleRounding) else { return nil }
            plan = .mx(kernel)
        case .nvfp4:
            // 1 × 16 blocks; 16 × 16 tiles keep the soft-float path.
            let convention = configuration.resolvedConvention
            guard configuration.resolvedGranularity == .group(Float32NVFP4Kernel.blockSize),
                  convention == .torchao || convention == .transformerEngine else { return nil }
            plan = .nvfp4(Float32NVFP4Kernel(convention: convention, hasTensorScale: configuration.resolvedTensorScale))
        case .scaledFloat:
            return nil
        }
        self.configuration = configuration
    }

    /// Bytes per stored element: 2 for integers wider than 8 bits, else 1.
    public var elementBytes: Int {
        if case .integer(let kernel) = plan { return kernel.storage.bytes }
        return 1
    }

    /// True when elements are two's-complement integers (signed absmax/zeropoint).
    public var elementsAreSigned: Bool {
        if case .integer(let kernel) = plan { return kernel.storage.isSigned }
        return false
    }

    /// The format of the scale codes: float32, or float8_e8m0fnu for MX.
    public var scaleFormat: FloatFormat {
        switch plan {
        case .mx: return .float8_e8m0fnu
        case .fp8Block(let kernel): return kernel.isUE8M0 ? .float8_e8m0fnu : .float32
        case .nvfp4: return .float8_e4m3fn
        default: return .float32
        }
    }

    /// The groups over a rows × columns matrix, as ``quantize(_:_:path:)`` numbers them.
    func layout(rows: Int, columns: Int) throws(QuantizationError) -> GroupLayout {
        guard rows > 0, columns > 0 else { throw .emptyMatrix }
        return try GroupLayout(
            granularity: configuration.resolvedGranularity, rows: rows, columns: columns,
            allowsPartialRows: configuration.granularity == nil || configuration.scheme.isMX)
    }

    /// Zeroed output buffers for a rows × columns input.
    ///
    /// - Throws: ``QuantizationError/emptyMatrix``, or
    ///   ``QuantizationError/groupLargerThanRow(groupSize:columns:)``.
    public func makeOutput(rows: Int, columns: Int) throws(QuantizationError) -> Float32QuantizeOutput {
        let groups = try layout(rows: rows, columns: columns).groupCount
        return Float32QuantizeOutput(
            rows: rows, columns: columns, elementBytes: elementBytes, elementsAreSigned: elementsAreSigned, groups: groups)
    }

    /// Quantizes `input` (float32 bit patterns, `output.rows × output.columns`, row-major) into
    /// preallocated `output`.
    ///
    /// - Throws: the first error in group order: a NaN or ±∞ element
    ///   (``QuantizationError/nonFiniteInput(row:column:value:reason:)``; MX takes them) or a
    ///   scale float32 cannot hold (``QuantizationError/invalidScale(group:detail:)``). The soft
    ///   path reports a NaN anywhere before any scale error; ``quantize(_:_:path:)`` falls back
    ///   to it on any error, so its messages are always the soft path's.
    public func quantize(_ input: UnsafeBufferPointer<UInt32>, into output: inout Float32QuantizeOutput, threads: Int = 1) throws(QuantizationError) {
        precondition(input.count == output.rows * output.columns, "the input must hold rows × columns float32 patterns")
        let layout = try layout(rows: output.rows, columns: output.columns)
        let rows = output.rows
        let columns = output.columns
        let plan = plan
        var tensorScale: UInt32?
        let result: Result<Int, QuantizationError> = output.elements.withUnsafeMutableBytes { elements in
            output.scales.withUnsafeMutableBufferPointer { scales in
                output.zeroPoints.withUnsafeMutableBufferPointer { zeroPoints in
                    let buffers = Float32KernelBuffers(
                        input: input.baseAddress!, elements: elements.baseAddress!,
                        scales: scales.baseAddress!, zeroPoints: zeroPoints.baseAddress!)
                    return Result { () throws(QuantizationError) -> Int in
                        switch plan {
                        case .integer(let kernel):
                            return try kernel.run(buffers, segments: Float32Segments(layout: layout)!, threads: threads)
                        case .codebook(let kernel):
                            return try kernel.run(buffers, segments: Float32Segments(layout: layout)!, threads: threads)
                        case .mx(let kernel):
                            return kernel.run(buffers, rows: rows, columns: columns, threads: threads)
                        case .fp8Block(let kernel):
                            return try kernel.run(buffers, rows: rows, columns: columns, threads: threads)
                        case .nvfp4(let kernel):
                            return try kernel.run(buffers, rows: rows, columns: columns, threads: threads, tensorScale: &tensorScale)
                        }
                    }
                }
            }
        }
        output.clampedCount = try result.get()
        output.tensorScale = tensorScale
    }

    /// Quantizes into newly allocated output.
    public func quantize(_ input: UnsafeBufferPointer<UInt32>, rows: Int, columns: Int, threads: Int = 1) throws(QuantizationError) -> Float32QuantizeOutput {
        var output = try makeOutput(rows: rows, columns: columns)
        try quantize(input, into: &output, threads: threads)
        return output
    }

    /// x̂ of every element as float32 bit patterns, into `result` (rows × columns).
    public func dequantize(_ output: Float32QuantizeOutput, into result: UnsafeMutableBufferPointer<UInt32>, threads: Int = 1) {
        precondition(result.count == output.rows * output.columns, "the result must hold rows × columns float32 patterns")
        // The output was made by this kernel, so its shape has a layout.
        let layout = try! layout(rows: output.rows, columns: output.columns)
        let plan = plan
        output.elements.withUnsafeBytes { elements in
            output.scales.withUnsafeBufferPointer { scales in
                output.zeroPoints.withUnsafeBufferPointer { zeroPoints in
                    let buffers = Float32DequantizeBuffers(
                        elements: elements.baseAddress!, scales: scales.baseAddress!,
                        zeroPoints: zeroPoints.baseAddress!, output: result.baseAddress!)
                    switch plan {
                    case .integer(let kernel):
                        kernel.dequantize(buffers, segments: Float32Segments(layout: layout)!, threads: threads)
                    case .codebook(let kernel):
                        kernel.dequantize(buffers, segments: Float32Segments(layout: layout)!, threads: threads)
                    case .mx(let kernel):
                        kernel.dequantize(buffers, rows: output.rows, columns: output.columns, threads: threads)
                    case .fp8Block(let kernel):
                        kernel.dequantize(buffers, rows: output.rows, columns: output.columns, threads: threads)
                    case .nvfp4(let kernel):
                        kernel.dequantize(buffers, rows: output.rows, columns: output.columns, tensorScale: output.tensorScale, threads: threads)
                    }
                }
            }
        }
    }

    /// x̂ of every element as float32 bit patterns.
    public func dequantize(_ output: Float32QuantizeOutput, threads: Int = 1) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: output.rows * output.columns)
        result.withUnsafeMutableBufferPointer { dequantize(output, into: $0, threads: threads) }
        return result
    }
}
