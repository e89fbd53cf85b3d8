/// ggml's quantizers and dequantizers, bit for bit: the bytes `ggml_quantize_chunk(type, x,
/// dst, 0, rows, columns, imatrix)` writes, and the floats `dequantize_row_<type>` returns.
///
///     let blocks = try GGUFCodec.quantize(x, rows: 4, columns: 256, type: .q4_K)
///     blocks.count                                  // 4 × 144
///     let y = try GGUFCodec.dequantize(blocks, rows: 4, columns: 256, type: .q4_K)
///
/// Rows are quantized independently; each holds columns / blockElements blocks. The importance
/// matrix is one weight per column (llama-imatrix's per-channel mean of squared activations),
/// shared by every row. NaN and infinite inputs are not rejected: like ggml, they propagate
/// into the scales (a NaN or ∞ block maximum gives NaN/∞ or garbage scales; the codes follow
/// ggml's C conversions, so the bytes still match ggml on x86-64).
public enum GGUFCodec {
    /// Quantizes a row-major float32 matrix.
    ///
    /// - Throws: ``GGUFError`` when columns is not a multiple of the block, the type needs an
    ///   importance matrix (IQ2_XXS, IQ2_XS, IQ1_S), or the importance vector has the wrong
    ///   length or a negative/NaN/infinite weight.
    public static func quantize(_ values: [Float], rows: Int, columns: Int, type: GGUFType, importance: [Float]? = nil) throws(GGUFError) -> [UInt8] {
        try validate(rows: rows, columns: columns, type: type)
        guard values.count == rows * columns else {
            throw .shape("\(values.count) values do not fill a \(rows)×\(columns) matrix")
        }
        if type.requiresImportance && importance == nil { throw .importanceRequired(type) }
        if let importance {
            guard importance.count == columns else { throw .importanceLength(expected: columns, actual: importance.count) }
            if let index = importance.firstIndex(where: { !($0 >= 0) || !$0.isFinite }) {
                throw .importanceValue(index: index, value: importance[index])
            }
        }
        let codec = self.codec(type)
        let rowBytes = columns / type.blockElements * type.blockBytes
        var out = [UInt8](repeating: 0, count: rows * rowBytes)
        values.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                let weights = type.usesImportance ? importance : nil
                if let weights {
                    weights.withUnsafeBufferPointer { w in
                        for row in 0..<rows {
                            codec.quantizeRow(x.baseAddress! + row * columns, count: columns, importance: w.baseAddress!, into: y.baseAddress! + row * rowBytes)
                        }
                    }
                } else {
                    for row in 0..<rows {
                        codec.quantizeRow(x.baseAddress! + row * columns, count: columns, importance: nil, into: y.baseAddress! + row * rowBytes)
                    }
                }
            }
        }
        return out
    }

    /// Decodes `rows × columns` elements from their blocks.
    ///
    /// - Throws: ``GGUFError/byteCountMismatch(type:expected:actual:rows:columns:)`` when the
    ///   byte count is not exactly rows × columns / blockElements × blockBytes, and
    ///   ``GGUFError/columnsNotMultipleOfBlock(type:columns:)``.
    public static func dequantize(_ blocks: [UInt8], rows: Int, columns: Int, type: GGUFType) throws(GGUFError) -> [Float] {
        try validate(rows: rows, columns: columns, type: type)
        let expected = byteCount(rows: rows, columns: columns, type: type)
        guard blocks.count == expected else {
            throw .byteCountMismatch(type: type, expected: expected, actual: blocks.count, rows: rows, columns: columns)
        }
        let codec = self.codec(type)
        var out = [Float](repeating: 0, count: rows * columns)
        blocks.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { y in
                codec.dequantizeRow(b.baseAddress!, count: rows * columns, into: y.baseAddress!)
            }
        }
        return out
    }

    /// rows × columns / blockElements × blockBytes (Q4_K, 2 × 512: 4 blocks × 144 = 576).
    public static func byteCount(rows: Int, columns: Int, type: GGUFType) -> Int {
        rows * (columns / type.blockElements) * type.blockBytes
    }

    static func validate(rows: Int, columns: Int, type: GGUFType) throws(GGUFError) {
        guard rows > 0, columns > 0 else { throw .shape("the matrix must have at least one row and one column; got \(rows)×\(columns)") }
        guard columns % type.blockElements == 0 else { throw .columnsNotMultipleOfBlock(type: type, columns: columns) }
    }

    static func codec(_ type: GGUFType) -> any GGUFBlockCodec.Type {
        switch type {
        case .q4_0: return Q4_0Codec.self
        case .q4_1: return Q4_1Codec.self
        case .q5_0: return Q5_0Codec.self
        case .q5_1: return Q5_1Codec.self
        case .q8_0: return Q8_0Codec.self
        case .q2_K: return Q2_KCodec.self
        case .q3_K: return Q3_KCodec.self
        case .q4_K: return Q4_KCodec.self
        case .q5_K: return Q5_KCodec.self
        case .q6_K: return Q6_KCodec.self
        case .iq4_nl: return IQ4_NLCodec.self
        case .iq4_xs: return IQ4_XSCodec.self
        case .tq1_0: return TQ1_0Codec.self
        case .tq2_0: return TQ2_0Codec.self
        case .mxfp4: return MXFP4Codec.self
        case .nvfp4: return NVFP4Codec.self
        case .iq1_s: return IQ1_SCodec.self
        case .iq1_m: return IQ1_MCodec.self
        case .iq2_xxs: return IQ2_XXSCodec.self
        case .iq2_xs: return IQ2_XSCodec.self
        case .iq2_s: return IQ2_SCodec.self
        case .iq3_xxs: return IQ3_XXSCodec.self
        case .iq3_s: return IQ3_SCodec.self
        }
    }
}
