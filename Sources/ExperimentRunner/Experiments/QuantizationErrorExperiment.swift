import PortableMath
import Quantization
import ReportKit
import SoftFloat

/// `kind = "quantization-error"`: quantize → dequantize round trips of random matrices through
/// every scheme of the Quantization library, with every error metric and the uniform-noise
/// model's prediction.
///
/// Sweep: distribution × seed × variant × granularity, where a variant is a scheme and, for
/// the integer schemes (absmax, zero-point), a bit width; NF4 and bnb-FP4 are 4 bits, FP8 8,
/// the MX formats their element width. MX blocks are fixed at 32 elements along a row, so MX
/// variants run only at `group:32` (whatever `granularities` says). Every step runs in the
/// `compute` format on the SoftFloat engine, textbook convention.
///
/// Inputs: ``InputDistribution`` matrices of `rows × columns`, drawn with ``RandomVariates``
/// (SplitMix64 with + − × ÷ and √ only), rounded once to the compute format. SQNR is printed
/// through ``ErrorMetrics`` (deterministic logarithm), the model through ``UniformNoiseModel``.
///
/// Cells: one `theory` cell (int8 absmax per tensor on `theory_samples` N(0, 1) values, the
/// classic 38.3 dB example; first, because it is the longest), one cell of worked examples
/// (the tutorials' absmax vector and zero-point 4 × 4), then distribution × seed × variant, each
/// looping over the granularities on one matrix.
struct QuantizationErrorExperiment: Experiment {
    static let kind = "quantization-error"
    static let about = "quantize/dequantize error of every scheme × bits × granularity × distribution, against the uniform-noise model"

    /// A scheme at one element width.
    struct Variant: Sendable, Hashable {
        var scheme: QuantizationScheme
        var bits: Int
        var label: String { scheme.isInteger ? "\(scheme) int\(bits)" : scheme.description }
    }

    let spec: ExperimentSpec
    let variants: [Variant]
    let granularities: [Granularity]
    let distributions: [InputDistribution]
    let seeds: [UInt64]
    let rows: Int
    let columns: Int
    let compute: FloatFormat
    let outliers: InputDistribution.Outliers
    let theorySamples: Int
    let theorySeed: UInt64
    let absmaxExample: [SpecNumber]
    let absmaxCompute: FloatFormat
    let zeroPointExample: [[SpecNumber]]
    let zeroPointCompute: FloatFormat
    let plotGranularities: [Granularity]
    let detailGranularity: Granularity
    /// `[checks.absmax_example]` and `[checks.zeropoint_example]`.
    let exampleChecks: [ExampleCheck]
    /// `[checks.sqnr_between]`: `SELECTOR = [low, high]` dB.
    let sqnrChecks: [SpecCheck<(selector: MetricSelector, range: ClosedRange<Double>)>]
    /// `[checks.model_within_db]`: `SELECTOR = tolerance` dB between measured and modelled SQNR.
    let modelChecks: [SpecCheck<(selector: MetricSelector, tolerance: Double)>]

