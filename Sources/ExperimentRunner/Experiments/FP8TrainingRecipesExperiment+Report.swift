import Quantization
import ReportKit
import SoftFloat

extension FP8TrainingRecipesExperiment {
    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let summary = try tables.rows(SummaryRow.self), stepRows = try tables.rows(StepRow.self)
        var checks = CheckList()
        for check in sqnrChecks {
            let (format, recipe, range) = check.expected
            guard let row = summary.first(where: { $0.format == format && $0.recipe == recipe }), let value = NumberText.double(row.meanSQNR) else {
                throw check.failure("no such row in this run")
            }
            try checks.expectWithin(value, range, at: check.table, key: check.key, what: "mean SQNR of \(recipe), \(format) (dB)",
                                    shown: NumberText.general(value, digits: 5))
        }
        func shown(_ text: String) -> String { NumberText.double(text).map { $0.isFinite ? NumberText.general($0, digits: 4) : text } ?? text }

        var body = MarkdownDocument()
        body.heading("Transformer Engine's delayed scaling, as the lab reads it", level: 3)
        body.bullets([
            "Step t quantizes with the scale s left by step t − 1 (1 at the start): q = fp8(fl32(x · s)), nearest-even, saturating at ±max (TE casts with `__NV_SATFINITE`); x̂ = fl32(q · fl32(1/s)). The step's amax = max|x| goes into history[0].",
            "After the step: amax = max(history) (`\"max\"`) or history[0] (`\"most_recent\"`); the history rolls by one (`torch.roll(h, -1)`) and history[0] is zeroed, so `\"max\"` covers the last N steps' amaxes, this step's included.",
            "s = fl32(fl32(max / amax) / 2^margin) — `(fp8_max / amax) / (2 ** margin)` in `_default_sf_compute`; an amax of 0, ∞ or NaN keeps the previous s, an s of +∞ becomes FLT_MAX. (TE before 1.0 rounded s down to a power of two; not modelled.)",
            "Current scaling (`quantize --convention transformer-engine`): the step's own amax, m = fl32(max / amax), the same cast.",
            "Sources: `transformer_engine/pytorch/quantization.py` (`_update_amax_history`, `_default_get_amax_and_update_history`, `_default_sf_compute`) and `transformer_engine/common/recipe/delayed_scaling.cu`.",
        ])
        body.heading("Sequence", level: 3)
        body.paragraph("""
            \(steps) steps of \(rows) × \(columns) N(0, 1) tensors times 2^(a_t): a_t follows the path through \
            \(knots.map { "(\($0.step), \(NumberText.general($0.log2)))" }.joined(separator: ", ")) (step, log2 amplitude), \
            plus a random walk of σ = \(NumberText.general(walkSigma)) per step\(spikes.isEmpty ? "" : ", plus one-step spikes " + spikes.map { "+\(NumberText.general($0.log2)) at step \($0.step)" }.joined(separator: ", ")). \
            A history longer than the sequence keeps every amax so far.
            """)

        body.heading("Over the whole sequence", level: 3)
        var table = DataTable(columns: [DataColumn("format"), DataColumn("recipe")]
                              + ["saturated elements", "steps with saturation", "underflows to 0", "mean SQNR dB", "worst SQNR dB", "worst step"].map { DataColumn($0, alignment: .right) })
        for row in summary {
            table.append([row.format, row.recipe, String(row.saturated), String(row.stepsSaturated), String(row.underflows), shown(row.meanSQNR),
                          shown(row.minSQNR), String(row.minSQNRStep)])
        }
        body.table(table)
        body.paragraph("Per step, every recipe: [\(spec.name)-steps.csv](\(spec.name)-steps.csv) (the scale each step used, its amax, saturations, underflows, SQNR).")

        var files: [ReportFile] = [], notes: [String: String] = [:]
        for format in formats {
            let plot = sqnrPlot(stepRows.filter { $0.format == format.name }, format: format)
            let name = "\(spec.name)-\(format.name).svg"
            files.append(ReportFile(name: name, contents: plot.svg()))
            notes[name] = "SQNR per step of every recipe in \(format.name), with the tensor amplitude"
            body.image(name, alt: "SQNR per step in \(format.name)")
        }

        let finding = findingText(summary)
        let discussion = """
            Delayed scaling trades one reduction per step for staleness: while the amplitude rises, the scale from earlier \
            steps is too large and the newest values saturate; after a spike or while the amplitude falls, a long "max" \
            history keeps the scale small for as many steps as it remembers, pushing values into the subnormal range and \
            below, which costs SQNR long after the spike. Current scaling pays neither, at the price of an amax pass over \
            each tensor before its cast.
            """
        return ExperimentReport(finding: finding, body: body, discussion: discussion, checks: checks.passed, files: files, fileNotes: notes)
    }

    func findingText(_ summary: [SummaryRow]) -> String {
        guard let format = formats.first else { return "" }
        let rows = summary.filter { $0.format == format.name }
        guard let current = rows.first(where: { $0.recipe == "current" }) else {
            return "FP8 delayed scaling on \(steps) drifting tensors."
        }
        var parts = ["in \(format.name), current scaling keeps \(NumberText.general(NumberText.double(current.meanSQNR) ?? .nan, digits: 4)) dB on average with \(current.saturated) saturations"]
        for row in rows where row.recipe != "current" {
            parts.append("`\(row.recipe)` \(NumberText.general(NumberText.double(row.meanSQNR) ?? .nan, digits: 4)) dB, \(row.saturated) saturations, \(row.underflows) underflows (worst step \(NumberText.general(NumberText.double(row.minSQNR) ?? .nan, digits: 3)) dB)")
        }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    func sqnrPlot(_ rows: [StepRow], format: FloatFormat) -> Plot {
        var plot = Plot(title: "SQNR per step, \(format.name)",
                        subtitle: "\(steps) steps of \(self.rows)×\(columns) N(0, 1)·2^a_t; grey dotted: 4·a_t on the same axis",
                        x: PlotAxis(label: "step"), y: PlotAxis(label: "SQNR (dB)"))
        plot.identifier = "fp8-recipes-\(format.name)"
        plot.legend = .outsideRight
        plot.width = 1000
        for (index, recipe) in recipes.enumerated() {
            let points = rows.filter { $0.recipe == recipe.label }.compactMap { row -> PlotPoint? in
                guard let sqnr = NumberText.double(row.sqnr), sqnr.isFinite else { return nil }
                return PlotPoint(Double(row.step), sqnr)
            }
            plot.series.append(PlotSeries(name: recipe.label, points: points, style: SeriesStyle(color: Palette.color(index), lineWidth: 1.5, dash: Palette.dash(index))))
        }
        let amplitude = rows.filter { $0.recipe == recipes.first?.label }.compactMap { row -> PlotPoint? in
            NumberText.double(row.log2Amplitude).map { PlotPoint(Double(row.step), 4 * $0) }
        }
        plot.series.append(PlotSeries(name: "4 · log2 amplitude", points: amplitude, style: SeriesStyle(color: "#999999", lineWidth: 1, dash: "2 3")))
        return plot
    }
}
