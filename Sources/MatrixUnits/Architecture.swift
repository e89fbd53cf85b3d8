/// The generations (and their names in unit names) whose matrix units the lab models: NVIDIA's
/// and AMD's GPUs, and two CPU matrix instructions (Intel AMX, Arm BF16).
public enum Architecture: String, Sendable, Hashable, CaseIterable {
    case volta, turing, ampere, ada, hopper, blackwell
    case rtxBlackwell = "rtx-blackwell"
    case cdna1, cdna2, cdna3
    /// Intel AMX (`amx:tdpbf16ps`) and Arm A64 without FEAT_EBF16 (`arm:bfdot`, `arm:bfmmla`).
    case amx, arm

    /// True for AMD's CDNA generations (`mfma` instructions).
    public var isAMD: Bool { self == .cdna1 || self == .cdna2 || self == .cdna3 }

    /// True for the CPU instruction sets (no `mma` / `mfma` instructions).
    public var isCPU: Bool { self == .amx || self == .arm }
}
