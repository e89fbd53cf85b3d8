extension GGUFQuantization: CustomStringConvertible {
    /// The setup, the block count and the error metrics:
    ///
    ///     gguf-q4_K: blocks of 256 elements in 144 bytes (4.5 bits per parameter), no importance matrix
    ///     input 4×512 float32 → 8 blocks, 1152 bytes
    public var description: String {
        var lines: [String] = []
        let weights = importanceGiven ? (type.usesImportance ? "importance-weighted" : "importance matrix ignored (ggml does not use it for this type)") : "no importance matrix"
        lines.append("\(type): blocks of \(type.blockElements) elements in \(type.blockBytes) bytes (\(ErrorMetrics.text(type.bitsPerParameter)) bits per parameter), \(weights)")
        lines.append("input \(rows)×\(columns) float32 → \(rows * columns / type.blockElements) blocks, \(blocks.count) bytes")
        lines.append("")
        lines.append("error against the input (float64):")
        lines.append(contentsOf: metrics.summaryLines)
        return lines.joined(separator: "\n")
    }
}
