/// The GPU generations (and their names in unit names) whose matrix units the lab models.
public enum Architecture: String, Sendable, Hashable, CaseIterable {
    case volta, turing, ampere, ada, hopper, blackwell
    case rtxBlackwell = "rtx-blackwell"
    case cdna1, cdna2, cdna3

    /// True for AMD's CDNA generations (`mfma` instructions).
    public var isAMD: Bool { self == .cdna1 || self == .cdna2 || self == .cdna3 }
}
