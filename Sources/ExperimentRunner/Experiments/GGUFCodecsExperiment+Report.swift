import ModelAnalysis
import Quantization
import ReportKit

extension GGUFCodecsExperiment {
    /// The row a check key names: "DISTRIBUTION SCHEME" or "DISTRIBUTION SCHEME imatrix".
    static func row(for key: String, in rows: [CodecRow]) -> CodecRow? {
        let words = key.split(separator: " ").map(String.init)
        guard words.count == 2 || (words.count == 3 && words[2] == "imatrix") else { return nil }
        let imatrix = words.count == 3 ? "yes" : "none"
        return rows.first { $0.text(.distribution) == words[0] && $0.text(.scheme).lowercased() == words[1].lowercased() && $0.text(.imatrix) == imatrix }
    }

    /// The minimal blocks of the ties section, decoded both ways: (codec, input, ggml, reference).
    static func examples() throws -> [(FP4Comparison, [Float], [Float], [Float])] {
        let cases: [(FP4Comparison, [Float])] = [(.mxfp4, [6, 3.5, 1.75, 0.75]), (.nvfp4, [6, 3.5, 1.75, 0.75]), (.nvfp4, [6.375, 3, 1])]
        return try cases.map { comparison, head in
            let width = comparison == .mxfp4 ? 32 : 64
            let x = head + [Float](repeating: 0, count: width - head.count)
            let decoded = try comparison.decode(x, rows: 1, columns: width)
            return (comparison, head, Array(decoded.ggml.prefix(head.count)), Array(decoded.reference.prefix(head.count)))
        }
    }

    static func list(_ values: [Float]) -> String { "[" + values.map { NumberText.general(Double($0)) }.joined(separator: ", ") + "]" }

