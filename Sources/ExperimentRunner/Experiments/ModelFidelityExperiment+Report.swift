import ModelAnalysis
import PortableMath
import ReportKit

extension ModelFidelityExperiment {
    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let rows = try tables.rows(RunRow.self)
        let layers = try tables.rows(LayerRow.self)
        var checks = CheckList()
        for check in cosineChecks {
            let row = rows.first { $0.text(.run) == check.key }!
            try checks.expectWithin(row.double(.worst_cosine), check, what: "worst cosine to float32 of '\(check.key)'", shown: row.text(.worst_cosine))
        }
        for check in agreementChecks {
            let row = rows.first { $0.text(.run) == check.key }!
            try checks.expectWithin(row.double(.neighbour_agreement), check, what: "nearest-neighbour agreement of '\(check.key)'", shown: row.text(.neighbour_agreement))
        }

        var body = MarkdownDocument()
        let tokens = rows.first?.text(.tokens) ?? "?"
        body.paragraph("all-MiniLM-L6-v2 (6 layers, hidden 384, 12 heads) runs in the lab on the \(sentences.count) sentences of `\(spec.name)/sentences.txt` (\(tokens) tokens with [CLS] and [SEP]; lengths from 1 word to beyond the 256-token limit, punctuation, numbers, accents, CJK and other scripts). Its float32 path reproduces sentence-transformers (PyTorch, CPU) to cosine ≥ 0.99999 on every sentence with identical token ids (`Scripts/oracles/minilm_oracle.py`). Each run below changes one thing and is compared with the float32 model: `weights=FORMAT` casts every parameter (model.to(dtype)); `weights=SCHEME` quantizes the 36 Linear weight matrices only (rows = output channels), everything else float32; `compute=F` rounds every product and every other result to F (and the parameters, as `.to(F)` would), `accumulate=A` the sums inside the matmuls (default F); `int8=vectorwise:6` is LLM.int8 (int8 per token and per output channel, activation columns with any |x| ≥ 6 in float16), `int8=tensorwise` one absmax scale for all activations and one for each weight. The same numbers for one text come from `precision-lab embed --weights W --compute F --llm-int8 T`.")
        var table = DataTable(columns: [
            DataColumn("run"), DataColumn("mean cosine", alignment: .right), DataColumn("worst cosine", alignment: .right),
            DataColumn("worst sentence (line)", alignment: .right), DataColumn("nearest neighbour kept", alignment: .right),
            DataColumn("last layer rel. error", alignment: .right),
        ])
        let lastLayer = layers.map { Int($0.text(.layer)) ?? 0 }.max() ?? 0
        for row in rows {
            let last = layers.first { $0.text(.run) == row.text(.run) && Int($0.text(.layer)) == lastLayer }
            table.append(["`\(row.text(.run))`", row.text(.mean_cosine), row.text(.worst_cosine), row.text(.worst_line),
                          row.text(.neighbour_agreement), last?.text(.relative_error) ?? ""])
        }
        body.table(table)
        body.paragraph("Nearest neighbour kept: the share of sentences whose most similar other sentence is the same as under float32 (a retrieval answer that does not change). The relative error is ‖h − h₃₂‖ / ‖h₃₂‖ over every token of every sentence.")
        body.image("\(spec.name)-layers.svg", alt: "Relative error of the hidden states per layer and run")

        // Findings from the table.
        func row(_ name: String) -> RunRow? { rows.first { $0.text(.run) == name } }
        var finding = ""
        let halves = ["weights=bfloat16", "weights=float16"].compactMap { name in row(name).map { (name, $0) } }
        if !halves.isEmpty {
            finding += "Half-precision weights: " + halves.map { "\($0.0.dropFirst(8)) worst cosine \($0.1.text(.worst_cosine))" }.joined(separator: ", ")
            finding += halves.allSatisfy { $0.1.double(.worst_cosine) >= 0.999 } ? " — the tutorials' \"almost identical\" (cosine ≥ 0.999) holds on every sentence. " : " — below the tutorials' 0.999 on some sentence. "
        }
        let computed = rows.filter { $0.text(.run).contains("compute=") }
        if let worstCompute = computed.min(by: { $0.double(.worst_cosine) < $1.double(.worst_cosine) }) {
            finding += "Rounding the arithmetic costs more than rounding the weights: the worst run with a narrow compute format is `\(worstCompute.text(.run))` (mean cosine \(worstCompute.text(.mean_cosine)), worst \(worstCompute.text(.worst_cosine))). "
        }
        if let llm = row("int8=vectorwise:6"), let plain = row("int8=tensorwise") {
            finding += "LLM.int8 (threshold 6) keeps mean cosine \(llm.text(.mean_cosine)) and \(llm.text(.neighbour_agreement)) of nearest neighbours, against \(plain.text(.mean_cosine)) and \(plain.text(.neighbour_agreement)) for per-tensor int8 activations."
        }
        let weightOnly = rows.filter { $0.text(.run).hasPrefix("weights=") && !$0.text(.run).contains(" ") }
        let sortedWeights = weightOnly.sorted { $0.double(.mean_cosine) > $1.double(.mean_cosine) || ($0.double(.mean_cosine) == $1.double(.mean_cosine) && $0.text(.run) < $1.text(.run)) }
        var discussion = ""
        if sortedWeights.count > 1 {
            discussion += "Weight formats and schemes from best to worst by mean cosine: " + sortedWeights.map { "`\($0.text(.run).dropFirst(8))` \($0.text(.mean_cosine))" }.joined(separator: ", ") + ". "
        }
        var firstLayerShare: [String] = []
        for run in rows.map({ $0.text(.run) }) {
            let errors = layers.filter { $0.text(.run) == run }.sorted { (Int($0.text(.layer)) ?? 0) < (Int($1.text(.layer)) ?? 0) }.map { $0.double(.relative_error) }
            guard errors.count > 2, let last = errors.last, last > 0 else { continue }
            if errors[1] >= last / 2 { firstLayerShare.append("`\(run)`") }
        }
        if !firstLayerShare.isEmpty {
            discussion += "For " + firstLayerShare.joined(separator: ", ") + " at least half of the final relative error is already there after layer 1: the error enters early and the residual stream carries it rather than growing it. "
        }

        let runNames = rows.map { $0.text(.run) }
        let layerNames = (0...lastLayer).map { $0 == 0 ? "embeddings" : "layer \($0)" }
        var values: [[Double?]] = []
        for run in runNames {
            values.append((0...lastLayer).map { layer in layers.first { $0.text(.run) == run && Int($0.text(.layer)) == layer }.flatMap { row in row.double(.relative_error) > 0 ? DeterministicMath.log10(row.double(.relative_error)) : nil } })
        }
        let heatMap = HeatMap(title: "all-MiniLM-L6-v2: relative error of the hidden states against float32",
                              subtitle: "log10 of ‖h − h₃₂‖ / ‖h₃₂‖ over every token of every sentence; darker is worse (−3 is 0.1 %)",
                              rows: runNames, columns: layerNames, values: values,
                              text: { ReportNumber.fixed($0, decimals: 1) })
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-layers.svg", contents: heatMap.svg())],
            fileNotes: ["\(spec.name)-layers.svg": "relative error of the hidden states per layer and run"])
    }
}
