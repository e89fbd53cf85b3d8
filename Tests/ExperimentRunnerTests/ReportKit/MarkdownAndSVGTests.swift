import Foundation
import ReportKit
import Testing

@Suite("Markdown and SVG writers")
struct MarkdownAndSVGTests {
    struct NumberCase: Sendable, CustomTestStringConvertible {
        var value: Double
        var text: String
        var testDescription: String { "\(value) → \(text)" }
    }

    @Test(arguments: [
        NumberCase(value: 12.3456, text: "12.35"), NumberCase(value: -0.001, text: "0"), NumberCase(value: 400, text: "400"),
        NumberCase(value: 0.125, text: "0.12"), NumberCase(value: -7.5, text: "-7.5"), NumberCase(value: .nan, text: "0"),
    ])
    func svgNumbers(_ example: NumberCase) {
        #expect(SVGNumber.format(example.value) == example.text)
    }

    @Test func tickLabelsUseIntegerArithmetic() {
        #expect(AxisTicks.linear(lower: 0, upper: 5000).map(\.label) == ["0", "1000", "2000", "3000", "4000", "5000"])
        #expect(AxisTicks.linear(lower: 0, upper: 0.6).map(\.label) == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"])
        #expect(AxisTicks.powerLabel(-45) == "10⁻⁴⁵")
        #expect(AxisTicks.log10(lowerExponent: -45, upperExponent: 40).filter(\.isMajor).map(\.label).first == "10⁻⁴⁰")
    }

    @Test func plotIsStableAndEscapesText() {
        var plot = Plot(title: "a < b & c", x: PlotAxis(label: "x", scale: .log10), y: PlotAxis(label: "y"))
        plot.series.append(PlotSeries(name: "s", points: [PlotPoint(1, 1), PlotPoint(0, 2), PlotPoint(10, 3), PlotPoint(100, 4)], style: Palette.style(0)))
        let svg = plot.svg()
        #expect(svg.contains("a &lt; b &amp; c"))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\""))
        // x = 0 cannot be drawn on a log axis: the line breaks into two runs.
        #expect(svg.components(separatedBy: " M").count >= 2)
    }
}

