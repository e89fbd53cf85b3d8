import PortableMath
import Quantization
import ReportKit
import SoftFloat

/// `kind = "matmul-error"`: C = A · B through int8 (per tensor, vector-wise, LLM.int8) and
/// through narrow floats (FP16, BF16, FP8), against the float64 product, as a few columns of A
/// grow outliers.
///
/// Inputs (per seed, the same for every method and magnitude): A is `rows × inner` N(0, 1)
/// with `outlier_columns` columns (drawn from `seed XOR FNV-1a-64("outlier-columns")`)
/// multiplied by the magnitude m; B is `inner × columns` N(0, 1) from
/// `seed XOR FNV-1a-64("B")`. Both are rounded once to the `compute` format (float32): those
/// are "the model's" matrices, and the reference is their exact-input float64 product (k
/// ascending). Variates come from ``RandomVariates`` (+ − × ÷ and √ only).
///
/// Methods:
/// - `int8-tensorwise`, `int8-vectorwise`: the Quantization library's `matmul` (textbook
///   convention): one absmax scale for all of A (and B), or one per row of A and column of B;
/// - `llm-int8`: vector-wise with the outlier decomposition at `threshold`: columns of A with
///   any |a| ≥ threshold are multiplied in float16, the rest in int8;
/// - `INPUT[/ACCUMULATOR]` (e.g. `float16/float16`, `bfloat16`, `float8_e4m3fn`): the inputs
///   rounded to INPUT, products and sums rounded to ACCUMULATOR (default `accumulator`);
///   formats of at most 8 bits get a per-tensor scale (``SoftFloatMatmul``).
///
/// Cells: magnitude × seed × method.
struct MatmulErrorExperiment: Experiment {
    static let kind = "matmul-error"
    static let about = "int8 (per tensor, vector-wise, LLM.int8) and FP16/BF16/FP8 matmul against float64 as outlier columns grow"

    enum Method: Sendable, Hashable {
        case integer(MatmulScheme, threshold: Double?)
        case float(SoftFloatMatmul)
    }

    let spec: ExperimentSpec
    let methodNames: [String]
    let methods: [Method]
    let magnitudeTexts: [String]
    let magnitudes: [Double]
    let seeds: [UInt64]
    let rows: Int
    let inner: Int
    let columns: Int
    let outlierColumns: Int
    let threshold: Double
    let compute: FloatFormat
    /// `[checks.sqnr_between]`: `"METHOD MAGNITUDE" = [low, high]` dB, key split in two.
    let sqnrChecks: [SpecCheck<(method: String, magnitude: String, range: ClosedRange<Double>)>]
    /// `[checks.float16_columns]`: `"MAGNITUDE" = [low, high]` columns on LLM.int8's float16 path.
    let float16ColumnChecks: [SpecCheck<ClosedRange<Double>>]

