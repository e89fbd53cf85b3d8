import ReportKit

/// The common frame of every `<name>.md`: title and summary, the finding, what was run
/// (the spec's parameters), the experiment's results, the discussion, the checks and the
/// file list. Nothing in it depends on the output folder, the machine or the time.
enum ReportPage {
    static let findingPrefix = "> **Finding:** "

    static func assemble(experiment: any Experiment, tables: [DataTable]) throws -> ExperimentOutput {
        let spec = experiment.spec
        let report = try experiment.makeReport(from: ReportTables(schemas: experiment.tables, tables: tables))
        var files: [ReportFile] = []
        var fileLines: [String] = []
        for (schema, table) in zip(experiment.tables, tables) {
            let name = schema.fileName(experiment: spec.name)
            files.append(ReportFile(name: name, contents: table.csv()))
            fileLines.append("[\(name)](\(name)) — \(schema.about) (\(table.rows.count) rows)")
        }
        for file in report.files {
            files.append(file)
            fileLines.append("[\(file.name)](\(file.name))" + (report.fileNotes[file.name].map { " — " + $0 } ?? ""))
        }

        var page = MarkdownDocument()
        page.heading(spec.title)
        if !spec.summary.isEmpty { page.paragraph(spec.summary) }
        page.raw(findingPrefix + report.finding)

        page.heading("What was run", level: 2)
        page.paragraph("`precision-lab run \(spec.name)` with [\(spec.file)](../\(spec.file)) — kind `\(spec.kind)`, \(experiment.cellCount) cells.")
        var parameters = DataTable(columns: [DataColumn("parameter"), DataColumn("value")])
        for entry in spec.parameters.entries {
            parameters.append([entry.key, "`" + entry.value.display + "`"])
        }
        if !parameters.rows.isEmpty { page.table(parameters) }

        page.heading("Results", level: 2)
        page.raw(report.body.text)

        page.heading("What the numbers show", level: 2)
        page.paragraph(report.discussion)

        if !report.checks.isEmpty {
            page.heading("Checks", level: 2)
            page.paragraph("Each check comes from the spec's `[checks]` table; a failing check fails the run.")
            page.bullets(report.checks.map { "✅ " + $0 })
        }

        page.heading("Files", level: 2)
        page.bullets(fileLines)

        files.insert(ReportFile(name: "\(spec.name).md", contents: page.text), at: 0)
        return ExperimentOutput(name: spec.name, finding: report.finding, files: files)
    }
}