    /// Every scheme up to mxint8: nvfp4 (float32 only, rows of 16) joins a spec by name.
    static let defaultSchemes = QuantizationScheme.names.filter { $0 != "nvfp4" }
    static let defaultAbsmaxExample = ["1.2", "-0.5", "-4.3", "1.2", "-3.1", "0.8", "2.4", "5.4"]
    static let defaultZeroPointExample = [
        ["0.5765", "-1.2210", "0.3311", "1.8927"],
        ["-0.0472", "0.7783", "-2.0418", "0.1254"],
        ["1.1408", "-0.6604", "0.0089", "-0.3937"],
        ["-1.5170", "0.2452", "0.9821", "-0.8126"],
    ]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["schemes", "bits", "granularities", "distributions", "seeds", "rows", "columns", "compute",
                           "outlier_fraction", "outlier_scale", "outlier_channels", "channel_scale",
                           "theory_samples", "theory_seed", "absmax_example", "absmax_example_compute",
                           "zeropoint_example", "zeropoint_example_compute", "plot_granularities", "detail_granularity"])
        var schemes: [QuantizationScheme] = []
        for (index, name) in try p.strings("schemes", default: Self.defaultSchemes).enumerated() {
            guard let scheme = QuantizationScheme(name: name) else {
                throw p.error("schemes", "element \(index): unknown scheme '\(name)'; expected one of: \(QuantizationScheme.names.joined(separator: ", "))")
            }
            schemes.append(scheme)
        }
        let bits = try p.integers("bits", default: [2, 3, 4, 5, 6, 7, 8], range: 2...16)
        var variants: [Variant] = []
        for scheme in schemes {
            if scheme.isInteger {
                variants += bits.map { Variant(scheme: scheme, bits: $0) }
            } else {
                variants.append(Variant(scheme: scheme, bits: Self.elementBits(scheme)))
            }
        }
        self.variants = variants
        granularities = try Self.granularities(p, "granularities", default: ["tensor", "row", "group:32", "group:64", "group:128"])
        var distributions: [InputDistribution] = []
        for (index, name) in try p.strings("distributions", default: InputDistribution.allCases.map(\.rawValue)).enumerated() {
            guard let distribution = InputDistribution(rawValue: name) else {
                throw p.error("distributions", "element \(index): unknown distribution '\(name)'; expected one of: \(InputDistribution.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            distributions.append(distribution)
        }
        self.distributions = distributions
        seeds = try p.integers("seeds", default: [1, 2], range: 0...Int.max).map { UInt64($0) }
        rows = try p.integer("rows", default: 64, range: 1...1 << 20)
        columns = try p.integer("columns", default: 512, range: 1...1 << 20)
        guard rows * columns <= 1 << 26 else { throw p.error("columns", "rows × columns = \(rows * columns) is above 2^26") }
        for granularity in granularities {
            if case .group(let size) = granularity, size > columns {
                throw p.error("granularities", "\(granularity) is longer than a row of \(columns) columns")
            }
        }
        compute = try Self.format(p, "compute", default: "float32")
        var outliers = InputDistribution.Outliers()
        outliers.fraction = try Self.number(p, "outlier_fraction", default: "0.001", range: 0...1)
        outliers.scale = try Self.number(p, "outlier_scale", default: "20", range: 0...1e6)
        outliers.channels = try p.integer("outlier_channels", default: 4, range: 0...columns)
        outliers.channelScale = try Self.number(p, "channel_scale", default: "10", range: 0...1e6)
        self.outliers = outliers
        theorySamples = try p.integer("theory_samples", default: 4_194_304, range: 0...1 << 26)
        theorySeed = try p.seed("theory_seed", default: 1)
        absmaxExample = try p.numbers("absmax_example", default: Self.defaultAbsmaxExample)
        absmaxCompute = try Self.format(p, "absmax_example_compute", default: "float16")
        zeroPointExample = try Self.numberRows(p, "zeropoint_example", default: Self.defaultZeroPointExample)
        zeroPointCompute = try Self.format(p, "zeropoint_example_compute", default: "float32")
        plotGranularities = try Self.granularities(p, "plot_granularities", default: ["tensor", "group:64"])
        detailGranularity = try Self.granularities(p, "detail_granularity", default: ["group:64"], single: true).first!
        for granularity in plotGranularities where !granularities.contains(granularity) {
            throw p.error("plot_granularities", "\(granularity) is not one of the swept granularities")
        }
        if !granularities.contains(detailGranularity) {
            throw p.error("detail_granularity", "\(detailGranularity) is not one of the swept granularities")
        }
        try spec.checks.requireOnly(["absmax_example", "zeropoint_example", "sqnr_between", "model_within_db"])
        exampleChecks = [
            try ExampleCheck(checks: spec.checks, key: "absmax_example", example: "absmax", allowed: ["scale", "q"]),
            try ExampleCheck(checks: spec.checks, key: "zeropoint_example", example: "zeropoint", allowed: ["scale", "zero_point", "q"]),
        ].compactMap { $0 }
        func selector(_ key: String, in table: SpecTable) throws(SpecError) -> MetricSelector {
            guard let selector = MetricSelector(parsing: key) else {
                throw table.error(key, "expected 'theory' or 'DISTRIBUTION SCHEME [BITS [GRANULARITY]]'")
            }
            return selector
        }
        sqnrChecks = try spec.checks.rangeChecks("sqnr_between").map { check throws(SpecError) in
            SpecCheck(table: check.table, key: check.key, expected: (try selector(check.key, in: check.table), check.expected))
        }
        modelChecks = try spec.checks.numberChecks("model_within_db", what: "a tolerance in dB").map { check throws(SpecError) in
            SpecCheck(table: check.table, key: check.key, expected: (try selector(check.key, in: check.table), check.expected))
        }
    }

    // MARK: Parameter parsing

    static func elementBits(_ scheme: QuantizationScheme) -> Int {
        switch scheme {
        case .absmax, .zeroPoint: return 8
        case .nf4, .fp4Bitsandbytes, .nvfp4: return 4
        case .scaledFloat: return 8
        case .mx(let element): return element.bitWidth
        }
    }

    static func format(_ p: SpecTable, _ key: String, default fallback: String) throws(SpecError) -> FloatFormat {
        let name = try p.string(key, default: fallback)
        do {
            return try FloatFormat.named(name)
        } catch {
            throw p.error(key, "\(error)")
        }
    }

    static func number(_ p: SpecTable, _ key: String, default fallback: String, range: ClosedRange<Double>) throws(SpecError) -> Double {
        let text = try p.string(key, default: fallback)
        guard let value = NumberText.double(text), value.isFinite else { throw p.error(key, "'\(text)' is not a finite number") }
        guard range.contains(value) else {
            throw p.error(key, "\(text) is out of range \(NumberText.shortest(range.lowerBound))...\(NumberText.shortest(range.upperBound))")
        }
        return value
    }

    static func granularities(_ p: SpecTable, _ key: String, default fallback: [String], single: Bool = false) throws(SpecError) -> [Granularity] {
        let names: [String]
        if single {
            names = [try p.string(key, default: fallback.first!)]
        } else {
            names = try p.strings(key, default: fallback)
        }
        var result: [Granularity] = []
        for (index, name) in names.enumerated() {
            guard let granularity = Granularity(parsing: name), granularity != .column else {
                throw p.error(key, "element \(index): '\(name)' is not a granularity; expected tensor, row or group:N")
            }
            result.append(granularity)
        }
        return result
    }

    /// An array of equally long arrays of exact numbers as text.
    static func numberRows(_ p: SpecTable, _ key: String, default fallback: [[String]]) throws(SpecError) -> [[SpecNumber]] {
        guard let value = p[key] else { return fallback.map { $0.compactMap { try? SpecNumber($0) } } }
        guard case .array(let items) = value, !items.isEmpty else { throw p.error(key, "expected a non-empty array of rows (arrays of numbers as strings)") }
        var rows: [[SpecNumber]] = []
        for (rowIndex, item) in items.enumerated() {
            guard case .array(let cells) = item, !cells.isEmpty else { throw p.error(key, "row \(rowIndex) is \(item.typeDescription); expected an array of strings") }
            var row: [SpecNumber] = []
            for (columnIndex, cell) in cells.enumerated() {
                guard case .string(let text) = cell, let number = try? SpecNumber(text) else {
                    throw p.error(key, "row \(rowIndex), element \(columnIndex): expected a number as a string")
                }
                row.append(number)
            }
            if let first = rows.first, row.count != first.count {
                throw p.error(key, "row \(rowIndex) has \(row.count) elements, row 0 has \(first.count)")
            }
            rows.append(row)
        }
        return rows
    }

    // MARK: Cells

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: MetricRow.self,
                        about: "one row per distribution × seed × scheme × bits × granularity: every error metric and the uniform-noise model"),
            TableSchema(suffix: "theory", row: TheoryRow.self, about: "the large-sample int8 absmax check against the uniform-noise model"),
            TableSchema(suffix: "examples", row: ExampleRow.self,
                        about: "the seeds' worked examples, element by element, exact values in the compute format"),
        ]
    }

    var hasTheoryCell: Bool { theorySamples > 0 }
    var leadingCells: Int { hasTheoryCell ? 2 : 1 }
    var sweepCells: Int { distributions.count * seeds.count * variants.count }
    var cellCount: Int { leadingCells + sweepCells }

    func granularities(for variant: Variant) -> [Granularity] {
        variant.scheme.isMX ? [.group(32)] : granularities
    }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tables)
        if hasTheoryCell && index == 0 {
            result.append(try theoryRow())
            return result
        }
        if index == leadingCells - 1 {
            for row in try absmaxExampleRows() + zeroPointExampleRows() { result.append(row) }
            return result
        }
        var rest = index - leadingCells
        let variant = variants[rest % variants.count]; rest /= variants.count
        let seed = seeds[rest % seeds.count]; rest /= seeds.count
        let distribution = distributions[rest]
        let values = distribution.sample(rows: rows, columns: columns, seed: seed, outliers: outliers)
        let matrix = try Matrix(rows: rows, columns: columns, format: compute, doubles: values)
        for granularity in granularities(for: variant) {
            let configuration = QuantizationConfiguration(scheme: variant.scheme, bits: variant.bits, granularity: granularity, compute: compute)
            let quantized = try quantize(matrix, configuration)
            result.append(Self.metricRow(quantized, distribution: distribution, seed: seed, variant: variant, granularity: granularity))
        }
        return result
    }

    /// Every metric of one round trip, and the uniform-noise model's SQNR.
    static func metricRow(_ result: QuantizationResult, distribution: InputDistribution, seed: UInt64, variant: Variant,
                          granularity: Granularity) -> MetricRow {
        let reference = result.input.doubleValues
        let metrics = result.metrics
        let sqnr = metrics.sqnr
        let model = UniformNoiseModel.noiseEnergy(result).map { noise in
            ErrorMetrics.decibels(powerRatio: reference.reduce(0) { $0 + $1 * $1 } / noise)
        }
        return MetricRow(distribution: distribution.rawValue, seed: seed, scheme: variant.scheme.description, bits: variant.bits,
                         granularity: granularity.description, elements: String(metrics.count), groups: String(result.scales.count),
                         mse: NumberText.shortest(metrics.meanSquaredError), rmse: NumberText.shortest(metrics.rootMeanSquaredError),
                         maxAbsoluteError: NumberText.shortest(metrics.maxAbsoluteError), sqnr: NumberText.shortest(sqnr),
                         modelSQNR: model.map(NumberText.shortest) ?? "n/a", cosine: NumberText.shortest(metrics.cosineSimilarity),
                         clamped: String(metrics.clampedCount), bitsPerParameter: NumberText.shortest(metrics.bitsPerParameter))
    }

    /// int8 absmax per tensor on `theory_samples` N(0, 1) values.
    func theoryRow() throws -> TheoryRow {
        let values = InputDistribution.normal.sample(rows: 1, columns: theorySamples, seed: theorySeed)
        let matrix = try Matrix(rows: 1, columns: theorySamples, format: compute, doubles: values)
        let result = try quantize(matrix, QuantizationConfiguration(scheme: .absmax, bits: 8, granularity: .tensor, compute: compute))
        let reference = result.input.doubleValues
        var energy = 0.0, absmax = 0.0
        for x in reference {
            energy += x * x
            absmax = max(absmax, abs(x))
        }
        let sqnr = result.metrics.sqnr
        // Clip-free uniform noise with step S = amax / 127: 10·log10(12 · 127² · mean(x²) / amax²).
        let meanSquare = energy / Double(theorySamples)
        let model = ErrorMetrics.decibels(powerRatio: 12 * 127 * 127 * meanSquare / (absmax * absmax))
        return TheoryRow(samples: theorySamples, seed: theorySeed, absmax: absmax, meanSquare: meanSquare, sqnr: sqnr, modelSQNR: model,
                         fullScaleSine: Self.fullScaleSine(bits: 8))
    }

    /// 6.02·b + 1.76 dB, the SQNR of a full-scale sine on a b-bit uniform quantizer, written
    /// as the exact 20·log10(2)·b + 10·log10(1.5).
    static func fullScaleSine(bits: Int) -> Double {
        20 * DeterministicMath.log10(2) * Double(bits) + 10 * DeterministicMath.log10(1.5)
    }

    // MARK: Worked examples

    func exampleRow(_ example: String, _ format: FloatFormat, _ row: Int, _ column: Int, _ input: String, _ x: UInt64,
                    _ scale: UInt64, _ zeroPoint: Int64, _ scaled: UInt64, _ q: Int64, _ dequantized: UInt64) -> ExampleRow {
        ExampleRow(example: example, compute: format.name, row: row, column: column, input: input, x: NumberText.value(x, in: format),
                   scale: NumberText.value(scale, in: format), zeroPoint: zeroPoint, scaled: NumberText.value(scaled, in: format), q: q,
                   dequantized: NumberText.value(dequantized, in: format),
                   error: NumberText.shortest(format.doubleValue(dequantized) - format.doubleValue(x)))
    }

    /// Tutorial 000: α = max|x| / 127, q = round(x / α), x̂ = q·α, every step in the compute format.
    func absmaxExampleRows() throws -> [ExampleRow] {
        let format = absmaxCompute
        let matrix = try Matrix(rows: 1, columns: absmaxExample.count, format: format,
                                codes: absmaxExample.map { $0.value.rounded(to: format).bits })
        let result = try quantize(matrix, QuantizationConfiguration(scheme: .absmax, bits: 8, granularity: .tensor, compute: format))
        let alpha = result.scales.first!
        return try (0..<matrix.columns).map { column in
            let x = matrix[0, column]
            let scaled = format.divide(x, alpha).bits
            let q = result.quantized[column]
            try requireRounding(scaled, to: q, format, "absmax example element \(column)")
            return exampleRow("absmax", format, 0, column, absmaxExample[column].text, x, alpha, 0, scaled, q, result.dequantized[0, column])
        }
    }

    /// Tutorial 002: S = (max − min)/255, Z = round(−128 − min/S), q = clamp(round(x/S + Z)),
    /// x̂ = (q − Z)·S, every step in the compute format.
    func zeroPointExampleRows() throws -> [ExampleRow] {
        let format = zeroPointCompute
        let matrix = try Matrix(rows: zeroPointExample.count, columns: zeroPointExample.first!.count, format: format,
                                codes: zeroPointExample.flatMap { $0 }.map { $0.value.rounded(to: format).bits })
        let result = try quantize(matrix, QuantizationConfiguration(scheme: .zeroPoint, bits: 8, granularity: .tensor, compute: format))
        let scale = result.scales.first!, zeroPoint = result.zeroPoints.first!
        var rowsOut: [ExampleRow] = []
        for row in 0..<matrix.rows {
            for column in 0..<matrix.columns {
                let x = matrix[row, column]
                let scaled = format.add(format.divide(x, scale).bits, format.convert(fromInt64: zeroPoint).bits).bits
                let q = result.quantized[row * matrix.columns + column]
                try requireRounding(scaled, to: q, format, "zero-point example element [\(row), \(column)]", clamp: -128...127)
                rowsOut.append(exampleRow("zeropoint", format, row, column, zeroPointExample[row][column].text, x, scale, zeroPoint, scaled, q,
                                          result.dequantized[row, column]))
            }
        }
        return rowsOut
    }

    /// The walkthrough's own step must give the library's q: clamp(round-half-even(scaled)).
    func requireRounding(_ scaled: UInt64, to q: Int64, _ format: FloatFormat, _ what: String,
                         clamp: ClosedRange<Int64> = -127...127) throws {
        let rounded = format.convertToInt64(format.roundToIntegral(scaled).bits).value
        let expected = min(max(rounded, clamp.lowerBound), clamp.upperBound)
        guard expected == q else {
            throw RunError.experimentFailed(name: spec.name, reason: "\(what): the walkthrough rounds \(format.exactDecimal(scaled)) to \(expected), the kernel gave \(q)")
        }
    }

    // MARK: Report

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let main = try tables.rows(MetricRow.self), theory = try tables.rows(TheoryRow.self), examples = try tables.rows(ExampleRow.self)
        var checks = CheckList()
        try checkExamples(examples, &checks)
        try checkRanges(main, theory, &checks)

        func cells(_ distribution: String, _ variant: Variant, _ granularity: Granularity) -> [MetricRow] {
            main.filter { $0.distribution == distribution && $0.isVariant(variant, granularity) }
        }
        func sqnrValues(_ distribution: String, _ variant: Variant, _ granularity: Granularity) -> [Double] {
            cells(distribution, variant, granularity).compactMap { $0.number(.sqnr_db) }
        }
        func meanSQNR(_ distribution: String, _ variant: Variant, _ granularity: Granularity) -> Double? {
            let values = sqnrValues(distribution, variant, granularity)
            guard !values.isEmpty else { return nil }
            return values.reduce(0, +) / Double(values.count)
        }
        /// (bits per parameter, mean SQNR) of a cell, for the plots.
        func point(_ distribution: String, _ variant: Variant, _ granularity: Granularity) -> PlotPoint? {
            guard let bits = cells(distribution, variant, granularity).first?.number(.bits_per_parameter),
                  let sqnr = meanSQNR(distribution, variant, granularity) else { return nil }
            return PlotPoint(bits, sqnr)
        }
        func shown(_ value: Double?) -> String {
            guard let value else { return "—" }
            return value.isFinite ? NumberText.general(value, digits: 4) : NumberText.shortest(value)
        }
        /// The granularity a variant is shown at when `wanted` is asked for (MX: always group:32).
        func effective(_ variant: Variant, _ wanted: Granularity) -> Granularity {
            variant.scheme.isMX ? .group(32) : wanted
        }

        var body = MarkdownDocument()

        // Worked examples.
        body.heading("Worked examples", level: 3)
        body.raw(absmaxExampleText(examples))
        body.raw(zeroPointExampleText(examples))

        // Theory check.
        if let row = theory.first {
            body.heading("The clip-free int8 check", level: 3)
            body.paragraph("""
                absmax int8 per tensor on \(row.samples) N(0, 1) values (seed \(row.seed)): the sample's amax is \(shown(row.absmax)), \
                so the step is S = amax/127 and the uniform-noise model predicts 10·log10(12·127²·mean(x²)/amax²) = \
                \(shown(row.modelSQNR)) dB; measured \(shown(row.sqnr)) dB (difference \
                \(NumberText.general(row.difference, digits: 3)) dB). A full-scale sine would reach \
                6.02·8 + 1.76 = \(shown(row.fullScaleSine)) dB; a Gaussian's amax sits ≈ \
                \(NumberText.general(row.absmax, digits: 2))σ out, which costs the difference.
                """)
        }

        // SQNR on N(0, 1) by granularity.
        let normalName = distributions.contains(.normal) ? "normal" : distributions.first!.rawValue
        let normalDistribution = InputDistribution(rawValue: normalName) ?? .normal
        body.heading("SQNR (dB) on \(normalDistribution.describe(outliers)), mean over \(seeds.count) seed\(seeds.count == 1 ? "" : "s")", level: 3)
        var byGranularity = DataTable(columns: [DataColumn("scheme"), DataColumn("bits", alignment: .right)]
                                      + granularities.map { DataColumn($0.description, alignment: .right) })
        for variant in variants {
            byGranularity.append([variant.scheme.description, String(variant.bits)] + granularities.map { granularity in
                variant.scheme.isMX && granularity != .group(32) ? "" : shown(meanSQNR(normalName, variant, granularity))
            })
        }
        body.table(byGranularity)
        body.paragraph("MX formats have a fixed block of 32 (OCP MX v1.0), so only the group:32 column applies to them.")
        let bitsPlot = sqnrAgainstBitsPlot(normalName, point)
        body.image("\(spec.name)-sqnr-bits.svg", alt: "SQNR against bits per parameter on N(0, 1), with the 6.02·b + 1.76 dB line")
        body.paragraph("""
            The x axis counts every stored bit: a group of 64 with a float32 scale costs 0.5 bit per parameter on top of \
            the element (a zero point another b/64), an MX block 8/32 = 0.25. The dashed line is the textbook 6.02·b + 1.76 dB \
            of a full-scale sine on a b-bit uniform quantizer; uniform data on absmax reaches 20·log10(2·qmax) = 6.02·b − 0.03 dB \
            at b = 8, and Gaussian data loses several dB more per tensor to its long tails (the more values share a scale, the \
            farther out its amax).
            """)

        // By distribution.
        for granularity in plotGranularities {
            body.heading("SQNR (dB) by distribution at \(granularity) granularity (MX: group:32)", level: 3)
            var byDistribution = DataTable(columns: [DataColumn("scheme"), DataColumn("bits", alignment: .right)]
                                           + distributions.map { DataColumn($0.rawValue, alignment: .right) })
            for variant in variants {
                byDistribution.append([variant.scheme.description, String(variant.bits)]
                                      + distributions.map { shown(meanSQNR($0.rawValue, variant, effective(variant, granularity))) })
            }
            body.table(byDistribution)
        }
        body.paragraph("Distributions: " + distributions.map { "`\($0.rawValue)` = \($0.describe(outliers))" }.joined(separator: "; ") + ".")
        let distributionPlot = distributionPlot(point)
        body.image("\(spec.name)-distributions.svg", alt: "absmax SQNR against bits for each distribution")

        // Every metric at the detail granularity.
        let firstSeed = seeds.first!
        body.heading("Every metric: \(normalName), seed \(firstSeed), \(detailGranularity) (MX: group:32)", level: 3)
        var detail = DataTable(columns: [DataColumn("scheme"), DataColumn("bits", alignment: .right), DataColumn("granularity")]
                               + ["MSE", "RMSE", "max abs error", "SQNR dB", "model dB", "cosine", "clamped", "bits/param"].map { DataColumn($0, alignment: .right) })
        for variant in variants {
            let granularity = effective(variant, detailGranularity)
            guard let row = main.first(where: { $0.distribution == normalName && $0.seed == firstSeed && $0.isVariant(variant, granularity) }) else { continue }
            func significant(_ text: String) -> String { NumberText.double(text).map { $0.isFinite ? NumberText.significant($0, digits: 4) : text } ?? text }
            detail.append([row.scheme, String(row.bits), row.granularity, significant(row.mse), significant(row.rmse), significant(row.maxAbsoluteError),
                           shown(row.number(.sqnr_db)), row.modelSQNR == "n/a" ? "n/a" : shown(row.number(.model_sqnr_db)), cosineText(row.cosine),
                           row.clamped, shown(row.number(.bits_per_parameter))])
        }
        body.table(detail)
        body.paragraph("""
            "model" is the uniform-noise prediction 10·log10(Σx² / Σ noise), noise = step²/12 per element (step = the \
            group's scale for integers, scale·ulp for floats), the exact error for clamped or saturated values, and none for \
            the group's amax under absmax and FP8, which lands exactly on the top of the grid; the NF4/FP4 codebooks have no \
            single step and no model. Bits per parameter include the scales \
            (\(compute.name), E8M0 for MX) and zero points. Every metric of every cell is in [\(spec.name).csv](\(spec.name).csv).
            """)

        let finding = findingText(theory, meanSQNR, normalName)
        let discussion = discussionText(meanSQNR, normalName)
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-sqnr-bits.svg", contents: bitsPlot.svg()),
                    ReportFile(name: "\(spec.name)-distributions.svg", contents: distributionPlot.svg())],
            fileNotes: ["\(spec.name)-sqnr-bits.svg": "SQNR against bits per parameter on N(0, 1) for every scheme, with the 6.02·b + 1.76 dB line",
                        "\(spec.name)-distributions.svg": "absmax SQNR against bits per parameter for each distribution, per tensor and per group"])
    }

    func discussionText(_ meanSQNR: (String, Variant, Granularity) -> Double?, _ normalName: String) -> String {
        let int8 = Variant(scheme: .absmax, bits: 8)
        func dB(_ value: Double) -> String { NumberText.general(value, digits: 3) + " dB" }
        var text = """
            Integer quantization follows the uniform-noise model closely once the data spans many steps, and each bit adds \
            6.02 dB. Against the full-scale-sine line, absmax on uniform data loses little more than its unused level, but a \
            Gaussian's amax lies 4–5σ out and most levels stay unused
            """
        if let normal = meanSQNR(normalName, int8, .tensor) {
            text += " (int8 per tensor: \(dB(Self.fullScaleSine(bits: 8) - normal)) below the line here)"
        }
        text += ". Outliers are what hurt"
        if let clean = meanSQNR("normal", int8, .tensor), let spiky = meanSQNR("normal-outliers", int8, .tensor) {
            text += ": \(NumberText.general(outliers.fraction * 100))% of ×\(NumberText.general(outliers.scale)) elements cost per-tensor int8 \(dB(clean - spiky))"
        }
        text += """
            , while row and group scales confine the damage to their own slice; whole outlier channels defeat per-row \
            scales as well, since every row holds one, and only groups isolate them. Floating-point elements (FP8, MX) keep a \
            roughly constant relative error, so their SQNR barely moves with the distribution
            """
        if let scaled = meanSQNR(normalName, Variant(scheme: .scaledFloat(.float8_e4m3fn), bits: 8), .tensor),
           let mx = meanSQNR(normalName, Variant(scheme: .mx(.e4m3), bits: 8), .group(32)), scaled > mx {
            text += "; MXFP8 E4M3 trails per-tensor FP8 E4M3 by \(dB(scaled - mx)) because its power-of-two block scale saturates every block whose amax mantissa exceeds 1.8125 (the clamped count)"
        }
        if let nf4 = meanSQNR(normalName, Variant(scheme: .nf4, bits: 4), .group(64)),
           let int4 = meanSQNR(normalName, Variant(scheme: .absmax, bits: 4), .group(64)) {
            text += ". NF4's normal-quantile levels \(nf4 > int4 ? "beat" : "trail") int4 absmax on Gaussian data at the same block size (\(dB(nf4)) against \(dB(int4)))"
            if let nf4Uniform = meanSQNR("uniform", Variant(scheme: .nf4, bits: 4), .group(64)),
               let int4Uniform = meanSQNR("uniform", Variant(scheme: .absmax, bits: 4), .group(64)), nf4Uniform < int4Uniform {
                text += ", but not on uniform data (\(dB(nf4Uniform)) against \(dB(int4Uniform)))"
            }
        }
        return text + "."
    }

    func cosineText(_ text: String) -> String {
        guard let value = NumberText.double(text), value.isFinite else { return text }
        return NumberText.general(value, digits: 6)
    }

    func findingText(_ theory: [TheoryRow], _ meanSQNR: (String, Variant, Granularity) -> Double?, _ normalName: String) -> String {
        var parts: [String] = []
        if let row = theory.first {
            parts.append("int8 absmax per tensor on \(row.samples) N(0, 1) values gives \(NumberText.general(row.sqnr, digits: 4)) dB (uniform-noise model \(NumberText.general(row.modelSQNR, digits: 4)) dB)")
        }
        let group64 = Granularity.group(64)
        if let nf4 = meanSQNR(normalName, Variant(scheme: .nf4, bits: 4), group64),
           let int4 = meanSQNR(normalName, Variant(scheme: .absmax, bits: 4), group64) {
            parts.append("at 4 bits and blocks of 64, NF4 reaches \(NumberText.general(nf4, digits: 4)) dB against \(NumberText.general(int4, digits: 4)) dB for absmax int4")
        }
        let int8 = Variant(scheme: .absmax, bits: 8)
        if let clean = meanSQNR("normal", int8, .tensor), let spiky = meanSQNR("normal-outliers", int8, .tensor),
           let grouped = meanSQNR("normal-outliers", int8, group64) {
            parts.append("0.1% of ×\(NumberText.general(outliers.scale)) outliers drop per-tensor int8 from \(NumberText.general(clean, digits: 4)) to \(NumberText.general(spiky, digits: 4)) dB, and groups of 64 bring it back to \(NumberText.general(grouped, digits: 4)) dB")
        }
        guard !parts.isEmpty else { return "Quantization error of \(variants.count) scheme variants over \(distributions.count) distributions." }
        var text = parts.joined(separator: "; ")
        text = text.prefix(1).uppercased() + text.dropFirst() + "."
        return text
    }

    // MARK: Worked example text

    func exampleRows(_ examples: [ExampleRow], _ name: String) -> [ExampleRow] { examples.filter { $0.example == name } }

    func absmaxExampleText(_ examples: [ExampleRow]) -> String {
        let rows = exampleRows(examples, "absmax")
        guard let first = rows.first else { return "" }
        var document = MarkdownDocument()
        document.heading("absmax int8 of the seed's vector, every step in \(first.compute)", level: 4)
        let inputs = rows.map(\.input).joined(separator: ", ")
        let absmax = rows.map(\.x).max { (NumberText.double($0).map(abs) ?? 0) < (NumberText.double($1).map(abs) ?? 0) } ?? "?"
        document.paragraph("""
            x = [\(inputs)] cast to \(first.compute); α = max|x| / 127 = \(absmax.hasPrefix("-") ? String(absmax.dropFirst()) : absmax) / 127 \
            = **\(first.scale)** (rounded once in \(first.compute)); q = round(x / α), half to even; x̂ = q · α.
            """)
        var table = DataTable(columns: ["i", "x", "x / α", "q", "x̂ = q·α", "x̂ − x"].enumerated().map {
            DataColumn($0.element, alignment: $0.offset == 0 ? .left : .right)
        })
        for row in rows { table.append([String(row.column), row.x, row.scaled, String(row.q), row.dequantized, row.error]) }
        document.table(table)
        document.paragraph("q = [" + rows.map { String($0.q) }.joined(separator: ", ") + "], as torch prints it for the seed.")
        return document.text
    }

    func zeroPointExampleText(_ examples: [ExampleRow]) -> String {
        let rows = exampleRows(examples, "zeropoint")
        guard let first = rows.first else { return "" }
        let size = (rows.map(\.row).max() ?? 0) + 1
        let width = (rows.map(\.column).max() ?? 0) + 1
        var document = MarkdownDocument()
        document.heading("zero-point int8 of the seed's \(size) × \(width) matrix, every step in \(first.compute)", level: 4)
        let values = rows.compactMap { NumberText.double($0.x) }
        let minimum = values.min() ?? .nan, maximum = values.max() ?? .nan
        document.paragraph("""
            S = (max − min) / (qmax − qmin) = (\(NumberText.shortest(maximum)) − (\(NumberText.shortest(minimum)))) / 255 = **\(first.scale)**; \
            Z = round(qmin − min / S) = **\(first.zeroPoint)**; q = clamp(round(x / S + Z), −128, 127); x̂ = (q − Z) · S.
            """)
        func matrix(_ title: String, _ column: ExampleRow.Column) -> DataTable {
            var table = DataTable(columns: [DataColumn(title)] + (0..<width).map { DataColumn("col \($0)", alignment: .right) })
            for r in 0..<size {
                table.append(["row \(r)"] + (0..<width).map { c in rows.first { $0.row == r && $0.column == c }?.text(column) ?? "" })
            }
            return table
        }
        document.table(matrix("W (\(first.compute))", .x))
        document.table(matrix("x / S + Z", .scaled))
        document.table(matrix("q", .q))
        document.table(matrix("Ŵ = (q − Z)·S", .dequantized))
        let errors = rows.compactMap { NumberText.double($0.error) }
        let mse = errors.reduce(0) { $0 + $1 * $1 } / Double(max(errors.count, 1))
        document.paragraph("Mean squared error (Ŵ − W)² over the \(rows.count) elements: \(NumberText.significant(mse, digits: 6)).")
        return document.text
    }

    // MARK: Checks

    func checkExamples(_ examples: [ExampleRow], _ checks: inout CheckList) throws {
        for check in exampleChecks {
            let rows = exampleRows(examples, check.example)
            guard let first = rows.first else { throw CheckFailure(check.table.error(nil, "no \(check.example) example in this run")) }
            if let expected = check.scale {
                try checks.expectEqual(computed: first.scale, expected: expected, at: check.table, key: "scale",
                                       what: "\(check.example) example scale (\(first.compute))")
            }
            if let expected = check.zeroPoint {
                try checks.expectEqual(computed: String(first.zeroPoint), expected: String(expected), at: check.table, key: "zero_point",
                                       what: "\(check.example) example zero point")
            }
            if let expected = check.q {
                try checks.expectEqual(computed: "[" + rows.map { String($0.q) }.joined(separator: ", ") + "]",
                                       expected: "[" + expected.map(String.init).joined(separator: ", ") + "]",
                                       at: check.table, key: "q", what: "\(check.example) example q")
            }
        }
    }

    func checkRanges(_ main: [MetricRow], _ theory: [TheoryRow], _ checks: inout CheckList) throws {
        let within = { (range: ClosedRange<Double>) in "[\(NumberText.shortest(range.lowerBound)), \(NumberText.shortest(range.upperBound))]" }
        for check in sqnrChecks {
            let (selector, range) = check.expected
            if case .theory = selector {
                guard let row = theory.first else { throw check.failure("theory_samples is 0: no theory row") }
                try checks.expectWithin(row.sqnr, range, at: check.table, key: check.key,
                                        what: "int8 absmax SQNR on \(row.samples) N(0, 1) values (dB)", shown: NumberText.general(row.sqnr, digits: 5))
                continue
            }
            let rows = selector.rows(in: main)
            guard !rows.isEmpty else { throw check.failure("no such rows in this run") }
            var low = Double.infinity, high = -Double.infinity
            for row in rows {
                let value = row.number(.sqnr_db) ?? .nan
                guard range.contains(value) else {
                    throw check.failure("SQNR of \(row.distribution) \(row.scheme) \(row.bits) bits \(row.granularity) seed \(row.seed) = \(row.sqnr) dB, expected within \(within(range))")
                }
                low = min(low, value); high = max(high, value)
            }
            checks.note("SQNR of `\(check.key)` over \(rows.count) cells: \(NumberText.general(low, digits: 4)) … \(NumberText.general(high, digits: 4)) dB, within \(within(range))")
        }
        for check in modelChecks {
            let (selector, tolerance) = check.expected
            if case .theory = selector {
                guard let row = theory.first else { throw check.failure("theory_samples is 0: no theory row") }
                guard abs(row.difference) <= tolerance else {
                    throw check.failure("theory row: SQNR − model = \(row.text(.difference_db)) dB, tolerance ±\(NumberText.shortest(tolerance))")
                }
                checks.note("int8 absmax on \(row.samples) N(0, 1) values: measured − model = \(NumberText.general(row.difference, digits: 3)) dB, within ±\(NumberText.shortest(tolerance)) dB")
                continue
            }
            let rows = selector.rows(in: main)
            guard !rows.isEmpty else { throw check.failure("no such rows in this run") }
            var worst = 0.0
            for row in rows {
                guard let sqnr = row.number(.sqnr_db), let model = row.number(.model_sqnr_db) else {
                    throw check.failure("\(row.scheme) has no uniform-noise model")
                }
                guard abs(sqnr - model) <= tolerance else {
                    throw check.failure("\(row.distribution) \(row.scheme) \(row.bits) bits \(row.granularity) seed \(row.seed): SQNR \(row.sqnr) dB vs model \(row.modelSQNR) dB, tolerance ±\(NumberText.shortest(tolerance))")
                }
                worst = max(worst, abs(sqnr - model))
            }
            checks.note("`\(check.key)`: SQNR within ±\(NumberText.shortest(tolerance)) dB of the uniform-noise model in all \(rows.count) cells (largest gap \(NumberText.general(worst, digits: 2)) dB)")
        }
    }

    // MARK: Plots

    static let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross]

    func theorySeries(_ bitRange: ClosedRange<Int>) -> PlotSeries {
        PlotSeries(name: "6.02·b + 1.76 dB (full-scale sine)",
                   points: [PlotPoint(Double(bitRange.lowerBound), Self.fullScaleSine(bits: bitRange.lowerBound)),
                            PlotPoint(Double(bitRange.upperBound + 1), Self.fullScaleSine(bits: bitRange.upperBound + 1))],
                   style: SeriesStyle(color: "#000000", lineWidth: 1.5, dash: "6 4"))
    }

    var bitRange: ClosedRange<Int> {
        let all = variants.map(\.bits)
        return (all.min() ?? 2)...(all.max() ?? 8)
    }

    func sqnrAgainstBitsPlot(_ distribution: String, _ point: (String, Variant, Granularity) -> PlotPoint?) -> Plot {
        var plot = Plot(title: "SQNR against bits per parameter", subtitle: "\(InputDistribution(rawValue: distribution)?.describe(outliers) ?? distribution), \(rows)×\(columns), mean over \(seeds.count) seeds; \(compute.name) compute",
                        x: PlotAxis(label: "bits per parameter (elements + scales and zero points)", range: Double(bitRange.lowerBound) - 0.5...Double(bitRange.upperBound) + 1),
                        y: PlotAxis(label: "SQNR (dB)"))
        plot.identifier = "quantization-sqnr-bits"
        plot.legend = .outsideRight
        plot.width = 900
        plot.series.append(theorySeries(bitRange))
        for (colorIndex, scheme) in [QuantizationScheme.absmax, .zeroPoint].enumerated() {
            let schemeVariants = variants.filter { $0.scheme == scheme }
            guard !schemeVariants.isEmpty else { continue }
            for (granularityIndex, granularity) in plotGranularities.enumerated() {
                let points = schemeVariants.compactMap { point(distribution, $0, granularity) }
                plot.series.append(PlotSeries(name: "\(scheme) \(granularity)", points: points,
                                              style: SeriesStyle(color: Palette.color(colorIndex), lineWidth: 2, dash: Palette.dash(granularityIndex),
                                                                 marker: Self.markers[granularityIndex % Self.markers.count], markerSize: 4)))
            }
        }
        // One colour per family (codebooks, scaled FP8, MX), one marker per member.
        var familyCounts: [Int: Int] = [:]
        for variant in variants where !variant.scheme.isInteger {
            let granularity: Granularity = variant.scheme.isMX ? .group(32)
                : variant.scheme.isCodebook ? (granularities.contains(.group(64)) ? .group(64) : granularities.first!)
                : (granularities.contains(.tensor) ? .tensor : granularities.first!)
            guard let value = point(distribution, variant, granularity) else { continue }
            let family = variant.scheme.isCodebook ? 2 : variant.scheme == .mx(.int8) ? 7 : variant.scheme.isMX ? 6 : 3
            let member = familyCounts[family, default: 0]
            familyCounts[family] = member + 1
            plot.series.append(PlotSeries(name: "\(variant.scheme) \(granularity)", points: [value],
                                          style: SeriesStyle(color: Palette.color(family), lineWidth: 0,
                                                             marker: Self.markers[(member + (family == 3 ? 2 : 0)) % Self.markers.count], markerSize: 7)))
        }
        return plot
    }

    func distributionPlot(_ point: (String, Variant, Granularity) -> PlotPoint?) -> Plot {
        var plot = Plot(title: "absmax SQNR against bits per parameter, by distribution", subtitle: "\(rows)×\(columns), mean over \(seeds.count) seeds; solid: \(plotGranularities.first?.description ?? ""), dashed: \(plotGranularities.dropFirst().map(\.description).joined(separator: ", "))",
                        x: PlotAxis(label: "bits per parameter (elements + scales and zero points)", range: Double(bitRange.lowerBound) - 0.5...Double(bitRange.upperBound) + 1),
                        y: PlotAxis(label: "SQNR (dB)"))
        plot.identifier = "quantization-distributions"
        plot.legend = .outsideRight
        plot.width = 900
        plot.series.append(theorySeries(bitRange))
        let absmax = variants.filter { $0.scheme == .absmax }
        for (distributionIndex, distribution) in distributions.enumerated() {
            for (granularityIndex, granularity) in plotGranularities.enumerated() {
                let points = absmax.compactMap { point(distribution.rawValue, $0, granularity) }
                plot.series.append(PlotSeries(name: "\(distribution.rawValue) \(granularity)", points: points,
                                              style: SeriesStyle(color: Palette.color(distributionIndex), lineWidth: 2, dash: Palette.dash(granularityIndex),
                                                                 marker: Self.markers[granularityIndex % Self.markers.count], markerSize: 4)))
            }
        }
        return plot
    }
}