    static let defaultMethods = ["int8-tensorwise", "int8-vectorwise", "llm-int8", "float16/float16", "float16", "bfloat16",
                                 "float8_e4m3fn", "float8_e5m2"]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["methods", "magnitudes", "seeds", "rows", "inner", "columns", "outlier_columns", "threshold",
                           "compute", "accumulator"])
        threshold = try QuantizationErrorExperiment.number(p, "threshold", default: "6", range: 0...1e30)
        compute = try QuantizationErrorExperiment.format(p, "compute", default: "float32")
        let accumulator = try QuantizationErrorExperiment.format(p, "accumulator", default: "float32")
        var names: [String] = []
        var methods: [Method] = []
        for (index, name) in try p.strings("methods", default: Self.defaultMethods).enumerated() {
            switch name {
            case "int8-tensorwise": methods.append(.integer(.tensorwise, threshold: nil)); names.append(name)
            case "int8-vectorwise": methods.append(.integer(.vectorwise, threshold: nil)); names.append(name)
            case "llm-int8": methods.append(.integer(.vectorwise, threshold: threshold)); names.append(name)
            default:
                let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                let input = parts.count <= 2 ? parts.first.flatMap { try? FloatFormat.named($0) } : nil
                let sum = parts.count == 2 ? parts.last.flatMap { try? FloatFormat.named($0) } : accumulator
                guard let input, let sum else {
                    throw p.error("methods", "element \(index): '\(name)' is not int8-tensorwise, int8-vectorwise, llm-int8 or a float format INPUT[/ACCUMULATOR]")
                }
                guard sum.isSigned, sum.hasZero, input.isSigned, input.hasZero else {
                    throw p.error("methods", "element \(index): '\(name)' needs signed formats with zero")
                }
                methods.append(.float(SoftFloatMatmul(input: input, accumulator: sum)))
                names.append("\(input.name)/\(sum.name)")
            }
        }
        self.methods = methods
        methodNames = names
        let numbers = try p.numbers("magnitudes", default: ["1", "2", "3", "4", "6", "8", "12", "16", "24", "32", "48", "64", "100"])
        var values: [Double] = []
        for (index, number) in numbers.enumerated() {
            let value = Double(bitPattern: number.value.rounded(to: .float64).bits)
            guard value.isFinite, value > 0 else { throw p.error("magnitudes", "element \(index): '\(number.text)' must be a positive number") }
            values.append(value)
        }
        magnitudeTexts = numbers.map(\.text)
        magnitudes = values
        seeds = try p.integers("seeds", default: [1, 2, 3], range: 0...Int.max).map { UInt64($0) }
        rows = try p.integer("rows", default: 32, range: 1...4096)
        inner = try p.integer("inner", default: 512, range: 1...65536)
        columns = try p.integer("columns", default: 32, range: 1...4096)
        outlierColumns = try p.integer("outlier_columns", default: 4, range: 0...inner)
        try spec.checks.requireOnly(["sqnr_between", "float16_columns"])
        sqnrChecks = try spec.checks.rangeChecks("sqnr_between").map { check throws(SpecError) in
            let parts = check.key.split(separator: " ").map(String.init)
            guard parts.count == 2, let method = parts.first, let magnitude = parts.last else {
                throw check.table.error(check.key, "expected a key '<method> <magnitude>'")
            }
            return SpecCheck(table: check.table, key: check.key, expected: (method, magnitude, check.expected))
        }
        float16ColumnChecks = try spec.checks.rangeChecks("float16_columns")
    }

    var tables: [TableSchema] {
        [TableSchema(suffix: nil, row: ErrorRow.self,
                     about: "one row per outlier magnitude × seed × method: error of C against the float64 product")]
    }

    var cellCount: Int { magnitudes.count * seeds.count * methods.count }

    /// A (with its outlier columns scaled by `magnitude`) and B, rounded to the compute format.
    func operands(seed: UInt64, magnitude: Double) throws -> (Matrix, Matrix) {
        var aValues = InputDistribution.normal.sample(rows: rows, columns: inner, seed: seed)
        var picker = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("outlier-columns")))
        for column in picker.distinctIndices(outlierColumns, below: inner) {
            for row in 0..<rows { aValues[row * inner + column] *= magnitude }
        }
        let bValues = InputDistribution.normal.sample(rows: inner, columns: columns, seed: seed ^ Fingerprint.fnv1a64("B"))
        return (try Matrix(rows: rows, columns: inner, format: compute, doubles: aValues),
                try Matrix(rows: inner, columns: columns, format: compute, doubles: bValues))
    }

    /// Σ_k a·b in float64, k ascending.
    func reference(_ a: Matrix, _ b: Matrix) -> [Double] {
        let left = a.doubleValues, right = b.doubleValues
        var product = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum = 0.0
                for k in 0..<inner { sum += left[i * inner + k] * right[k * columns + j] }
                product[i * columns + j] = sum
            }
        }
        return product
    }

    func computeCell(_ index: Int) throws -> CellResult {
        var rest = index
        let methodIndex = rest % methods.count; rest /= methods.count
        let seed = seeds[rest % seeds.count]; rest /= seeds.count
        let magnitudeIndex = rest
        let (a, b) = try operands(seed: seed, magnitude: magnitudes[magnitudeIndex])
        let exact = reference(a, b)
        let approximation: [Double]
        var float16Columns = "n/a", float16Fraction = "n/a"
        let bitsPerParameter: Double
        switch methods[methodIndex] {
        case .integer(let scheme, let threshold):
            let result = try matmul(a, b, MatmulConfiguration(scheme: scheme, outlierThreshold: threshold, compute: compute))
            approximation = result.product.doubleValues
            float16Columns = String(result.outlierColumns.count)
            float16Fraction = NumberText.shortest(Double(result.outlierColumns.count) / Double(inner))
            bitsPerParameter = result.metrics.bitsPerParameter
        case .float(let multiplier):
            approximation = multiplier.multiply(a, b)
            let scaleBits = multiplier.isScaled ? 2 * multiplier.accumulator.bitWidth : 0
            bitsPerParameter = Double((a.count + b.count) * multiplier.input.bitWidth + scaleBits) / Double(a.count + b.count)
        }
        let metrics = ErrorMetrics(reference: exact, approximation: approximation)
        var signal = 0.0, noise = 0.0
        for index in exact.indices {
            let difference = exact[index] - approximation[index]
            signal += exact[index] * exact[index]
            noise += difference * difference
        }
        let relative = signal == 0 ? Double.nan : (noise / signal).squareRoot()
        var result = CellResult(tables)
        result.append(ErrorRow(magnitude: magnitudeTexts[magnitudeIndex], seed: seed, method: methodNames[methodIndex],
                               sqnr: NumberText.shortest(metrics.sqnr),
                               relativeError: NumberText.shortest(relative), rmsError: NumberText.shortest(metrics.rootMeanSquaredError),
                               maxAbsoluteError: NumberText.shortest(metrics.maxAbsoluteError), cosine: NumberText.shortest(metrics.cosineSimilarity),
                               float16Columns: float16Columns, float16Fraction: float16Fraction, bitsPerParameter: NumberText.shortest(bitsPerParameter)))
        return result
    }

    // MARK: Report

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let table = try tables.rows(ErrorRow.self)
        func values(_ method: String, _ magnitude: String, _ column: ErrorRow.Column) -> [Double] {
            table.filter { $0.method == method && $0.magnitude == magnitude }.compactMap { $0.number(column) }
        }
        func mean(_ list: [Double]) -> Double? { list.isEmpty ? nil : list.reduce(0, +) / Double(list.count) }
        func meanSQNR(_ method: String, _ magnitude: String) -> Double? { mean(values(method, magnitude, .sqnr_db)) }
        func shown(_ value: Double?, digits: Int = 4) -> String {
            guard let value else { return "—" }
            return value.isFinite ? NumberText.general(value, digits: digits) : NumberText.shortest(value)
        }

        var checks = CheckList()
        for check in sqnrChecks {
            let (method, magnitude, range) = check.expected
            let rows = table.filter { $0.method == method && $0.magnitude == magnitude }
            guard !rows.isEmpty else { throw check.failure("no such method and magnitude in this run") }
            for row in rows {
                try checks.expectWithin(row.number(.sqnr_db) ?? .nan, range, at: check.table, key: check.key,
                                        what: "\(row.method) SQNR at magnitude \(row.magnitude), seed \(row.seed) (dB)",
                                        shown: shown(row.number(.sqnr_db), digits: 5))
            }
        }
        for check in float16ColumnChecks {
            let rows = table.filter { $0.method == "llm-int8" && $0.magnitude == check.key }
            guard !rows.isEmpty else { throw check.failure("no llm-int8 rows at magnitude \(check.key) in this run") }
            for row in rows {
                try checks.expectWithin(row.number(.float16_columns) ?? .nan, check,
                                        what: "llm-int8 columns on the float16 path at magnitude \(row.magnitude), seed \(row.seed)",
                                        shown: row.float16Columns)
            }
        }

        var body = MarkdownDocument()
        body.paragraph("""
            A is \(rows) × \(inner) N(0, 1) with \(outlierColumns) of its \(inner) columns multiplied by the outlier magnitude m; \
            B is \(inner) × \(columns) N(0, 1); both are rounded to \(compute.name). SQNR = 20·log10(‖C_ref‖ / ‖C − C_ref‖) \
            against the float64 product, mean over \(seeds.count) seeds. LLM.int8 threshold: \(NumberText.general(threshold)).
            """)
        body.heading("SQNR (dB) against outlier magnitude", level: 3)
        var pivot = DataTable(columns: [DataColumn("m", alignment: .right)] + methodNames.map { DataColumn($0, alignment: .right) }
                              + [DataColumn("llm-int8 float16 columns", alignment: .right)])
        for magnitude in magnitudeTexts {
            let counts = values("llm-int8", magnitude, .float16_columns)
            let countText = counts.isEmpty ? "—" : (counts.min() == counts.max() ? shown(counts.first) : "\(shown(counts.min()))–\(shown(counts.max()))")
            pivot.append([magnitude] + methodNames.map { shown(meanSQNR($0, magnitude)) } + [countText])
        }
        body.table(pivot)
        let sqnrPlot = makeMethodPlot(title: "Matmul SQNR as outlier columns grow", identifier: "matmul-sqnr",
                                      yLabel: "SQNR against float64 (dB)", yScale: .linear, meanSQNR)
        body.image("\(spec.name)-sqnr.svg", alt: "SQNR against outlier magnitude for each matmul method")
        body.paragraph("""
            SQNR is relative to the whole product, which grows with m; the absolute error shows the mechanism more plainly: \
            vector-wise int8's RMS error grows in proportion to m, LLM.int8's stays at its outlier-free level.
            """)
        let rmsPlot = makeMethodPlot(title: "Matmul RMS error as outlier columns grow", identifier: "matmul-rms",
                                     yLabel: "RMS error of C", yScale: .log10) { mean(values($0, $1, .rms_error)) }
        body.image("\(spec.name)-rms.svg", alt: "RMS error against outlier magnitude for each matmul method")
        let fractionPlot = makeFractionPlot(table)
        body.image("\(spec.name)-float16-columns.svg", alt: "fraction of columns on the float16 path against outlier magnitude")

        let largest = magnitudeTexts[magnitudes.indices.max { magnitudes[$0] < magnitudes[$1] } ?? 0]
        let firstSeed = seeds.first!
        body.heading("Every metric at m = \(largest), seed \(firstSeed)", level: 3)
        var detail = DataTable(columns: [DataColumn("method")] + ["SQNR dB", "relative error", "RMS error", "max abs error", "cosine", "float16 columns", "bits/param"].map { DataColumn($0, alignment: .right) })
        for name in methodNames {
            guard let row = table.first(where: { $0.method == name && $0.magnitude == largest && $0.seed == firstSeed }) else { continue }
            func significant(_ column: ErrorRow.Column) -> String { NumberText.significant(row.number(column) ?? .nan, digits: 4) }
            detail.append([name, shown(row.number(.sqnr_db)), significant(.relative_error), significant(.rms_error), significant(.max_abs_error),
                           NumberText.general(row.number(.cosine) ?? .nan, digits: 7), row.float16Columns, shown(row.number(.bits_per_parameter))])
        }
        body.table(detail)

        // Finding.
        let smallest = magnitudeTexts[magnitudes.indices.min { magnitudes[$0] < magnitudes[$1] } ?? 0]
        var parts: [String] = []
        func rms(_ method: String, _ magnitude: String) -> String { shown(mean(values(method, magnitude, .rms_error)), digits: 3) }
        if let before = meanSQNR("int8-vectorwise", smallest), let after = meanSQNR("int8-vectorwise", largest) {
            parts.append("with \(outlierColumns) of \(inner) columns of A scaled from m = \(smallest) to \(largest), vector-wise int8 falls from \(shown(before)) to \(shown(after)) dB (RMS error \(rms("int8-vectorwise", smallest)) → \(rms("int8-vectorwise", largest)))")
        }
        if let repaired = meanSQNR("llm-int8", largest) {
            let fraction = mean(values("llm-int8", largest, .float16_fraction)).map { NumberText.general($0 * 100, digits: 3) + "%" } ?? "?"
            parts.append("LLM.int8 at threshold \(NumberText.general(threshold)) sends \(fraction) of the columns to float16 and reaches \(shown(repaired)) dB (RMS error \(rms("llm-int8", largest)))")
        }
        let floats = methodNames.filter { !$0.hasPrefix("int8") && $0 != "llm-int8" }
        let shifts = floats.compactMap { name in meanSQNR(name, smallest).flatMap { low in meanSQNR(name, largest).map { abs($0 - low) } } }
        if let widest = shifts.max() {
            parts.append("the \(floats.count) float methods (\(floats.joined(separator: ", "))) move by at most \(shown(widest, digits: 2)) dB")
        }
        var finding = parts.joined(separator: "; ")
        finding = finding.isEmpty ? "Matmul error of \(methodNames.count) methods as outliers grow." : finding.prefix(1).uppercased() + finding.dropFirst() + "."

        var discussion = """
            Every row of A holds the outlier columns, so each row's absmax — and with it the int8 step of all \(inner) values \
            of the row — grows with m: the error on the ordinary features grows in proportion to m, and per-tensor scaling \
            fares the same or worse. LLM.int8 moves every column holding a value ≥ \(NumberText.general(threshold)) to a float16 \
            matmul, so the int8 part keeps the small step of the ordinary features and the absolute error stays at its \
            outlier-free level, while the signal keeps growing (hence its rising SQNR). Floating-point inputs scale their \
            step with each value, so FP16, BF16 and FP8 hardly notice m
            """
        if let narrow = meanSQNR("float16/float16", smallest), let wide = meanSQNR("float16/float32", smallest) {
            discussion += "; accumulating in float16 instead of float32 costs \(shown(wide - narrow, digits: 3)) dB over \(inner) terms"
        }
        discussion += "."
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-sqnr.svg", contents: sqnrPlot.svg()),
                    ReportFile(name: "\(spec.name)-rms.svg", contents: rmsPlot.svg()),
                    ReportFile(name: "\(spec.name)-float16-columns.svg", contents: fractionPlot.svg())],
            fileNotes: ["\(spec.name)-sqnr.svg": "SQNR of each method against the outlier magnitude",
                        "\(spec.name)-rms.svg": "RMS error of C for each method against the outlier magnitude (log-log)",
                        "\(spec.name)-float16-columns.svg": "LLM.int8: columns on the float16 path against the outlier magnitude"])
    }

    /// One line per method of the mean of `column` against the magnitude (log x).
    func makeMethodPlot(title: String, identifier: String, yLabel: String, yScale: AxisScale,
                        _ mean: (String, String) -> Double?) -> Plot {
        var plot = Plot(title: title,
                        subtitle: "A: \(rows)×\(inner) N(0,1), \(outlierColumns) columns × m; B: \(inner)×\(columns) N(0,1); mean over \(seeds.count) seeds",
                        x: PlotAxis(label: "outlier magnitude m", scale: .log10), y: PlotAxis(label: yLabel, scale: yScale))
        plot.identifier = identifier
        plot.legend = .outsideRight
        plot.width = 900
        let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross]
        for (index, name) in methodNames.enumerated() {
            let points = zip(magnitudeTexts, magnitudes).compactMap { text, value in mean(name, text).map { PlotPoint(value, $0) } }
            let isInteger = name.hasPrefix("int8") || name == "llm-int8"
            plot.series.append(PlotSeries(name: name, points: points,
                                          style: SeriesStyle(color: Palette.color(index), lineWidth: isInteger ? 2.5 : 1.5,
                                                             dash: isInteger ? nil : "6 3", marker: markers[index % markers.count], markerSize: 4)))
        }
        plot.referenceLines.append(ReferenceLine(.vertical, at: threshold, style: SeriesStyle(color: "#999999", lineWidth: 1, dash: "3 3"),
                                                 label: "threshold \(NumberText.general(threshold))"))
        return plot
    }

    func makeFractionPlot(_ table: [ErrorRow]) -> Plot {
        var plot = Plot(title: "LLM.int8: columns of A on the float16 path",
                        subtitle: "any |a| ≥ \(NumberText.general(threshold)) sends a column to float16; \(outlierColumns) of \(inner) columns carry the outliers",
                        x: PlotAxis(label: "outlier magnitude m", scale: .log10), y: PlotAxis(label: "columns on the float16 path"))
        plot.identifier = "matmul-float16-columns"
        plot.legend = .bottomRight
        for (index, seed) in seeds.enumerated() {
            let points = zip(magnitudeTexts, magnitudes).compactMap { text, value -> PlotPoint? in
                guard let row = table.first(where: { $0.method == "llm-int8" && $0.magnitude == text && $0.seed == seed }),
                      let count = row.number(.float16_columns) else { return nil }
                return PlotPoint(value, count)
            }
            plot.series.append(PlotSeries(name: "seed \(seed)", points: points,
                                          style: SeriesStyle(color: Palette.color(index), lineWidth: 1.5, dash: Palette.dash(index), marker: .circle, markerSize: 4)))
        }
        plot.referenceLines.append(ReferenceLine(.horizontal, at: Double(outlierColumns), style: SeriesStyle(color: "#000000", lineWidth: 1, dash: "6 4"),
                                                 label: "\(outlierColumns) outlier columns"))
        plot.referenceLines.append(ReferenceLine(.vertical, at: threshold, style: SeriesStyle(color: "#999999", lineWidth: 1, dash: "3 3"),
                                                 label: "threshold \(NumberText.general(threshold))"))
        return plot
    }
}
