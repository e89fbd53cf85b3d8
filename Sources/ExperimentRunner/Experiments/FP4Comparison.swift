import Quantization
import SoftFloat

/// ggml's two FP4 codecs against the rules they are named after, on the same float32 input:
///
/// - `mxfp4`: `gguf-mxfp4` (E8M0 exponent floor(log2f(amax)) − 2, ties to the smaller
///   magnitude) against the lab's `mxfp4` (OCP MX v1.0: floor scale, nearest-even elements).
///   Block [6, 3.5, 1.75, 0.75, 0…]: the same scale 2^0; ggml decodes 6, 3, 1.5, 0.5 where OCP
///   gives 6, 4, 2, 1.
/// - `nvfp4`: `gguf-nvfp4` (UE4M3 scale amax/6 rounded half up with no sticky bit, ties of the
///   elements to the smaller magnitude) against the lab's `nvfp4` in torchao's convention
///   without a tensor scale (E4M3 scale nearest-even, clamped to [2^-6, 448], q = e2m1(x·(1/s))).
///   Block [6.375, 0…]: 6.375/6 = 1.0625 is halfway between the E4M3 values 1 and 1.125: ggml
///   takes 1.125 and decodes 6.75, nearest-even takes 1 and saturates to 6.
enum FP4Comparison: String, CaseIterable, Sendable {
    case mxfp4, nvfp4

    var type: GGUFType { self == .mxfp4 ? .mxfp4 : .nvfp4 }

    /// The lab configuration of the rule ggml's codec is compared with.
    var reference: QuantizationConfiguration {
        switch self {
        case .mxfp4: return QuantizationConfiguration(scheme: .mx(.e2m1))
        case .nvfp4: return QuantizationConfiguration(scheme: .nvfp4, convention: .torchao, tensorScale: false)
        }
    }

    /// How the report names the reference rule.
    var referenceName: String {
        switch self {
        case .mxfp4: return "mxfp4 (OCP, floor)"
        case .nvfp4: return "nvfp4 (torchao, no tensor scale)"
        }
    }

    /// Elements per scale.
    var scaleElements: Int { self == .mxfp4 ? 32 : 16 }

    /// ggml's scale byte of scale block `index` (row-major over rows of columns / scaleElements).
    func ggmlScale(_ blocks: [UInt8], index: Int) -> UInt8 {
        switch self {
        case .mxfp4: return blocks[index * 17]
        case .nvfp4: return blocks[(index / 4) * 36 + index % 4]
        }
    }

    /// Both decodings of `x` (rows × columns, float32).
    func decode(_ x: [Float], rows: Int, columns: Int) throws -> (ggml: [Float], reference: [Float], ggmlScales: [UInt8], referenceScales: [UInt8]) {
        let blocks = try GGUFCodec.quantize(x, rows: rows, columns: columns, type: type)
        let ggml = try GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
        let matrix = try Matrix(rows: rows, columns: columns, format: .float32, codes: x.map { UInt64($0.bitPattern) })
        let result = try quantize(matrix, reference)
        let decoded = result.dequantized.codes.map { Float(bitPattern: UInt32(truncatingIfNeeded: $0)) }
        let count = x.count / scaleElements
        return (ggml, decoded, (0..<count).map { ggmlScale(blocks, index: $0) }, result.scales.prefix(count).map { UInt8(truncatingIfNeeded: $0) })
    }

    /// One row of the ties table.
    func compare(_ x: [Float], rows: Int, columns: Int, distribution: String, source: String) throws -> GGUFCodecsExperiment.TieRow {
        let (ggml, decoded, ggmlScales, referenceScales) = try decode(x, rows: rows, columns: columns)
        var scaleDifferences = 0
        for index in ggmlScales.indices where ggmlScales[index] != referenceScales[index] { scaleDifferences += 1 }
        var differing = 0, ties = 0, underOtherScale = 0, other = 0
        for index in x.indices where ggml[index] != decoded[index] {
            differing += 1
            let block = index / scaleElements
            if ggmlScales[block] != referenceScales[block] {
                underOtherScale += 1
            } else if abs(Double(x[index]) - Double(ggml[index])) == abs(Double(x[index]) - Double(decoded[index])) {
                ties += 1
            } else {
                other += 1
            }
        }
        return GGUFCodecsExperiment.TieRow([
            .distribution: distribution, .codec: type.schemeName, .reference: referenceName, .source: source,
            .blocks: String(ggmlScales.count), .scale_differences: String(scaleDifferences), .elements: String(x.count),
            .differing_elements: String(differing), .ties: String(ties), .under_other_scale: String(underOtherScale), .other: String(other),
        ])
    }
}
