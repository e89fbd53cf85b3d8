import SoftFloat

/// Everything that decides how C = A · B is computed through integers.
///
///     // tutorial 004: vector-wise int8, no outliers, float32
///     MatmulConfiguration(scheme: .vectorwise)
///     // LLM.int8: columns of A with any |a| ≥ 6 go through a float16 matmul
///     MatmulConfiguration(scheme: .vectorwise, outlierThreshold: 6)
public struct MatmulConfiguration: Sendable, Hashable {
    public var scheme: MatmulScheme
    /// Signed integer width, 2 … 16 (qmax = 2^(bits−1) − 1; 127 for 8).
    public var bits: Int
    /// Columns of A holding any |a| ≥ threshold take the float16 path; nil or 0: none do.
    public var outlierThreshold: Double?
    public var compute: FloatFormat
    /// `textbook` or `bitsandbytes` (see the README for the differences).
    public var convention: QuantizationConvention
    /// The format of the outlier matmul (inputs, products and sums): float16 as in LLM.int8.
    public var outlierFormat: FloatFormat

    public init(
        scheme: MatmulScheme = .vectorwise, bits: Int = 8, outlierThreshold: Double? = nil,
        compute: FloatFormat = .float32, convention: QuantizationConvention = .textbook,
        outlierFormat: FloatFormat = .float16
    ) {
        self.scheme = scheme
        self.bits = bits
        self.outlierThreshold = outlierThreshold
        self.compute = compute
        self.convention = convention
        self.outlierFormat = outlierFormat
    }

    /// The format the outlier columns are multiplied in: `outlierFormat` (textbook), or the
    /// compute (input) format for bitsandbytes, whose `int8_mixed_scaled_mm` keeps them in
    /// A's dtype.
    public var outlierPathFormat: FloatFormat {
        convention == .bitsandbytes ? compute : outlierFormat
    }

    /// qmax = 2^(bits−1) − 1.
    public var limit: Int64 { (1 << Int64(bits - 1)) - 1 }

    public func validate() throws(QuantizationError) {
        guard compute.isSigned, compute.hasZero else {
            throw .invalidConfiguration("compute format \(compute.name) cannot hold signed values and zero")
        }
        guard (2...16).contains(bits) else {
            throw .invalidConfiguration("--bits must be between 2 and 16, got \(bits)")
        }
        if let threshold = outlierThreshold {
            guard threshold.isFinite, threshold >= 0 else {
                throw .invalidConfiguration("--outlier-threshold must be a finite number ≥ 0, got \(threshold)")
            }
        }
        switch convention {
        case .textbook: break
        case .torch:
            throw .invalidConfiguration("matmul supports the textbook and bitsandbytes conventions, not torch")
        case .bitsandbytes:
            guard bits == 8 else { throw .invalidConfiguration("bitsandbytes' LLM.int8 matmul is 8-bit only; drop --bits") }
            guard [FloatFormat.float16, .bfloat16, .float32].contains(compute) else {
                throw .invalidConfiguration("bitsandbytes' LLM.int8 matmul takes float16, bfloat16 or float32 inputs, not --compute \(compute.name)")
            }
        case .torchao, .transformerEngine, .deepseek, .deepgemm:
            throw .invalidConfiguration("matmul supports the textbook and bitsandbytes conventions, not \(convention)")
        }
    }
}
