import SoftFloat

/// What a matrix is quantized to.
///
///     QuantizationScheme(name: "absmax")       // .absmax
///     QuantizationScheme(name: "mxfp6-e3m2")   // .mx(.e3m2)
///     QuantizationScheme(name: "fp8-e4m3")     // .scaledFloat(.float8_e4m3fn)
///     QuantizationScheme(name: "nvfp4")        // .nvfp4
public enum QuantizationScheme: Sendable, Hashable, CustomStringConvertible {
    /// Symmetric integer: S = max|x| / qmax.
    case absmax
    /// Asymmetric (affine) integer: S = (max − min)/(qmax − qmin) with a zero point.
    case zeroPoint
    /// bitsandbytes' NormalFloat4 codebook with blockwise absmax.
    case nf4
    /// bitsandbytes' own FP4 codebook (not OCP E2M1) with blockwise absmax.
    case fp4Bitsandbytes
    /// FP8 with a per-tensor or per-row scale = amax / max of the format.
    case scaledFloat(FloatFormat)
    /// An OCP MX v1.0 block format.
    case mx(MXElement)
    /// NVIDIA's NVFP4: E2M1 elements, an E4M3 scale per 16 elements (or 16 × 16 tile) and a
    /// float32 tensor scale, as torchao or Transformer Engine compute it (``NVFP4Kernel``).
    /// ggml's NVFP4 blocks are the separate `gguf-nvfp4` type (``NVFP4Codec``).
    case nvfp4

    /// The CLI names, in the order `--help` lists them.
    public static let names: [String] = [
        "absmax", "zeropoint", "nf4", "fp4-bnb", "fp8-e4m3", "fp8-e5m2",
        "mxfp8-e4m3", "mxfp8-e5m2", "mxfp6-e2m3", "mxfp6-e3m2", "mxfp4", "mxint8", "nvfp4",
    ]

    /// Looks a scheme up by its CLI name (case-insensitive).
    public init?(name: String) {
        switch name.lowercased() {
        case "absmax": self = .absmax
        case "zeropoint", "zero-point": self = .zeroPoint
        case "nf4": self = .nf4
        case "fp4-bnb": self = .fp4Bitsandbytes
        case "fp8-e4m3": self = .scaledFloat(.float8_e4m3fn)
        case "fp8-e5m2": self = .scaledFloat(.float8_e5m2)
        case "mxfp8-e4m3": self = .mx(.e4m3)
        case "mxfp8-e5m2": self = .mx(.e5m2)
        case "mxfp6-e2m3": self = .mx(.e2m3)
        case "mxfp6-e3m2": self = .mx(.e3m2)
        case "mxfp4": self = .mx(.e2m1)
        case "mxint8": self = .mx(.int8)
        case "nvfp4": self = .nvfp4
        default: return nil
        }
    }

    /// The CLI name.
    public var description: String {
        switch self {
        case .absmax: return "absmax"
        case .zeroPoint: return "zeropoint"
        case .nf4: return "nf4"
        case .fp4Bitsandbytes: return "fp4-bnb"
        case .nvfp4: return "nvfp4"
        case .scaledFloat(let format): return format == .float8_e5m2 ? "fp8-e5m2" : "fp8-e4m3"
        case .mx(let element):
            switch element {
            case .e4m3: return "mxfp8-e4m3"
            case .e5m2: return "mxfp8-e5m2"
            case .e2m3: return "mxfp6-e2m3"
            case .e3m2: return "mxfp6-e3m2"
            case .e2m1: return "mxfp4"
            case .int8: return "mxint8"
            }
        }
    }

    /// True for the integer schemes that take `--bits` and `--unsigned`.
    public var isInteger: Bool { self == .absmax || self == .zeroPoint }

    /// True for the OCP MX block formats.
    public var isMX: Bool {
        if case .mx = self { return true }
        return false
    }

    /// True for the NF4 and bitsandbytes-FP4 codebooks.
    public var isCodebook: Bool { self == .nf4 || self == .fp4Bitsandbytes }

    /// The granularity used when none is given: per-tensor for integers and FP8 (per row for
    /// bitsandbytes' int8), blocks of 64 for the codebooks (bitsandbytes' default blocksize),
    /// blocks of 32 for MX, 16 for NVFP4. A row shorter than the default block is one partial
    /// block (except NVFP4, whose rows must be whole blocks).
    public func defaultGranularity(convention: QuantizationConvention) -> Granularity {
        switch self {
        case .absmax, .zeroPoint: return convention == .bitsandbytes ? .row : .tensor
        case .nf4, .fp4Bitsandbytes: return .group(64)
        case .scaledFloat:
            return convention == .deepseek || convention == .deepgemm ? .block(rows: 1, columns: 128) : .tensor
        case .mx: return .group(32)
        case .nvfp4: return .group(16)
        }
    }
}
