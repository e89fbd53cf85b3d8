import Quantization
import ReportKit

extension BlockScaledFormatsExperiment {
    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let metrics = try tables.rows(MetricRow.self), pairs = try tables.rows(DisagreementRow.self)
        var checks = CheckList()
        try check(metrics, pairs, &checks)

        func cellsOf(_ distribution: String, _ recipe: String) -> [MetricRow] {
            metrics.filter { $0.distribution == distribution && $0.recipe == recipe }
        }
        func mean(_ distribution: String, _ recipe: String, _ column: MetricRow.Column) -> Double? {
            let values = cellsOf(distribution, recipe).compactMap { $0.number(column) }
            return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
        }
        func shown(_ value: Double?, digits: Int = 4) -> String {
            guard let value else { return "—" }
            return value.isFinite ? NumberText.general(value, digits: digits) : NumberText.shortest(value)
        }
        let seedText = "\(seeds.count) seed\(seeds.count == 1 ? "" : "s")"
        var body = MarkdownDocument()

        body.heading("Inputs", level: 3)
        body.paragraph("\(rows) × \(columns) float32 matrices, \(seedText); " + distributions.map { "`\($0.rawValue)` = \($0.describe(outliers))" }.joined(separator: "; ")
                       + ". Every recipe runs through `precision-lab quantize`'s library with compute float32, so each code here is the code the CLI prints.")

        body.heading("SQNR (dB), mean over \(seedText)", level: 3)
        var sqnrTable = DataTable(columns: [DataColumn("recipe"), DataColumn("bits/element", alignment: .right)]
                                  + distributions.map { DataColumn($0.rawValue, alignment: .right) } + [DataColumn("6.02·p + 7.44", alignment: .right)])
        for recipe in recipes {
            let first = metrics.first { $0.recipe == recipe.label }
            sqnrTable.append([recipe.label, shown(first?.number(.bits_per_element))] + distributions.map { shown(mean($0.rawValue, recipe.label, .sqnr_db)) }
                             + [shown(first?.number(.anchor_db))])
        }
        body.table(sqnrTable)
        body.paragraph("""
            The last column is the analytic anchor for a p-bit significand (implicit bit counted) without clipping or \
            underflow: rounding error of variance ulp²/12 relative to a log-uniform significand gives 6.02·p + 10·log10(8 ln 2) \
            = 6.02·p + 7.44 dB (E4M3 p = 4: 31.5 dB; E5M2 and E3M2 p = 3: 25.5 dB; E2M3 p = 4; E2M1 p = 2: 19.5 dB). \
            Bits per element count the scales (E8M0 per 32 for MX, E4M3 per 16 plus a float32 for NVFP4, float32 per 128 or \
            128 × 128 for FP8 blocks, float32 per group for NF4 and int4).
            """)

        body.heading("Relative error ‖x̂ − x‖ / ‖x‖ and clamped / underflowed elements", level: 3)
        var relative = DataTable(columns: [DataColumn("recipe")] + distributions.map { DataColumn($0.rawValue, alignment: .right) }
                                 + distributions.map { DataColumn("clamped/underflow \($0.rawValue)", alignment: .right) })
        for recipe in recipes {
            relative.append([recipe.label] + distributions.map { shown(mean($0.rawValue, recipe.label, .relative_error), digits: 3) }
                            + distributions.map { distribution in
                                let cells = cellsOf(distribution.rawValue, recipe.label)
                                return "\(cells.map(\.clamped).reduce(0, +)) / \(cells.map(\.underflows).reduce(0, +))"
                            })
        }
        body.table(relative)
        body.paragraph("Clamped: elements saturated at the element format's largest value; underflow: non-zero inputs decoded as zero (summed over seeds). The largest relative error of any single element is in the CSV (`max_relative_error`; 1 for an underflow).")

        let plot = sqnrPlot(metrics)
        body.image("\(spec.name)-sqnr-bits.svg", alt: "SQNR against bits per element with the 6.02·p + 7.44 dB anchors")

