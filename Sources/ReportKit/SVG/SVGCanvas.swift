/// A minimal SVG writer: shapes and text appended in order, numbers printed by
/// ``SVGNumber``, text XML-escaped. The output is a standalone document with a white
/// background (so it reads on GitHub's dark theme too).
///
///     var canvas = SVGCanvas(width: 200, height: 100)
///     canvas.line(x1: 0, y1: 50, x2: 200, y2: 50, stroke: "#000000")
///     canvas.text("hello", x: 100, y: 40, anchor: .middle)
///     canvas.render()   // "<svg xmlns=… width=\"200\" height=\"100\" …>…</svg>\n"
public struct SVGCanvas: Sendable {
    public enum TextAnchor: String, Sendable { case start, middle, end }

    public let width: Double
    public let height: Double
    /// Font stack used for all text.
    public var fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    private var definitions: [String] = []
    private var elements: [String] = []

    public init(width: Double, height: Double, background: String? = "#ffffff") {
        self.width = width
        self.height = height
        if let background {
            elements.append("<rect x=\"0\" y=\"0\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"\(background)\"/>")
        }
    }

    /// Declares a rectangular clip path that later shapes can reference by `id`.
    public mutating func clipRect(id: String, x: Double, y: Double, width: Double, height: Double) {
        definitions.append("<clipPath id=\"\(Self.escape(id))\"><rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\"/></clipPath>")
    }

    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String = "none",
                              stroke: String? = nil, strokeWidth: Double = 1, opacity: Double? = nil) {
        var attributes = "x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(f(strokeWidth))\"" }
        if let opacity { attributes += " fill-opacity=\"\(f(opacity))\"" }
        elements.append("<rect \(attributes)/>")
    }

    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dash: String? = nil, clip: String? = nil) {
        var attributes = "x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        if let clip { attributes += " clip-path=\"url(#\(Self.escape(clip)))\"" }
        elements.append("<line \(attributes)/>")
    }

    /// A path through the points; each inner array is a separate connected run (`M … L …`).
    public mutating func polyline(_ runs: [[(x: Double, y: Double)]], stroke: String, width: Double = 2,
                                  dash: String? = nil, clip: String? = nil) {
        let data = runs.filter { !$0.isEmpty }.map { run in
            run.enumerated().map { ($0.offset == 0 ? "M" : "L") + f($0.element.x) + " " + f($0.element.y) }.joined(separator: " ")
        }.joined(separator: " ")
        guard !data.isEmpty else { return }
        var attributes = "d=\"\(data)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\""
        if let dash { attributes += " stroke-dasharray=\"\(dash)\"" }
        if let clip { attributes += " clip-path=\"url(#\(Self.escape(clip)))\"" }
        elements.append("<path \(attributes)/>")
    }

    /// A closed filled polygon.
    public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, stroke: String? = nil, strokeWidth: Double = 1) {
        let list = points.map { f($0.x) + "," + f($0.y) }.joined(separator: " ")
        var attributes = "points=\"\(list)\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(f(strokeWidth))\"" }
        elements.append("<polygon \(attributes)/>")
    }

    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1) {
        var attributes = "cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"\(f(r))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"\(f(strokeWidth))\"" }
        elements.append("<circle \(attributes)/>")
    }

    public mutating func text(_ content: String, x: Double, y: Double, size: Double = 14, anchor: TextAnchor = .start,
                              color: String = "#222222", weight: String? = nil, rotate: Double? = nil, italic: Bool = false) {
        var attributes = "x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" fill=\"\(color)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if italic { attributes += " font-style=\"italic\"" }
        if let rotate { attributes += " transform=\"rotate(\(f(rotate)) \(f(x)) \(f(y)))\"" }
        elements.append("<text \(attributes)>\(Self.escape(content))</text>")
    }

    /// The finished document, ending in a newline.
    public func render() -> String {
        var text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" font-family=\"\(Self.escape(fontFamily))\">\n"
        if !definitions.isEmpty { text += "<defs>\n" + definitions.map { $0 + "\n" }.joined() + "</defs>\n" }
        text += elements.map { $0 + "\n" }.joined()
        text += "</svg>\n"
        return text
    }

    /// Approximate width of `text` at `size` (average glyph ≈ 0.6 em), for layout.
    public static func estimatedWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.6
    }

    /// XML-escapes `& < > "`.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private func f(_ value: Double) -> String { SVGNumber.format(value) }
}
