import SoftFloat

extension QuantizationConfiguration {
    /// The FP8 block sides DeepSeek-V3 and DeepGEMM use: 1 × 128 (activations, per token) and
    /// 128 × 128 (weights).
    static let fp8BlockShapes: [Granularity] = [.block(rows: 1, columns: 128), .block(rows: 128, columns: 128)]

    /// Checks the block-scaled recipes of issue #12 (NVFP4 under torchao or Transformer Engine,
    /// FP8 blocks under DeepSeek or DeepGEMM, FP8 current scaling under Transformer Engine) and
    /// the options only they take, with a message naming the option.
    func validateRecipe() throws(QuantizationError) {
        let convention = resolvedConvention
        let isFP8E4M3 = scheme == .scaledFloat(.float8_e4m3fn)
        let isFP8: Bool = { if case .scaledFloat = scheme { return true } else { return false } }()
        let isFP8Block = convention == .deepseek || convention == .deepgemm
        let isCurrentScaling = convention == .transformerEngine && isFP8

        if scheme == .nvfp4 {
            guard convention == .torchao || convention == .transformerEngine else {
                throw .invalidConfiguration("nvfp4 follows --convention torchao (the default) or transformer-engine, not \(convention)")
            }
            guard compute == .float32 else {
                throw .invalidConfiguration("nvfp4's recipes compute in float32: use --compute float32, not \(compute.name)")
            }
            switch resolvedGranularity {
            case .group(16):
                break
            case .block(16, 16) where convention == .transformerEngine:
                break
            case .block(16, 16):
                throw .invalidConfiguration("torchao's nvfp4_quantize has 1 × 16 blocks only: --granularity group:16 (block:16x16 is Transformer Engine's 2-D tile, --convention transformer-engine)")
            default:
                throw .invalidConfiguration("nvfp4 blocks are 16 elements along a row (group:16, the default) or 16 × 16 tiles (block:16x16), not \(resolvedGranularity)")
            }
            if convention == .transformerEngine && !resolvedTensorScale {
                throw .invalidConfiguration("Transformer Engine's NVFP4 always has its global (tensor) scale: --tensor-scale off applies to --convention torchao only")
            }
        } else if tensorScale != nil {
            throw .invalidConfiguration("--tensor-scale applies to nvfp4 only, not \(scheme)")
        }

        switch convention {
        case .torchao:
            guard scheme == .nvfp4 else {
                throw .invalidConfiguration("the torchao convention covers nvfp4 (torchao's nvfp4_quantize), not \(scheme); the MX schemes take --scale-rounding")
            }
        case .transformerEngine:
            guard scheme == .nvfp4 || isFP8 else {
                throw .invalidConfiguration("the transformer-engine convention covers nvfp4 and FP8 current scaling (fp8-e4m3, fp8-e5m2), not \(scheme)")
            }
            if isFP8 {
                guard resolvedGranularity == .tensor else {
                    throw .invalidConfiguration("Transformer Engine's FP8 current scaling has one scale per tensor: --granularity tensor, not \(resolvedGranularity)")
                }
                guard compute == .float32 else {
                    throw .invalidConfiguration("Transformer Engine's FP8 current scaling computes in float32: use --compute float32, not \(compute.name)")
                }
            }
        case .deepseek, .deepgemm:
            guard isFP8E4M3 else {
                throw .invalidConfiguration("the \(convention) convention covers FP8 blocks in fp8-e4m3, not \(scheme)")
            }
            guard compute == .float32 else {
                throw .invalidConfiguration("\(convention)'s FP8 blocks compute in float32: use --compute float32, not \(compute.name)")
            }
            guard Self.fp8BlockShapes.contains(resolvedGranularity) else {
                throw .invalidConfiguration("\(convention)'s FP8 blocks are block:1x128 or block:128x128, not \(resolvedGranularity)")
            }
            if convention == .deepseek && resolvedBlockScaleFormat == .ue8m0 {
                throw .invalidConfiguration("--scale-format ue8m0 is DeepGEMM's rounding of the block scale up to a power of two: use --convention deepgemm (DeepSeek-V3's kernel.py keeps float32 scales)")
            }
        default:
            break
        }
        if blockScaleFormat != nil && !isFP8Block {
            throw .invalidConfiguration("--scale-format applies to FP8 blocks (--convention deepseek or deepgemm), not \(scheme) under \(convention)")
        }
        if powerOfTwoScale && !isCurrentScaling {
            throw .invalidConfiguration("--power-of-two-scale applies to Transformer Engine's FP8 current scaling (fp8-e4m3/fp8-e5m2 --convention transformer-engine), not \(scheme) under \(convention)")
        }
        if case .block = resolvedGranularity, !(scheme == .nvfp4 || isFP8Block) {
            throw .invalidConfiguration("--granularity \(resolvedGranularity) applies to nvfp4 (block:16x16) and FP8 blocks (--convention deepseek or deepgemm), not \(scheme) under \(convention)")
        }
    }
}