    func makeReport(from tables: ReportTables) throws -> ExperimentReport {
        let rows = try tables.rows(CodecRow.self)
        let ties = try tables.rows(TieRow.self)
        var checks = CheckList()
        for check in sqnrChecks {
            guard let row = Self.row(for: check.key, in: rows), let value = row.double(.sqnr_db) else {
                throw check.failure("no row for '\(check.key)' (DISTRIBUTION SCHEME [imatrix], from the spec's distributions, types and compare)")
            }
            try checks.expectWithin(value, check, what: "SQNR of \(check.key), dB", shown: row.text(.sqnr_db))
        }
        for check in stepChecks {
            guard let row = Self.row(for: check.key, in: rows), let value = row.double(.rmse_over_step) else {
                throw check.failure("no rmse/step for '\(check.key)' (a legacy type: \(GGUFCodec.uniformStepTypes.map(\.schemeName).sorted().joined(separator: ", ")))")
            }
            try checks.expectWithin(value, check, what: "rmse/step of \(check.key)", shown: row.text(.rmse_over_step))
        }

        let names = distributions.map(\.rawValue)
        var body = MarkdownDocument()
        body.paragraph("Every matrix is \(self.rows)×\(columns) float32 (seed \(seed)); the GGUF bytes are ggml's (`GGUFCodec`, checked byte for byte against ggml's compiled `ggml_quantize_chunk` by `Scripts/oracles/gguf_oracle.py`). Distributions: " + distributions.map { "`\($0.rawValue)` = \($0.describe(InputDistribution.Outliers()))" }.joined(separator: "; ") + ". The importance matrix is one weight per column, w = (a² + b²)/2 with a, b ~ N(0, 1) (exponential, mean 1); types that ignore it (Q8_0, TQ1_0, TQ2_0, MXFP4, NVFP4) have no imatrix row. The lab's schemes compute in float32 with the textbook convention.")

        body.heading("SQNR (dB) by distribution", level: 3)
        var table = DataTable(columns: [DataColumn("scheme"), DataColumn("bits/param", alignment: .right)]
            + names.map { DataColumn($0, alignment: .right) }
            + [DataColumn("imatrix gain, \(names[0]) (dB)", alignment: .right), DataColumn("rmse/step, \(names[0])", alignment: .right)])
        let schemes = rows.filter { $0.text(.distribution) == names[0] && $0.text(.imatrix) == "none" }.map { $0.text(.scheme) }
        for scheme in schemes {
            func find(_ distribution: String, _ imatrix: String) -> CodecRow? {
                rows.first { $0.text(.distribution) == distribution && $0.text(.scheme) == scheme && $0.text(.imatrix) == imatrix }
            }
            guard let first = find(names[0], "none") else { continue }
            var cells = [scheme, NumberText.general(first.double(.bits_per_parameter) ?? .nan)]
            cells += names.map { find($0, "none").flatMap { $0.double(.sqnr_db) }.map { ReportNumber.fixed($0, decimals: 2) } ?? "" }
            let gain = find(names[0], "yes").flatMap { with -> Double? in
                guard let a = with.double(.weighted_sqnr_db), let b = first.double(.weighted_sqnr_db) else { return nil }
                return a - b
            }
            cells.append(gain.map { ReportNumber.fixed($0, decimals: 2) } ?? "")
            cells.append(first.double(.rmse_over_step).map { ReportNumber.fixed($0, decimals: 4) } ?? "")
            table.append(cells)
        }
        body.table(table)
        body.paragraph("The imatrix gain is the importance-weighted SQNR with the importance matrix minus without it: what ggml's weighted searches buy on the error they are told to minimise (the plain SQNR can drop). rmse/step compares the error with one block step d: uniform rounding gives 1/√12 ≈ 0.2887, less where elements sit exactly on the grid (the block maximum of Q8_0: √(31/32)/√12 ≈ 0.2841; minimum and maximum of Q4_1 and Q5_1: √(30/32)/√12 ≈ 0.2795), more where values clip (Q4_0 and Q5_0 map the largest magnitude to −8 or −16 steps, so the other sign stops at 7 or 15). TQ1_0 and TQ2_0 are ternary codes {−d, 0, d} with d = the block's absmax, made for weights trained ternary (BitNet b1.58); on ordinary weights most values round to 0. Per-row numbers for every distribution, with and without the importance matrix, are in `\(spec.name).csv`.")
        body.image("\(spec.name)-sqnr-bits.svg", alt: "SQNR against bits per parameter, GGUF types and the lab's schemes")

        body.heading("Ties: ggml's FP4 codecs against OCP MX and NVIDIA NVFP4", level: 3)
        body.paragraph("ggml picks an FP4 code by scanning its table and keeping the first of equally near values, so a value halfway between two E2M1 magnitudes gets the smaller one; OCP MX and NVIDIA round to nearest-even. ggml's NVFP4 also rounds its UE4M3 block scale half up from one guard bit, where an E4M3 cast rounds to nearest-even. Minimal blocks (the remaining elements are zero):")
        var examples = DataTable(columns: [DataColumn("codec"), DataColumn("reference rule"), DataColumn("x"), DataColumn("ggml decodes"), DataColumn("reference decodes")])
        for (comparison, x, ggml, reference) in try Self.examples() {
            examples.append([comparison.type.schemeName, comparison.referenceName, Self.list(x), Self.list(ggml), Self.list(reference)])
        }
        body.table(examples)
        body.paragraph("On random matrices: float32 values almost never sit exactly on a tie; the same values rounded to bfloat16 (as a bf16 checkpoint stores them, 8 significant bits) often do.")
        var tieTable = DataTable(columns: [DataColumn("distribution"), DataColumn("codec"), DataColumn("input"), DataColumn("scales differ", alignment: .right),
                                           DataColumn("elements differ", alignment: .right), DataColumn("at ties", alignment: .right),
                                           DataColumn("under another scale", alignment: .right), DataColumn("other", alignment: .right)])
        for row in ties {
            let share = Double(row.integer(.differing_elements)) / Double(max(1, row.integer(.elements)))
            tieTable.append([row.text(.distribution), row.text(.codec), row.text(.source),
                             "\(row.integer(.scale_differences)) of \(row.integer(.blocks))",
                             "\(row.integer(.differing_elements)) (\(ReportNumber.fixed(share * 100, decimals: 2)) %)",
                             String(row.integer(.ties)), String(row.integer(.under_other_scale)), String(row.integer(.other))])
        }
        body.table(tieTable)

        // The plot: the first distribution, one series per family.
        var plot = Plot(title: "GGUF types and the lab's schemes: SQNR against storage",
                        subtitle: "\(names[0]), \(self.rows)×\(columns), no importance matrix; scales included in bits per parameter",
                        x: PlotAxis(label: "bits per parameter"), y: PlotAxis(label: "SQNR (dB)"))
        plot.identifier = spec.name
        let families: [(String, (String) -> Bool)] = [
            ("ggml legacy (Q4_0 … Q8_0)", { ["gguf-q4_0", "gguf-q4_1", "gguf-q5_0", "gguf-q5_1", "gguf-q8_0"].contains($0) }),
            ("ggml K-quants (Q2_K … Q6_K)", { $0.hasPrefix("gguf-q") && $0.hasSuffix("_K") }),
            ("ggml IQ4 (non-linear)", { $0.hasPrefix("gguf-iq4") }),
            ("ggml ternary (TQ1_0, TQ2_0)", { $0.hasPrefix("gguf-tq") }),
            ("ggml FP4 (MXFP4, NVFP4)", { $0 == "gguf-mxfp4" || $0 == "gguf-nvfp4" }),
            ("lab schemes", { !$0.hasPrefix("gguf-") }),
        ]
        let markers: [MarkerShape] = [.circle, .square, .diamond, .triangle, .cross, .circle]
        for (index, family) in families.enumerated() {
            let points = rows.filter { $0.text(.distribution) == names[0] && $0.text(.imatrix) == "none" && family.1($0.text(.scheme)) }
                .compactMap { row -> PlotPoint? in
                    guard let x = row.double(.bits_per_parameter), let y = row.double(.sqnr_db), y.isFinite else { return nil }
                    return PlotPoint(x, y)
                }.sorted { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
            guard !points.isEmpty else { continue }
            plot.series.append(PlotSeries(name: family.0, points: points,
                                          style: SeriesStyle(color: Palette.color(index), lineWidth: 0, marker: markers[index], markerSize: 6)))
        }
        plot.legend = .bottomRight

        // Findings from the tables.
        let normal = rows.filter { $0.text(.distribution) == names[0] && $0.text(.imatrix) == "none" }
        func sqnr(_ scheme: String) -> Double? { normal.first { $0.text(.scheme) == scheme }?.double(.sqnr_db) }
        var finding = ""
        if let q4k = sqnr("gguf-q4_K"), let q40 = sqnr("gguf-q4_0") {
            finding += "On \(names[0]) data Q4_K reaches \(ReportNumber.fixed(q4k, decimals: 1)) dB at 4.5 bits per parameter, \(ReportNumber.fixed(q4k - q40, decimals: 1)) dB above Q4_0 at the same size. "
        }
        let bfTies = ties.filter { $0.text(.source) == "bfloat16" && $0.text(.codec) == "gguf-mxfp4" }
        if let worst = bfTies.max(by: { $0.integer(.ties) < $1.integer(.ties) || ($0.integer(.ties) == $1.integer(.ties) && $0.text(.distribution) > $1.text(.distribution)) }) {
            let share = Double(worst.integer(.ties)) / Double(max(1, worst.integer(.elements))) * 100
            finding += "ggml's MXFP4 disagrees with OCP MX only at exact ties: none on float32 data, but \(ReportNumber.fixed(share, decimals: 2)) % of the elements of bfloat16-rounded \(worst.text(.distribution)) data."
        }
        var discussion = ""
        let gains = rows.filter { $0.text(.imatrix) == "yes" }.compactMap { with -> (String, Double)? in
            guard let without = rows.first(where: { $0.text(.distribution) == with.text(.distribution) && $0.text(.scheme) == with.text(.scheme) && $0.text(.imatrix) == "none" }),
                  let a = with.double(.weighted_sqnr_db), let b = without.double(.weighted_sqnr_db) else { return nil }
            return ("\(with.text(.scheme)) on \(with.text(.distribution))", a - b)
        }.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        if let best = gains.first, let least = gains.last {
            discussion += "The importance matrix helps most for \(best.0) (+\(ReportNumber.fixed(best.1, decimals: 2)) dB of weighted SQNR) and least for \(least.0) (\(least.1 >= 0 ? "+" : "")\(ReportNumber.fixed(least.1, decimals: 2)) dB). "
        }
        let ratios = rows.filter { $0.text(.distribution) == names[0] && $0.text(.imatrix) == "none" }.compactMap { row in row.double(.rmse_over_step).map { (row.text(.scheme), $0) } }
        if !ratios.isEmpty {
            discussion += "The legacy types' error per step on \(names[0]) data: " + ratios.map { "\($0.0) \(ReportNumber.fixed($0.1, decimals: 4))" }.joined(separator: ", ") + ", against 0.2841 (Q8_0), 0.2795 (Q4_1, Q5_1) and a little over 0.2887 (Q4_0, Q5_0, which clip) from uniform rounding with the exact grid points counted."
        }
        return ExperimentReport(
            finding: finding, body: body, discussion: discussion, checks: checks.passed,
            files: [ReportFile(name: "\(spec.name)-sqnr-bits.svg", contents: plot.svg())],
            fileNotes: ["\(spec.name)-sqnr-bits.svg": "SQNR against bits per parameter: GGUF types by family and the lab's schemes"])
    }
}
