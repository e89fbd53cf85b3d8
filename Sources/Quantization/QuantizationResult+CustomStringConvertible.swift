import SoftFloat

extension QuantizationResult: CustomStringConvertible {
    /// A readable summary: the setup, q, the scales and zero points, x̂ and the metrics
    /// (large matrices are elided in the middle: ``text(full:)`` prints them whole).
    public var description: String { text(full: false) }

    /// The summary of ``description``; with `full` (`quantize --full`) every row and column of
    /// q and x̂ and every scale and zero point, nothing elided.
    public func text(full: Bool) -> String {
        var lines: [String] = []
        var setup = "\(configuration.scheme)"
        if configuration.scheme.isInteger {
            setup += " \(configuration.isUnsigned ? "uint" : "int")\(configuration.bits)"
        }
        setup += ", granularity \(granularity), \(configuration.convention) convention, compute \(configuration.compute.name)"
        if configuration.scheme.isMX { setup += ", \(configuration.resolvedScaleRounding) scale rounding" }
        if configuration.doubleQuantization { setup += ", double-quantized scales" }
        lines.append(setup)
        lines.append("input \(input.rows)×\(input.columns), cast to \(input.format.name)")
        lines.append("")
        lines.append("q (\(Self.meaning(of: elementKind))):")
        lines.append(MatrixText.render(rows: input.rows, columns: input.columns, full: full) { quantizedText(row: $0, column: $1) })
        lines.append("")
        let scaleTexts = scales.map { scaleFormat.printedDecimal($0) }
        lines.append("scale (\(scaleFormat.name), \(scales.count) group\(scales.count == 1 ? "" : "s")): " + Self.list(scaleTexts, full: full))
        if scales.count <= 4, scaleFormat.bitWidth > 16 {  // narrower scales print exactly already
            lines.append("  exactly: " + scales.map { scaleFormat.exactDecimal($0) }.joined(separator: ", "))
        }
        if let tensorScale {
            lines.append("tensor scale (float32): " + FloatFormat.float32.printedDecimal(tensorScale) + "  (x ≈ q × scale × tensor scale)")
        }
        if let multiplier {
            lines.append("multiplier (float32): " + FloatFormat.float32.printedDecimal(multiplier) + "  (q = fp8(x × multiplier), scale = 1/multiplier)")
        }
        if zeroPoints.contains(where: { $0 != 0 }) {
            lines.append("zero point: " + Self.list(zeroPoints.map(String.init), full: full))
        }
        lines.append("")
        lines.append("dequantized (\(dequantized.format.name)):")
        lines.append(dequantized.text(full: full))
        lines.append("")
        lines.append("error against the input (float64):")
        lines.append(contentsOf: metrics.summaryLines)
        return lines.joined(separator: "\n")
    }

    static func meaning(of kind: QuantizedElementKind) -> String {
        switch kind {
        case .integer(let bits): return "\(bits)-bit integers"
        case .codebookIndex(let codebook): return "\(codebook.name) code indices"
        case .float(let format): return "\(format.name) values"
        case .scaledInteger(let bits, let exponent): return "\(bits)-bit integers × 2^\(exponent)"
        }
    }

    static func list(_ texts: [String], maximum: Int = 16, full: Bool = false) -> String {
        guard texts.count > maximum, !full else { return texts.joined(separator: ", ") }
        return (texts.prefix(maximum / 2) + ["…"] + texts.suffix(maximum / 2)).joined(separator: ", ")
    }
}
