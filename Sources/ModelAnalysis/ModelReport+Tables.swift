import Quantization
import ReportKit

extension ModelReport {
    /// The (tensor, scheme) columns, as `--csv` prints them.
    public static let measurementHeader = [
        "tensor", "shape", "parameters", "dtype", "scheme", "bits_per_parameter", "sqnr_db", "rmse",
        "relative_rmse", "max_abs_error", "cosine_similarity", "note",
    ]

    /// One row per (tensor, scheme). `exact`: shortest round-trip decimals (CSV); otherwise
    /// rounded for reading (SQNR to 0.01 dB, errors to 4 significant digits).
    public func measurementTable(exact: Bool = true) -> DataTable {
        let right: Set<String> = ["parameters", "bits_per_parameter", "sqnr_db", "rmse", "relative_rmse", "max_abs_error", "cosine_similarity"]
        var table = DataTable(columns: Self.measurementHeader.map { DataColumn($0, alignment: right.contains($0) ? .right : .left) })
        for report in tensors {
            let tensor = report.tensor
            for measurement in report.measurements {
                var cells = [tensor.name, tensor.shapeText, String(tensor.count), tensor.dtype.description, measurement.scheme.description]
                if let metrics = measurement.metrics {
                    let relative = metrics.rootMeanSquaredError / report.statistics.rms
                    cells += exact
                        ? [ReportNumber.exact(metrics.bitsPerParameter), ReportNumber.exact(metrics.sqnr), ReportNumber.exact(metrics.rootMeanSquaredError),
                           ReportNumber.exact(relative), ReportNumber.exact(metrics.maxAbsoluteError), ReportNumber.exact(metrics.cosineSimilarity)]
                        : [ReportNumber.fixed(metrics.bitsPerParameter, decimals: 3), ReportNumber.fixed(metrics.sqnr, decimals: 2),
                           ReportNumber.significant(metrics.rootMeanSquaredError), ReportNumber.significant(relative),
                           ReportNumber.significant(metrics.maxAbsoluteError), ReportNumber.fixed(metrics.cosineSimilarity, decimals: 6)]
                } else {
                    cells += ["", "", "", "", "", ""]
                }
                cells.append(measurement.note)
                table.append(cells)
            }
        }
        return table
    }

    /// One row per tensor: absmax, rms, kurtosis and the share beyond 6σ.
    public func statisticsTable(exact: Bool = true) -> DataTable {
        var table = DataTable(columns: [
            DataColumn("tensor"), DataColumn("shape"), DataColumn("parameters", alignment: .right), DataColumn("dtype"),
            DataColumn("absmax", alignment: .right), DataColumn("rms", alignment: .right),
            DataColumn("kurtosis", alignment: .right), DataColumn("beyond_6_sigma", alignment: .right),
        ])
        for report in tensors {
            let s = report.statistics
            let numbers = exact
                ? [s.absmax, s.rms, s.kurtosis, s.outlierShare].map(ReportNumber.exact)
                : [ReportNumber.significant(s.absmax), ReportNumber.significant(s.rms), ReportNumber.fixed(s.kurtosis, decimals: 2), ReportNumber.significant(s.outlierShare, digits: 3)]
            table.append([report.tensor.name, report.tensor.shapeText, String(report.tensor.count), report.tensor.dtype.description] + numbers)
        }
        return table
    }

    /// One row per scheme: parameter-weighted bits and SQNR, the model SQNR, the worst tensor.
    public func summaryTable(exact: Bool = true) -> DataTable {
        var table = DataTable(columns: [
            DataColumn("scheme"), DataColumn("tensors", alignment: .right), DataColumn("parameters", alignment: .right),
            DataColumn("total_bits", alignment: .right), DataColumn("bits_per_parameter", alignment: .right),
            DataColumn("mean_sqnr_db", alignment: .right), DataColumn("model_sqnr_db", alignment: .right),
            DataColumn("worst_tensor"), DataColumn("worst_sqnr_db", alignment: .right),
        ])
        for summary in summaries {
            let numbers = exact
                ? [ReportNumber.exact(summary.bitsPerParameter), ReportNumber.exact(summary.meanSQNR), ReportNumber.exact(summary.modelSQNR)]
                : [ReportNumber.fixed(summary.bitsPerParameter, decimals: 3), ReportNumber.fixed(summary.meanSQNR, decimals: 2), ReportNumber.fixed(summary.modelSQNR, decimals: 2)]
            table.append([summary.scheme, String(summary.tensors), String(summary.parameters), String(Int(summary.totalBits.rounded()))] + numbers
                         + [summary.worstTensor, exact ? ReportNumber.exact(summary.worstSQNR) : ReportNumber.fixed(summary.worstSQNR, decimals: 2)])
        }
        return table
    }

