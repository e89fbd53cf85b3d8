import Quantization

/// One way to quantize a tensor in a model report: a lab scheme (`quantize --scheme` names)
/// with an optional integer width and granularity, or a ggml block type.
///
/// Spelling: `NAME[BITS][@GRANULARITY]` for the lab schemes (`nvfp4` is the lab's NVFP4,
/// torchao's convention with the tensor scale, as `quantize --scheme nvfp4`), `gguf-TYPE`
/// for ggml (`gguf-nvfp4` is ggml's NVFP4 codec):
///
///     ModelScheme(parsing: "absmax@row")          // int8 absmax, one scale per row
///     ModelScheme(parsing: "absmax4@group:128")   // int4 absmax, one scale per 128 elements
///     ModelScheme(parsing: "nf4@group:64")
///     ModelScheme(parsing: "fp8-e4m3@tensor")
///     ModelScheme(parsing: "gguf-q4_K")           // ggml's Q4_K, 4.5 bits per parameter
///
/// Every lab scheme computes in float32 with the textbook convention.
public enum ModelScheme: Sendable, Hashable, CustomStringConvertible {
    case lab(QuantizationConfiguration)
    case gguf(GGUFType)

    /// The default spread: int8 and int4 absmax by row and by group:128, NF4, FP8 E4M3 per
    /// tensor, MXFP8, MXFP4, NVFP4, and ggml's Q8_0, Q6_K, Q4_K and IQ4_XS.
    public static let defaultNames = [
        "absmax@row", "absmax@group:128", "absmax4@row", "absmax4@group:128", "nf4@group:64",
        "fp8-e4m3@tensor", "mxfp8-e4m3", "mxfp4", "nvfp4", "gguf-q8_0", "gguf-q6_K", "gguf-q4_K", "gguf-iq4_xs",
    ]

    /// Parses one scheme; nil with a reason in `failure` otherwise.
    ///
    /// - Throws: ``ModelSchemeError`` naming the text and what is wrong.
    public init(parsing text: String) throws(ModelSchemeError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("gguf-") {
            guard let type = GGUFType(schemeName: lowered) else {
                throw ModelSchemeError(text: text, reason: "unknown ggml type; choose one of \(GGUFType.schemeNames.joined(separator: ", "))")
            }
            guard !type.requiresImportance else {
                throw ModelSchemeError(text: text, reason: "\(type.schemeName) needs an importance matrix (ggml refuses it without one), and model reports quantize without one")
            }
            self = .gguf(type)
            return
        }
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var name = parts[0]
        var bits: Int? = nil
        var digits = ""
        while let last = name.last, last.isNumber, name.lowercased().hasPrefix("absmax") || name.lowercased().hasPrefix("zeropoint") {
            digits = String(last) + digits
            name.removeLast()
        }
        if !digits.isEmpty { bits = Int(digits) }
        guard let scheme = QuantizationScheme(name: name) else {
            throw ModelSchemeError(text: text, reason: "unknown scheme '\(name)'; choose one of \(QuantizationScheme.names.joined(separator: ", ")) (absmax and zeropoint take a width: absmax4), gguf-TYPE or nvfp4")
        }
        var granularity: Granularity? = nil
        if parts.count == 2 {
            guard let parsed = Granularity(parsing: parts[1]) else {
                throw ModelSchemeError(text: text, reason: "granularity must be tensor, row, column or group:N with N ≥ 1, got '\(parts[1])'")
            }
            granularity = parsed
        }
        var configuration = QuantizationConfiguration(scheme: scheme, bits: bits ?? 8, granularity: granularity, compute: .float32)
        do {
            try configuration.validate()
        } catch {
            throw ModelSchemeError(text: text, reason: "\(error)")
        }
        // MX blocks are always group:32: one spelling, one scheme.
        if scheme.isMX { configuration.granularity = nil }
        self = .lab(configuration)
    }

    /// The canonical spelling: `absmax@row` (8 bits implied), `absmax4@group:128`, `mxfp4`
    /// (MX's fixed group:32 implied), `gguf-q4_K`.
    public var description: String {
        switch self {
        case .gguf(let type): return type.schemeName
        case .lab(let configuration):
            let width = configuration.scheme.isInteger && configuration.bits != 8 ? String(configuration.bits) : ""
            let suffix = configuration.scheme.isMX || configuration.granularity == nil ? "" : "@\(configuration.resolvedGranularity)"
            return "\(configuration.scheme)\(width)\(suffix)"
        }
    }

    /// The scheme llama.cpp's `llama-quantize` falls back to for a tensor whose rows are not a
    /// multiple of this type's 256-element super-block (`llama_tensor_get_type`): Q4_K → Q5_0,
    /// Q5_K → Q5_1, Q6_K → Q8_0, Q2_K/Q3_K/IQ4_XS → IQ4_NL, TQ1_0/TQ2_0 → Q4_0. Self when the
    /// rows fit, nil when nothing fits (lab schemes always fit).
    public func applicable(columns: Int) -> ModelScheme? {
        guard case .gguf(let type) = self else { return self }
        if columns % type.blockElements == 0 { return self }
        let fallback: GGUFType
        switch type {
        case .q4_K: fallback = .q5_0
        case .q5_K: fallback = .q5_1
        case .q6_K: fallback = .q8_0
        case .q2_K, .q3_K, .iq4_xs: fallback = .iq4_nl
        case .tq1_0, .tq2_0: fallback = .q4_0
        default: return nil
        }
        return columns % fallback.blockElements == 0 ? .gguf(fallback) : nil
    }

    /// A rough rank of the scheme's time per parameter, from `bench 'model report'`: ggml's IQ
    /// types 2 (hundreds of ns: a search over trial scales and grid points; gguf-iq4_xs is the
    /// default set's slowest), the K-quants 1 (tens of ns), everything else 0 (a few ns).
    /// ``ModelReport`` hands out the slowest schemes first, so that the longest one starts at
    /// once and the other threads work through the rest beside it.
    public var costRank: Int {
        guard case .gguf(let type) = self else { return 0 }
        if type.rawValue.hasPrefix("iq") { return 2 }
        return type.rawValue.hasSuffix("_K") ? 1 : 0
    }
}
