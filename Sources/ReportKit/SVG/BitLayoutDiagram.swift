/// Sign, exponent and mantissa boxes for several formats, drawn to one scale (every bit the
/// same width), so float64's 64 bits span the width and float4_e2m1fn's 4 bits are a stub.
///
///     let diagram = BitLayoutDiagram(title: "Bit layouts", rows: [
///         BitLayoutRow(name: "float32", signBits: 1, exponentBits: 8, mantissaBits: 23),
///         BitLayoutRow(name: "bfloat16", signBits: 1, exponentBits: 8, mantissaBits: 7),
///     ])
///     diagram.svg()   // float32's box is 32 bit-widths long, bfloat16's 16
public struct BitLayoutDiagram: Sendable, Hashable {
    public var title: String
    public var rows: [BitLayoutRow]
    public var width: Double = 800

    public static let signColor = (fill: "#f6c9a9", stroke: "#D55E00")
    public static let exponentColor = (fill: "#b3e3d3", stroke: "#009E73")
    public static let mantissaColor = (fill: "#b7d3ec", stroke: "#0072B2")

    public init(title: String, rows: [BitLayoutRow]) {
        self.title = title
        self.rows = rows
    }

    public func svg() -> String {
        let labelWidth = 170.0
        let rowHeight = 26.0
        let rowGap = 12.0
        let top = 76.0
        let maxBits = max(1, rows.map(\.totalBits).max() ?? 1)
        let bitWidth = (width - labelWidth - 24) / Double(maxBits)
        let height = top + Double(rows.count) * (rowHeight + rowGap) + 8
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, x: width / 2, y: 28, size: 18, anchor: .middle, color: "#111111", weight: "bold")

        // Key.
        var keyX = labelWidth
        for (name, colors) in [("sign", Self.signColor), ("exponent", Self.exponentColor), ("mantissa (fraction)", Self.mantissaColor)] {
            canvas.rect(x: keyX, y: 44, width: 18, height: 14, fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.5)
            canvas.text(name, x: keyX + 24, y: 56, size: 13, color: "#333333")
            keyX += 24 + SVGCanvas.estimatedWidth(name, size: 13) + 26
        }
        canvas.text("one bit = \(SVGNumber.format(bitWidth, decimals: 1)) px", x: width - 24, y: 56, size: 12, anchor: .end, color: "#666666")

        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * (rowHeight + rowGap)
            canvas.text(row.name, x: labelWidth - 12, y: y + rowHeight / 2 + 5, size: 14, anchor: .end, color: "#111111")
            var x = labelWidth
            let caption = "\(row.totalBits) bits" + (row.caption.isEmpty ? "" : " · " + row.caption)
            let rowEnd = labelWidth + Double(row.totalBits) * bitWidth
            let captionInside = rowEnd + 8 + SVGCanvas.estimatedWidth(caption, size: 12) > width - 8
            let fields: [(Int, (fill: String, stroke: String), String)] = [
                (row.signBits, Self.signColor, "S"),
                (row.exponentBits, Self.exponentColor, "E\(row.exponentBits)"),
                (row.mantissaBits, Self.mantissaColor, "M\(row.mantissaBits)"),
            ]
            for (bits, colors, label) in fields where bits > 0 {
                let fieldWidth = Double(bits) * bitWidth
                canvas.rect(x: x, y: y, width: fieldWidth, height: rowHeight, fill: colors.fill, stroke: colors.stroke, strokeWidth: 1.5)
                if bitWidth >= 5 {
                    for bit in 1..<bits {
                        let bx = x + Double(bit) * bitWidth
                        canvas.line(x1: bx, y1: y + rowHeight - 6, x2: bx, y2: y + rowHeight, stroke: colors.stroke, width: 0.8)
                    }
                }
                if SVGCanvas.estimatedWidth(label, size: 12) + 4 <= fieldWidth {
                    // With the caption inside the (last, widest) field, its label moves to the left edge.
                    let leftAligned = captionInside && label.hasPrefix("M")
                    canvas.text(label, x: leftAligned ? x + 6 : x + fieldWidth / 2, y: y + rowHeight / 2 + 4, size: 12,
                                anchor: leftAligned ? .start : .middle, color: "#111111")
                }
                x += fieldWidth
            }
            if captionInside {
                canvas.text(caption, x: rowEnd - 8, y: y + rowHeight / 2 + 4, size: 12, anchor: .end, color: "#333333")
            } else {
                canvas.text(caption, x: x + 8, y: y + rowHeight / 2 + 5, size: 12, color: "#444444")
            }
        }
        return canvas.render()
    }
}
