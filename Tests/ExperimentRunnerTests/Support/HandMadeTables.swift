@testable import ExperimentRunner

/// Hand-made rows and tables for the report-building tests: cells given by column name, so a
/// test states exactly the numbers a report must print, independent of any computation.
enum HandMadeTables {
    /// A row from named cells; columns not given are empty.
    ///
    ///     let row = try HandMadeTables.row(FormatsExperiment.MemoryRow.self, [.type: "int4", .bits: "4", …])
    static func row<Row: TableRow>(_ type: Row.Type, _ cells: [Row.Column: String]) throws -> Row {
        try Row(RowCells(Row.Column.allCases.map { cells[$0] ?? "" }))
    }

    /// The tables of `experiment` holding exactly `rows` (each routed to the table of its type).
    static func tables(_ experiment: any Experiment, _ rows: [any TableRow]) -> ReportTables {
        var result = CellResult(experiment.tables)
        for row in rows { result.append(row) }
        return ReportTables(schemas: experiment.tables, tables: LabRunner.tables(for: experiment, cells: [(0, result)]))
    }

    static func spec(_ kind: String, _ text: String) throws -> ExperimentSpec {
        try SpecLoader.parse(text: "kind = \"\(kind)\"\n" + text, name: "t", file: "t.toml")
    }
}