        body.heading("Where recipes of one format disagree", level: 3)
        body.paragraph("""
            Between two recipes of the same format, block size and bits, out of \(rows * columns) elements per matrix (summed \
            over seeds): element codes that differ, decoded values x̂ that differ (a code can change with its scale and \
            decode to the same value), and block scales whose values differ (NVFP4's float32 tensor scale apart: torchao's \
            amax/2688 and Transformer Engine's 1/fl32(2688/amax) differ in the last bits).
            """)
        var disagreement = DataTable(columns: [DataColumn("recipe A"), DataColumn("recipe B")]
                                     + distributions.map { DataColumn("\($0.rawValue) codes", alignment: .right) }
                                     + distributions.map { DataColumn("\($0.rawValue) x̂", alignment: .right) }
                                     + distributions.map { DataColumn("\($0.rawValue) scales", alignment: .right) })
        var orderedPairs: [(String, String)] = []
        for pair in pairs where !orderedPairs.contains(where: { $0 == (pair.recipeA, pair.recipeB) }) { orderedPairs.append((pair.recipeA, pair.recipeB)) }
        func pairRows(_ a: String, _ b: String, _ distribution: String) -> [DisagreementRow] {
            pairs.filter { $0.recipeA == a && $0.recipeB == b && $0.distribution == distribution }
        }
        func percent(_ count: Int, _ total: Int) -> String {
            total == 0 ? "—" : "\(count) (\(NumberText.general(100 * Double(count) / Double(total), digits: 3))%)"
        }
        for (a, b) in orderedPairs {
            disagreement.append([a, b] + distributions.map { distribution in
                let cells = pairRows(a, b, distribution.rawValue)
                return percent(cells.map(\.codesDiffer).reduce(0, +), cells.map(\.elements).reduce(0, +))
            } + distributions.map { distribution in
                let cells = pairRows(a, b, distribution.rawValue)
                return percent(cells.map(\.valuesDiffer).reduce(0, +), cells.map(\.elements).reduce(0, +))
            } + distributions.map { distribution in
                let cells = pairRows(a, b, distribution.rawValue)
                return percent(cells.map(\.scalesDiffer).reduce(0, +), cells.map(\.groups).reduce(0, +))
            })
        }
        body.table(disagreement)

        body.heading("Minimal examples", level: 3)
        body.paragraph("""
            For each pair, the first element (row-major, first seed, first distribution where they differ) whose x̂ \
            differs (else whose code differs), reduced to one row holding only the values that decide it — `position: value` of the non-zero \
            elements: the tensor's largest magnitude in a block of its own (NVFP4, when it lies outside the element's \
            block), the block's largest magnitude, then the element — and quantized again under both recipes: \
            "reproduced" says the reduced row alone makes the two recipes disagree on it again. Scales are block × tensor scale.
            """)
        var examples = DataTable(columns: ["recipe A", "recipe B", "distribution", "reduced input", "x", "code A", "code B", "x̂ A", "x̂ B", "scale A", "scale B", "reproduced"]
                                    .map { DataColumn($0) })
        for (a, b) in orderedPairs {
            let differing = pairs.filter { $0.recipeA == a && $0.recipeB == b && $0.codesDiffer + $0.valuesDiffer > 0 }
            guard let row = differing.first(where: { $0.valuesDiffer > 0 }) ?? differing.first else {
                examples.append([a, b, "—", "no element differs", "", "", "", "", "", "", "", ""])
                continue
            }
            examples.append([a, b, row.distribution, row.exampleValues, row.exampleX, row.codeA, row.codeB, row.valueA, row.valueB,
                             row.scaleA, row.scaleB, row.exampleReproduced])
        }
        body.table(examples)

