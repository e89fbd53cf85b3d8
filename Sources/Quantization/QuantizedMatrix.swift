import SoftFloat

/// A quantized matrix as it is stored: the codes, one scale (and zero point) per group, and
/// what is needed to decode them (scheme, convention, granularity, compute format, tensor
/// scale). ``dequantized()`` decodes it with the very formulas `quantize` uses, so a
/// `quantize --json` document read back by ``init(json:)`` gives its `"dequantized"` values
/// bit for bit.
///
///     // absmax int8, float16, one group: q = [28, -12], scale = [0.042510986328125]
///     let stored = QuantizedMatrix(configuration: .init(scheme: .absmax, compute: .float16),
///                                  granularity: .tensor, rows: 1, columns: 2,
///                                  quantized: [28, -12], scales: [0x2971])
///     try stored.dequantized().doubleRows   // [[1.1904296875, -0.51025390625]]
public struct QuantizedMatrix: Sendable, Hashable {
    /// The scheme and its options (convention resolved; `granularity` is the field below).
    public var configuration: QuantizationConfiguration
    public var granularity: Granularity
    public var rows: Int
    public var columns: Int
    /// Per element, row-major, as ``QuantizationResult/quantized``: integers, codebook
    /// indices, or codes of the element format (fp8, MX floats, nvfp4's E2M1).
    public var quantized: [Int64]
    /// Per group, codes of ``scaleFormat`` (the scales dequantization uses: after double
    /// quantization for nf4/fp4-bnb).
    public var scales: [UInt64]
    /// Per group (0 for symmetric schemes); empty means all 0.
    public var zeroPoints: [Int64]
    /// nvfp4's float32 tensor scale (x ≈ q × scale × tensor scale), nil when off.
    public var tensorScale: UInt64?

    public init(configuration: QuantizationConfiguration, granularity: Granularity, rows: Int, columns: Int,
                quantized: [Int64], scales: [UInt64], zeroPoints: [Int64] = [], tensorScale: UInt64? = nil) {
        var configuration = configuration
        configuration.convention = configuration.resolvedConvention
        configuration.granularity = granularity
        self.configuration = configuration
        self.granularity = granularity
        self.rows = rows
        self.columns = columns
        self.quantized = quantized
        self.scales = scales
        self.zeroPoints = zeroPoints
        self.tensorScale = tensorScale
    }

    /// What the integers in ``quantized`` mean for this configuration.
    public var elementKind: QuantizedElementKind {
        switch configuration.scheme {
        case .absmax, .zeroPoint: return .integer(bits: configuration.bits)
        case .nf4: return .codebookIndex(.nf4)
        case .fp4Bitsandbytes: return .codebookIndex(.fp4Bitsandbytes)
        case .scaledFloat(let format): return .float(format)
        case .mx(let element): return element.format.map { .float($0) } ?? .scaledInteger(bits: 8, exponent: -6)
        case .nvfp4: return .float(.float4_e2m1fn)
        }
    }

    /// The format of ``scales``: E8M0 for MX and DeepGEMM's UE8M0 blocks, E4M3 for nvfp4,
    /// float32 for the other FP8 recipes and bitsandbytes' 4-bit blocks, else the compute format.
    public var scaleFormat: FloatFormat {
        let convention = configuration.resolvedConvention
        switch configuration.scheme {
        case .mx: return .float8_e8m0fnu
        case .nvfp4: return .float8_e4m3fn
        case .scaledFloat where convention == .deepseek || convention == .deepgemm:
            return configuration.resolvedBlockScaleFormat == .ue8m0 ? .float8_e8m0fnu : .float32
        case .scaledFloat where convention == .transformerEngine: return .float32
        case .nf4 where convention == .bitsandbytes, .fp4Bitsandbytes where convention == .bitsandbytes: return .float32
        default: return configuration.compute
        }
    }

    /// Checks the pieces against each other: the number of codes and of groups, the range of
    /// each code, and that the configuration is one `quantize` accepts.
    ///
    /// - Throws: ``QuantizationError/shapeMismatch(_:)`` or
    ///   ``QuantizationError/invalidConfiguration(_:)`` naming the first problem.
    public func validate() throws(QuantizationError) {
        try configuration.validate()
        guard rows > 0, columns > 0 else { throw .emptyMatrix }
        guard quantized.count == rows * columns else {
            throw .shapeMismatch("\(quantized.count) codes for a \(rows)×\(columns) matrix")
        }
        let groups = try layout().groupCount
        guard scales.count == groups else {
            throw .shapeMismatch("\(scales.count) scales, but granularity \(granularity) has \(groups) group\(groups == 1 ? "" : "s") on a \(rows)×\(columns) matrix")
        }
        guard zeroPoints.isEmpty || zeroPoints.count == groups else {
            throw .shapeMismatch("\(zeroPoints.count) zero points for \(groups) group\(groups == 1 ? "" : "s")")
        }
        if configuration.scheme == .nvfp4 {
            try NVFP4Kernel.checkShape(columns: columns)
            if configuration.resolvedConvention == .transformerEngine && tensorScale == nil {
                throw .invalidConfiguration("nvfp4 with the transformer-engine convention needs its tensor scale (JSON \"tensor_scale\")")
            }
        }
        let range = codeRange
        if let index = quantized.firstIndex(where: { !range.contains($0) }) {
            throw .invalidConfiguration("code \(quantized[index]) at [\(index / columns), \(index % columns)] (0-based) is outside \(range.lowerBound) … \(range.upperBound) for \(configuration.scheme)")
        }
    }

    /// The codes a stored element may hold.
    var codeRange: ClosedRange<Int64> {
        switch elementKind {
        case .integer(let bits):
            return configuration.isUnsigned ? 0...((1 << Int64(bits)) - 1) : -(1 << Int64(bits - 1))...((1 << Int64(bits - 1)) - 1)
        case .codebookIndex: return 0...15
        case .scaledInteger: return -127...127
        case .float(let format): return 0...((1 << Int64(format.bitWidth)) - 1)
        }
    }

    /// The groups as `quantize` numbers them (bitsandbytes' 4-bit blocks run over the
    /// flattened matrix; a default-sized block may be longer than a row).
    func layout() throws(QuantizationError) -> GroupLayout {
        if isBitsandbytesCodebook {
            return try GroupLayout(granularity: granularity, rows: 1, columns: rows * columns, allowsPartialRows: true)
        }
        return try GroupLayout(granularity: granularity, rows: rows, columns: columns, allowsPartialRows: true)
    }

    var isBitsandbytesCodebook: Bool {
        configuration.resolvedConvention == .bitsandbytes && configuration.scheme.isCodebook
    }
}
