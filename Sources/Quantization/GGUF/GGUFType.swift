/// A ggml (llama.cpp, GGUF) quantization type: its block of elements and the bytes that block
/// is stored in, exactly as ggml lays it out (`block_q4_K` etc. in ggml-common.h).
///
///     GGUFType(schemeName: "gguf-Q4_K")   // .q4_K (case-insensitive)
///     GGUFType.q4_K.blockElements         // 256
///     GGUFType.q4_K.blockBytes            // 144: d, dmin (float16), 12 bytes of 6-bit scales, 128 of nibbles
///     GGUFType.q4_K.bitsPerParameter      // 144 × 8 / 256 = 4.5
public enum GGUFType: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case q4_0, q4_1, q5_0, q5_1, q8_0
    case q2_K, q3_K, q4_K, q5_K, q6_K
    case iq4_nl, iq4_xs
    case tq1_0, tq2_0
    case mxfp4, nvfp4
    case iq1_s, iq1_m, iq2_xxs, iq2_xs, iq2_s, iq3_xxs, iq3_s

    /// The CLI scheme name: `gguf-` and ggml's type name (`gguf-q4_K`).
    public var schemeName: String { "gguf-" + rawValue }

    public var description: String { schemeName }

    /// The scheme names the CLI accepts, in the order `--help` lists them.
    public static var schemeNames: [String] { allCases.map(\.schemeName) }

    /// Looks a type up by its scheme name (`gguf-q4_k`, `GGUF-Q4_K`) or ggml name (`q4_K`),
    /// ignoring case.
    public init?(schemeName: String) {
        var name = schemeName.lowercased()
        if name.hasPrefix("gguf-") { name.removeFirst(5) }
        guard let type = GGUFType.allCases.first(where: { $0.rawValue.lowercased() == name }) else { return nil }
        self = type
    }

    /// ggml's `GGML_TYPE_*` number (ggml.h), as written in GGUF files.
    public var ggmlTypeID: Int {
        switch self {
        case .q4_0: return 2
        case .q4_1: return 3
        case .q5_0: return 6
        case .q5_1: return 7
        case .q8_0: return 8
        case .q2_K: return 10
        case .q3_K: return 11
        case .q4_K: return 12
        case .q5_K: return 13
        case .q6_K: return 14
        case .iq2_xxs: return 16
        case .iq2_xs: return 17
        case .iq3_xxs: return 18
        case .iq1_s: return 19
        case .iq4_nl: return 20
        case .iq3_s: return 21
        case .iq2_s: return 22
        case .iq4_xs: return 23
        case .iq1_m: return 29
        case .tq1_0: return 34
        case .tq2_0: return 35
        case .mxfp4: return 39
        case .nvfp4: return 40
        }
    }

    /// Elements per block: 32 for the legacy types, IQ4_NL and MXFP4, 64 for NVFP4, 256
    /// (`QK_K`) for the K-, ternary and IQ super-blocks.
    public var blockElements: Int {
        switch self {
        case .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .iq4_nl, .mxfp4: return 32
        case .nvfp4: return 64
        default: return 256
        }
    }

    /// Bytes per block (`sizeof(block_*)`).
    public var blockBytes: Int {
        switch self {
        case .q4_0: return 18      // d + 16 bytes of nibbles
        case .q4_1: return 20      // d, m + 16
        case .q5_0: return 22      // d + qh[4] + 16
        case .q5_1: return 24      // d, m + qh[4] + 16
        case .q8_0: return 34      // d + 32 int8
        case .q2_K: return 84      // scales[16] + qs[64] + d, dmin
        case .q3_K: return 110     // hmask[32] + qs[64] + scales[12] + d
        case .q4_K: return 144     // d, dmin + scales[12] + qs[128]
        case .q5_K: return 176     // d, dmin + scales[12] + qh[32] + qs[128]
        case .q6_K: return 210     // ql[128] + qh[64] + scales[16] + d
        case .iq4_nl: return 18    // d + 16
        case .iq4_xs: return 136   // d + scales_h + scales_l[4] + qs[128]
        case .tq1_0: return 54     // qs[48] + qh[4] + d
        case .tq2_0: return 66     // qs[64] + d
        case .mxfp4: return 17     // e (E8M0) + 16
        case .nvfp4: return 36     // d[4] (UE4M3) + 32
        case .iq1_s: return 50
        case .iq1_m: return 56
        case .iq2_xxs: return 66
        case .iq2_xs: return 74
        case .iq2_s: return 82
        case .iq3_xxs: return 98
        case .iq3_s: return 110
        }
    }

    /// Storage cost: block bytes × 8 / block elements (Q4_K: 144 × 8 / 256 = 4.5).
    public var bitsPerParameter: Double { Double(blockBytes * 8) / Double(blockElements) }

    /// Whether ggml refuses to quantize without an importance matrix
    /// (`ggml_quantize_requires_imatrix`: IQ2_XXS, IQ2_XS, IQ1_S).
    public var requiresImportance: Bool {
        self == .iq2_xxs || self == .iq2_xs || self == .iq1_s
    }

    /// Whether ggml's quantizer reads the importance matrix at all (Q8_0, TQ1_0, TQ2_0, MXFP4
    /// and NVFP4 ignore it).
    public var usesImportance: Bool {
        switch self {
        case .q8_0, .tq1_0, .tq2_0, .mxfp4, .nvfp4: return false
        default: return true
        }
    }
}