    /// `--markdown`: a heading, the summary, the per-tensor statistics and every measurement.
    public var markdown: String {
        var text = "# Quantization report: \(file)\n\n"
        text += "\(tensors.count) tensors, \(tensors.reduce(0) { $0 + $1.tensor.count }) parameters, \(schemes.count) schemes. "
        text += "Errors are against each tensor's own float32 values"
        text += format == .gguf ? " (ggml's dequantization of the stored blocks).\n\n" : ".\n\n"
        text += "## Summary per scheme (parameter-weighted)\n\n" + summaryTable(exact: false).markdown() + "\n"
        text += "## Tensors\n\n" + statisticsTable(exact: false).markdown() + "\n"
        text += "## Tensor × scheme\n\n" + measurementTable(exact: false).markdown()
        return text
    }

    /// The plain-text default: summary and statistics, then the measurements, aligned.
    public var plainText: String {
        "Summary per scheme (parameter-weighted)\n" + summaryTable(exact: false).plainText(headerRule: true)
            + "\nTensors\n" + statisticsTable(exact: false).plainText(headerRule: true)
            + "\nTensor × scheme\n" + measurementTable(exact: false).plainText(headerRule: true)
    }

    /// `--json`: {"file", "format", "schemes", "tensors": [{name, shape, dtype, parameters,
    /// statistics, measurements: [...]}], "summary": [...]}, numbers as shortest decimals.
    public var json: String {
        func number(_ value: Double) -> JSONValue { .double(value) }
        let tensorValues: [JSONValue] = tensors.map { report in
            let s = report.statistics
            let measurements: [JSONValue] = report.measurements.map { m in
                var members: [(String, JSONValue)] = [("scheme", .string(m.scheme.description))]
                members.append(("applied", m.applied.map { .string($0.description) } ?? .null))
                if let metrics = m.metrics {
                    members += [
                        ("bits_per_parameter", number(metrics.bitsPerParameter)), ("sqnr_db", number(metrics.sqnr)),
                        ("rmse", number(metrics.rootMeanSquaredError)), ("relative_rmse", number(metrics.rootMeanSquaredError / s.rms)),
                        ("max_abs_error", number(metrics.maxAbsoluteError)), ("cosine_similarity", number(metrics.cosineSimilarity)),
                    ]
                }
                members.append(("note", .string(m.note)))
                return .object(members)
            }
            return .object([
                ("name", .string(report.tensor.name)), ("shape", .array(report.tensor.shape.map { .integer($0) })),
                ("dtype", .string(report.tensor.dtype.description)), ("parameters", .integer(report.tensor.count)),
                ("statistics", .object([("absmax", number(s.absmax)), ("rms", number(s.rms)), ("kurtosis", number(s.kurtosis)), ("beyond_6_sigma", number(s.outlierShare))])),
                ("measurements", .array(measurements)),
            ])
        }
        let summaryValues: [JSONValue] = summaries.map { s in
            .object([
                ("scheme", .string(s.scheme)), ("parameters", .integer(s.parameters)), ("total_bits", number(s.totalBits)),
                ("bits_per_parameter", number(s.bitsPerParameter)), ("mean_sqnr_db", number(s.meanSQNR)), ("model_sqnr_db", number(s.modelSQNR)),
                ("worst_tensor", .string(s.worstTensor)), ("worst_sqnr_db", number(s.worstSQNR)),
            ])
        }
        return JSONValue.object([
            ("file", .string(file)), ("format", .string(format.rawValue)), ("schemes", .array(schemes.map { .string($0.description) })),
            ("tensors", .array(tensorValues)), ("summary", .array(summaryValues)),
        ]).rendered() + "\n"
    }
}