        return ExperimentReport(
            finding: finding(pairs, mean), body: body, discussion: discussion(mean), checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-sqnr-bits.svg", contents: plot.svg())],
            fileNotes: ["\(spec.name)-sqnr-bits.svg": "SQNR against bits per element for every recipe, with the 6.02·p + 7.44 dB anchors"])
    }

    // MARK: Text

    /// The fraction of elements a pair codes (or decodes) differently on a distribution, over every seed.
    func differFraction(_ pairs: [DisagreementRow], _ distribution: String, _ a: String, _ b: String,
                        _ column: DisagreementRow.Column = .codes_differ) -> Double? {
        let cells = pairs.filter { $0.distribution == distribution && $0.recipeA == a && $0.recipeB == b }
        let total = cells.map(\.elements).reduce(0, +)
        return total == 0 ? nil : Double(cells.compactMap { Int($0.text(column)) }.reduce(0, +)) / Double(total)
    }

    /// The spec-ordered pair (A before B) of two recipes, if both exist and share a family.
    func pair(_ first: (QuantizationConfiguration) -> Bool, _ second: (QuantizationConfiguration) -> Bool) -> (String, String)? {
        guard let a = recipes.first(where: { first($0.configuration) }), let b = recipes.first(where: { second($0.configuration) && $0.family == a.family }),
              a != b else { return nil }
        return recipes.firstIndex(of: a)! < recipes.firstIndex(of: b)! ? (a.label, b.label) : (b.label, a.label)
    }

    /// MX: the pair and distribution with the most elements decoded differently; NVFP4:
    /// torchao against Transformer Engine (1 × 16, tensor scale on), codes per distribution;
    /// FP8: DeepSeek against DeepGEMM with float32 scales, and DeepGEMM float32 against UE8M0.
    func finding(_ pairs: [DisagreementRow], _ mean: (String, String, MetricRow.Column) -> Double?) -> String {
        var parts: [String] = []
        func percent(_ value: Double) -> String { NumberText.general(100 * value, digits: 3) + "%" }
        var worst: (fraction: Double, row: DisagreementRow)?
        for row in pairs where row.family.hasPrefix("mx") {
            let fraction = differFraction(pairs, row.distribution, row.recipeA, row.recipeB, .values_differ) ?? 0
            if fraction > (worst?.fraction ?? 0) { worst = (fraction, row) }
        }
        if let worst {
            parts.append("MX scale rules: `\(worst.row.recipeA)` and `\(worst.row.recipeB)` decode \(percent(worst.fraction)) of elements differently on \(worst.row.distribution)")
        }
        if let (a, b) = pair({ $0.scheme == .nvfp4 && $0.resolvedConvention == .torchao && $0.resolvedTensorScale },
                             { $0.scheme == .nvfp4 && $0.resolvedConvention == .transformerEngine }) {
            let fractions = distributions.compactMap { d in differFraction(pairs, d.rawValue, a, b).map { "\(percent($0)) on \(d.rawValue)" } }
            parts.append("NVFP4 codes that differ between torchao and Transformer Engine: " + fractions.joined(separator: ", "))
        }
        let f32: (QuantizationConfiguration) -> Bool = { $0.resolvedBlockScaleFormat == .float32 && $0.resolvedGranularity == .block(rows: 1, columns: 128) }
        if let (a, b) = pair({ $0.resolvedConvention == .deepseek && f32($0) }, { $0.resolvedConvention == .deepgemm && f32($0) }) {
            let most = distributions.compactMap { differFraction(pairs, $0.rawValue, a, b) }.max() ?? 0
            var text = "FP8 1 × 128: DeepSeek and DeepGEMM (float32 scales) " + (most == 0 ? "agree on every code" : "differ in at most \(percent(most)) of codes")
            if let (c, d) = pair({ $0.resolvedConvention == .deepgemm && f32($0) },
                                 { $0.resolvedConvention == .deepgemm && $0.resolvedBlockScaleFormat == .ue8m0 && $0.resolvedGranularity == .block(rows: 1, columns: 128) }),
               let normal = distributions.first, let fraction = differFraction(pairs, normal.rawValue, c, d) {
                text += ", UE8M0 scales change \(percent(fraction)) of codes on \(normal.rawValue)"
            }
            parts.append(text)
        }
        guard !parts.isEmpty else { return "SQNR of \(recipes.count) block-scaled recipes on \(distributions.count) distributions." }
        return parts.joined(separator: "; ") + "."
    }

    func discussion(_ mean: (String, String, MetricRow.Column) -> Double?) -> String {
        """
        Float elements with a shared power-of-two or E4M3 scale keep a roughly constant relative error, so their SQNR sits \
        near the 6.02·p + 7.44 dB anchor of their significand and barely moves with the distribution; what moves it is how \
        the block scale meets the element's top binade (floor saturates the block's amax when its significand is above the \
        element's largest, ceil and rceil never saturate but waste part of the top binade) and, for small per-block scales, \
        whether the scale itself can be subnormal (Transformer Engine's NVFP4) or is clamped at 2^-6 (torchao). The \
        disagreement table counts codes, not error: recipes can disagree on many codes at nearly equal SQNR.
        """
    }

    // MARK: Checks

    func check(_ metrics: [MetricRow], _ pairs: [DisagreementRow], _ checks: inout CheckList) throws {
        for check in sqnrChecks {
            let (distribution, recipe, range) = check.expected
            let cells = metrics.filter { $0.distribution == distribution && $0.recipe == recipe }
            guard !cells.isEmpty else { throw check.failure("no such rows in this run") }
            for cell in cells {
                try checks.expectWithin(cell.number(.sqnr_db) ?? .nan, range, at: check.table, key: check.key,
                                        what: "SQNR of \(recipe) on \(distribution), seed \(cell.seed) (dB)", shown: NumberText.general(cell.number(.sqnr_db) ?? .nan, digits: 5))
            }
        }
        for check in differChecks {
            let (distribution, a, b, range) = check.expected
            let forward = differFraction(pairs, distribution, a, b), backward = differFraction(pairs, distribution, b, a)
            guard let fraction = forward ?? backward else { throw check.failure("'\(a)' and '\(b)' are not a compared pair (same scheme, bits and granularity)") }
            try checks.expectWithin(fraction, range, at: check.table, key: check.key,
                                    what: "fraction of codes \(a) and \(b) disagree on, \(distribution)", shown: NumberText.general(fraction, digits: 4))
        }
    }

    // MARK: Plot

    func sqnrPlot(_ metrics: [MetricRow]) -> Plot {
        var plot = Plot(title: "SQNR against bits per element",
                        subtitle: "\(rows)×\(columns), mean over \(seeds.count) seed\(seeds.count == 1 ? "" : "s"); filled: " + plotDistributions.map(\.rawValue).joined(separator: ", ") + "; black crosses: 6.02·p + 7.44 dB",
                        x: PlotAxis(label: "bits per element (element + scales)"), y: PlotAxis(label: "SQNR (dB)"))
        plot.identifier = "block-scaled-sqnr-bits"
        plot.legend = .outsideRight
        plot.width = 1000
        plot.height = 560
        let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond]
        var anchors: [PlotPoint] = []
        // One colour per scheme, one marker per distribution.
        var schemes: [String] = []
        for recipe in recipes where !schemes.contains(recipe.configuration.scheme.description) { schemes.append(recipe.configuration.scheme.description) }
        for (distributionIndex, distribution) in plotDistributions.enumerated() {
            for (schemeIndex, scheme) in schemes.enumerated() {
                var points: [PlotPoint] = []
                for recipe in recipes where recipe.configuration.scheme.description == scheme {
                    let cells = metrics.filter { $0.distribution == distribution.rawValue && $0.recipe == recipe.label }
                    let values = cells.compactMap { $0.number(.sqnr_db) }
                    guard let bits = cells.first?.number(.bits_per_element), !values.isEmpty else { continue }
                    points.append(PlotPoint(bits, values.reduce(0, +) / Double(values.count)))
                    if distributionIndex == 0, let anchor = cells.first?.number(.anchor_db) { anchors.append(PlotPoint(bits, anchor)) }
                }
                guard !points.isEmpty else { continue }
                plot.series.append(PlotSeries(name: "\(scheme) \(distribution.rawValue)", points: points,
                                              style: SeriesStyle(color: Palette.color(schemeIndex), lineWidth: 0,
                                                                 marker: markers[distributionIndex % markers.count], markerSize: 5)))
            }
        }
        var unique: [PlotPoint] = []
        for point in anchors where !unique.contains(point) { unique.append(point) }
        plot.series.append(PlotSeries(name: "6.02·p + 7.44 dB", points: unique,
                                      style: SeriesStyle(color: "#000000", lineWidth: 0, marker: .cross, markerSize: 8)))
        return plot
    }
}
