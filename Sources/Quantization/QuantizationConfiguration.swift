import SoftFloat

/// Everything that decides how a matrix is quantized.
///
///     // The tutorial's LLM.int8 example: absmax int8 per tensor, every step in float16.
///     QuantizationConfiguration(scheme: .absmax, compute: .float16)
///     // torch.ao per-channel affine quint8:
///     QuantizationConfiguration(scheme: .zeroPoint, isUnsigned: true, granularity: .row, convention: .torch)
public struct QuantizationConfiguration: Sendable, Hashable {
    public var scheme: QuantizationScheme
    /// Integer width for `absmax` and `zeroPoint`, 2 through 16 (ignored by the other schemes).
    public var bits: Int
    /// Unsigned integer targets (0 … 2^bits − 1) for `absmax` and `zeroPoint`.
    public var isUnsigned: Bool
    /// Which elements share a scale; nil means the scheme's default
    /// (``QuantizationScheme/defaultGranularity(convention:)``).
    public var granularity: Granularity?
    /// The format of every arithmetic step (the input is cast to it first).
    public var compute: FloatFormat
    public var convention: QuantizationConvention
    /// bitsandbytes' double quantization of the codebook scales (NF4 and FP4 only).
    public var doubleQuantization: Bool
    /// torch's thread count for the bitsandbytes double quantization's `mean` (its float32 sum
    /// splits across threads from 32,768 block absmaxes on; see ``TorchCPUSum``).
    public var torchThreads: Int
    /// How MX block scales round (``MXScaleRounding``); nil means OCP's floor. Only the MX
    /// schemes take it, and MXINT8 only floor.
    public var scaleRounding: MXScaleRounding?
    /// NVFP4's float32 tensor scale (`--tensor-scale on|off`); nil means on. Only `nvfp4` takes
    /// it, and Transformer Engine's NVFP4 always has one.
    public var tensorScale: Bool?
    /// How FP8 block scales are stored (`--scale-format`, deepseek/deepgemm); nil means float32.
    public var blockScaleFormat: BlockScaleFormat?
    /// Transformer Engine's FP8 current scaling with the multiplier rounded down to a power of
    /// two (`--power-of-two-scale`).
    public var powerOfTwoScale: Bool

    /// The block sizes bitsandbytes' `quantize_4bit` accepts.
    public static let bitsandbytesBlockSizes = [32, 64, 128, 256, 512, 1024, 2048, 4096]

    public init(
        scheme: QuantizationScheme, bits: Int = 8, isUnsigned: Bool = false, granularity: Granularity? = nil,
        compute: FloatFormat = .float32, convention: QuantizationConvention = .textbook, doubleQuantization: Bool = false,
        torchThreads: Int = 1, scaleRounding: MXScaleRounding? = nil, tensorScale: Bool? = nil,
        blockScaleFormat: BlockScaleFormat? = nil, powerOfTwoScale: Bool = false
    ) {
        self.scheme = scheme
        self.bits = bits
        self.isUnsigned = isUnsigned
        self.granularity = granularity
        self.compute = compute
        self.convention = convention
        self.doubleQuantization = doubleQuantization
        self.torchThreads = torchThreads
        self.scaleRounding = scaleRounding
        self.tensorScale = tensorScale
        self.blockScaleFormat = blockScaleFormat
        self.powerOfTwoScale = powerOfTwoScale
    }

    /// The convention actually used: `nvfp4` with the default `textbook` means torchao.
    public var resolvedConvention: QuantizationConvention {
        scheme == .nvfp4 && convention == .textbook ? .torchao : convention
    }

    /// True when NVFP4 carries its float32 tensor scale (the default).
    public var resolvedTensorScale: Bool { tensorScale ?? true }

    /// The FP8 block-scale storage actually used: float32 unless ue8m0 is asked for.
    public var resolvedBlockScaleFormat: BlockScaleFormat { blockScaleFormat ?? .float32 }

    /// The MX scale rule actually used: floor unless one is given.
    public var resolvedScaleRounding: MXScaleRounding { scaleRounding ?? .floor }

