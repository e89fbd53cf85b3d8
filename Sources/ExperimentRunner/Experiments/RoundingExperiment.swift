import ReportKit
import SoftFloat

/// `kind = "rounding"`: each value (exact text such as `1/3`) rounded once into every format
/// under every rounding mode, with bits, exact decimal expansion and exact errors.
///
/// Cells: one per (value, format), holding one row per mode. Stochastic rounding draws one
/// 64-bit number per cell from `SplitMix64(seed: stochastic_seed ^ FNV-1a("value|format"))`,
/// so a cell's draw depends on its value and format names only, never on the sweep order.
struct RoundingExperiment: Experiment {
    static let kind = "rounding"
    static let about = "values rounded into every format under every rounding mode, with exact errors"

    let spec: ExperimentSpec
    let values: [String]
    let exactValues: [ExactNumber]
    let formats: [FloatFormat]
    let modes: [RoundingMode]
    let stochasticSeed: UInt64
    /// `[checks.nearest_even.VALUE]`: expected exact decimal per format.
    let nearestEvenChecks: [(group: String, checks: [SpecCheck<String>])]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let parameters = spec.parameters
        try parameters.requireOnly(["values", "formats", "modes", "stochastic_seed"])
        let numbers = try parameters.numbers("values", default: ["1/3", "0.1", "2/3", "1e-5"])
        for (index, number) in numbers.enumerated() where !number.value.isFinite {
            throw parameters.error("values", "element \(index): '\(number.text)' must be a finite decimal, rational a/b or hex-float (inf and nan are not measured)")
        }
        values = numbers.map(\.text)
        exactValues = numbers.map(\.value)
        formats = try parameters.formats("formats", default: FloatFormat.builtIn)
        modes = try parameters.roundingModes("modes", default: RoundingMode.allCases)
        stochasticSeed = try parameters.seed("stochastic_seed", default: 0)
        try spec.checks.requireOnly(["nearest_even"])
        nearestEvenChecks = try spec.checks.groupedStringChecks("nearest_even")
    }

    var tables: [TableSchema] {
        [TableSchema(suffix: nil, row: ResultRow.self, about: "one row per value × format × rounding mode")]
    }

    var cellCount: Int { values.count * formats.count }

    func cellSeed(value: String, format: FloatFormat) -> UInt64 {
        stochasticSeed ^ Fingerprint.fnv1a64("\(value)|\(format.name)")
    }

    func computeCell(_ index: Int) throws -> CellResult {
        let valueIndex = index / formats.count
        let format = formats[index % formats.count]
        let value = values[valueIndex]
        var random = SplitMix64(seed: cellSeed(value: value, format: format))
        let draw = random.next()
        var result = CellResult(tables)
        for mode in modes {
            let exact = exactValues[valueIndex]
            let rounded = exact.rounded(to: format, options: RoundingOptions(rounding: mode), random: mode == .stochastic ? draw : 0)
            let error = RoundingError(code: rounded.bits, of: format, against: exact)
            result.append(ResultRow(value: value, format: format, mode: mode, rounded: rounded, error: error))
        }
        return result
    }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let results = try tables.rows(ResultRow.self)
        let nearest = results.filter { $0.mode == RoundingMode.nearestEven.rawValue }
        func row(_ value: String, _ format: String, _ mode: String = "nearest-even") -> ResultRow? {
            results.first { $0.value == value && $0.format == format && $0.mode == mode }
        }
        func cell(_ row: ResultRow?, _ column: ResultRow.Column) -> String {
            row?.text(column) ?? "n/a"
        }

        var checks = CheckList()
        for (value, group) in nearestEvenChecks {
            for check in group {
                try checks.expectEqual(computed: cell(row(value, check.key), .exact_decimal), check,
                                       what: "\(value) in \(check.key), nearest-even")
            }
        }

        var body = MarkdownDocument()
        let first = values.first!
        body.heading("\(first) in every format (nearest-even)", level: 3)
        body.paragraph("The exact decimal expansion is the stored value itself, digit for digit (every binary float has a finite one). Errors are stored − exact, exact in rational arithmetic, printed with 6 significant digits; ulp errors count ulps of the stored value.")
        var firstTable = DataTable(columns: [DataColumn("format"), DataColumn("bits"), DataColumn("exact decimal of the stored value"),
                                             DataColumn("rel error", alignment: .right), DataColumn("ulp error", alignment: .right)])
        for format in formats {
            let r = row(first, format.name)
            firstTable.append([format.name, "`\(cell(r, .bits))`", cell(r, .exact_decimal), cell(r, .rel_error), cell(r, .ulp_error)])
        }
        body.table(firstTable)

        if let mid = formats.first(where: { $0.name == "float16" }) ?? formats.first {
            body.heading("\(first) in \(mid.name) under every rounding mode", level: 3)
            var modeTable = DataTable(columns: [DataColumn("mode"), DataColumn("bits"), DataColumn("stored value"),
                                                DataColumn("abs error", alignment: .right), DataColumn("ulp error", alignment: .right),
                                                DataColumn("flags")])
            for mode in modes {
                let r = row(first, mid.name, mode.rawValue)
                modeTable.append([mode.rawValue, "`\(cell(r, .bits))`", cell(r, .exact_decimal), cell(r, .abs_error), cell(r, .ulp_error), cell(r, .flags)])
            }
            body.table(modeTable)
            body.paragraph("`stochastic` rounds up with probability equal to the distance to the lower neighbor in ulps; its one draw per cell comes from SplitMix64 seeded with `stochastic_seed` XOR FNV-1a(\"value|format\").")
        }

        body.heading("Every value, nearest-even", level: 3)
        var summary = DataTable(columns: [DataColumn("format")] + values.map { DataColumn($0, alignment: .right) })
        for format in formats {
            summary.append([format.name] + values.map { value in
                let r = row(value, format.name)
                return "\(cell(r, .shortest)) (\(cell(r, .rel_error)))"
            })
        }
        body.paragraph("Each cell: the stored value as the shortest decimal that round-trips in that format, and (relative error).")
        body.table(summary)
        body.image("\(spec.name)-error.svg", alt: "Relative error against precision")

        // Plot: |relative error| against precision, one series per value, and the unit roundoff 2^-p.
        var plot = Plot(title: "Relative rounding error, nearest-even",
                        subtitle: "every format; values side by side at each p; the line is the unit roundoff 2^-p",
                        x: PlotAxis(label: "significand precision p (bits, including the implicit bit)"),
                        y: PlotAxis(label: "|stored − exact| / |exact|", scale: .log10))
        plot.identifier = "rounding"
        let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross]
        var exceeding: [String] = []
        var exceedingNormal: [String] = []
        let precisions = formats.map(\.precision)
        for (index, value) in values.enumerated() {
            var points: [PlotPoint] = []
            for row in nearest where row.value == value {
                let p = Double(row.precisionBits)
                let magnitude = NumberText.double(row.relativeError).map(abs) ?? .nan
                // Values side by side around each precision, so coinciding points stay visible.
                let offset = (Double(index) - Double(values.count - 1) / 2) * 0.3
                points.append(PlotPoint(p + offset, magnitude == 0 ? .nan : magnitude))
                let bound = Double(sign: .plus, exponent: -Int(p), significand: 1)
                if magnitude > bound {
                    exceeding.append("\(value) in \(row.format) (\(row.shortest), \(row.relativeError))")
                    if row.valueClass == "normal" { exceedingNormal.append("\(value) in \(row.format)") }
                }
            }
            var style = SeriesStyle(color: Palette.color(index), lineWidth: 0, marker: markers[index % markers.count], markerSize: 5)
            style.dash = nil
            plot.series.append(PlotSeries(name: value, points: points, style: style))
        }
        let pLow = precisions.min() ?? 1, pHigh = precisions.max() ?? 53
        plot.series.append(PlotSeries(name: "2^-p (unit roundoff)",
                                      points: (pLow...pHigh).map { PlotPoint(Double($0), Double(sign: .plus, exponent: -$0, significand: 1)) },
                                      style: SeriesStyle(color: "#444444", lineWidth: 1.5, dash: "6 4")))
        plot.x.range = Double(max(0, pLow - 1))...Double(pHigh + 2)
        plot.y.range = Double(sign: .plus, exponent: -(pHigh + 4), significand: 1)...10
        plot.legend = .bottomLeft

        let exactCount = nearest.filter { $0.relativeError == "0" }.count
        let firstDigits = ["float64", "float32", "float16", "bfloat16"].compactMap { name -> String? in
            guard formats.contains(where: { $0.name == name }) else { return nil }
            return "\(cell(row(first, name), .exact_decimal)) in \(name)"
        }
        var finding = "Nearest-even \(first) is " + firstDigits.joined(separator: ", ")
        if exceedingNormal.isEmpty {
            finding += "; every nearest-even result in a normal range is within the unit roundoff 2^-p of the exact value (only subnormal or flushed results exceed it)."
        } else {
            finding += "; nearest-even results above the unit roundoff 2^-p in a normal range: " + exceedingNormal.joined(separator: ", ") + "."
        }
        var discussion = "Rounding to nearest keeps the relative error below 2^-p for every normal result: the points sit under the dashed line, and the digits of \(first) run out after about p·log10 2 decimal places (float16 keeps 0.3333, bfloat16 0.334). "
        discussion += "Directed modes (toward-zero, up, down) move the error to one side and up to a whole ulp; round-to-odd sets the last bit of every inexact result. "
        if exceeding.isEmpty {
            discussion += "No value exceeded the bound in this sweep."
        } else {
            discussion += "Above the bound: " + exceeding.prefix(6).joined(separator: "; ") + (exceeding.count > 6 ? " and \(exceeding.count - 6) more" : "") + " — results in the subnormal range (or beyond it), where the spacing no longer scales with the value. "
        }
        if exactCount > 0 { discussion += " \(exactCount) of \(nearest.count) nearest-even results are exact." }

        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-error.svg", contents: plot.svg())],
            fileNotes: ["\(spec.name)-error.svg": "|relative error| of every value in every format (nearest-even) against precision, with 2^-p"])
    }
}