    /// The granularity actually used.
    public var resolvedGranularity: Granularity {
        granularity ?? scheme.defaultGranularity(convention: resolvedConvention)
    }

    /// The integer target's range: int8 −128 … 127, uint4 0 … 15.
    public var integerRange: ClosedRange<Int64> {
        isUnsigned ? 0...((1 << Int64(bits)) - 1) : (-(1 << Int64(bits - 1)))...((1 << Int64(bits - 1)) - 1)
    }

    /// Rejects combinations that have no meaning, with a message naming the option.
    public func validate() throws(QuantizationError) {
        guard compute.isSigned, compute.hasZero else {
            throw .invalidConfiguration("compute format \(compute.name) cannot hold signed values and zero; pick a signed format such as float32")
        }
        if scheme.isInteger {
            guard (2...16).contains(bits) else {
                throw .invalidConfiguration("--bits must be between 2 and 16, got \(bits)")
            }
        } else if isUnsigned {
            throw .invalidConfiguration("--unsigned applies to absmax and zeropoint only, not \(scheme)")
        }
        guard torchThreads >= 1 else {
            throw .invalidConfiguration("--torch-threads must be at least 1, got \(torchThreads)")
        }
        if doubleQuantization && !scheme.isCodebook {
            throw .invalidConfiguration("--double-quant applies to nf4 and fp4-bnb only, not \(scheme)")
        }
        try validateRecipe()
        switch resolvedConvention {
        case .textbook, .torchao, .transformerEngine, .deepseek, .deepgemm:
            break
        case .torch:
            guard scheme.isInteger else {
                throw .invalidConfiguration("the torch convention covers torch.ao's integer quantization (absmax, zeropoint), not \(scheme)")
            }
        case .bitsandbytes:
            guard scheme == .absmax || scheme.isCodebook else {
                throw .invalidConfiguration("the bitsandbytes convention covers absmax (LLM.int8) and the nf4/fp4-bnb codebooks, not \(scheme)")
            }
            if scheme == .absmax && isUnsigned {
                throw .invalidConfiguration("bitsandbytes' int8 is signed (±127); drop --unsigned")
            }
            if scheme.isCodebook {
                guard compute == .float32 else {
                    throw .invalidConfiguration("the bitsandbytes convention for \(scheme) reproduces bitsandbytes' float32 CPU kernels: use --compute float32, not \(compute.name)")
                }
                let sizes = Self.bitsandbytesBlockSizes.map(String.init).joined(separator: ", ")
                guard case .group(let size) = resolvedGranularity, Self.bitsandbytesBlockSizes.contains(size) else {
                    throw .invalidConfiguration("the bitsandbytes convention for \(scheme) takes --granularity group:N with N one of bitsandbytes' block sizes \(sizes) (blocks run over the flattened matrix), not \(resolvedGranularity)")
                }
            }
        }
        if let scaleRounding {
            guard case .mx(let element) = scheme else {
                throw .invalidConfiguration("--scale-rounding applies to the MX schemes (mxfp8-e4m3, mxfp8-e5m2, mxfp6-e2m3, mxfp6-e3m2, mxfp4), not \(scheme)")
            }
            if element == .int8 && scaleRounding != .floor {
                throw .invalidConfiguration("mxint8 keeps OCP's floor scale; --scale-rounding \(scaleRounding) applies to the MX float schemes only")
            }
            if scaleRounding == .rceil && !MXScaleRounding.acceptsRCeil(compute: compute) {
                throw .invalidConfiguration("--scale-rounding rceil is cuBLAS's float32 rule: the compute format must convert to float32 exactly (float32, bfloat16, float16, …), not \(compute.name)")
            }
        }
        if case .mx = scheme, resolvedGranularity != .group(32) {
            throw .invalidConfiguration("OCP MX v1.0 blocks are 32 consecutive elements along a row: --granularity must be group:32 (the default), not \(resolvedGranularity)")
        }
    }
}
