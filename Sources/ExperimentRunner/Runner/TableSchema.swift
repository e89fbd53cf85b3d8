import ReportKit

/// A CSV table that an experiment's cells fill: its file suffix and its columns.
///
///     TableSchema(suffix: nil, columns: …)        // <name>.csv
///     TableSchema(suffix: "trace", columns: …)    // <name>-trace.csv
public struct TableSchema: Sendable, Hashable {
    /// nil for the main table `<name>.csv`, else `<name>-<suffix>.csv`.
    public var suffix: String?
    public var columns: [DataColumn]
    /// One line for the report's file list.
    public var about: String

    public init(suffix: String?, columns: [DataColumn], about: String) {
        self.suffix = suffix
        self.columns = columns
        self.about = about
    }

    /// Columns from names: the listed `textColumns` left-aligned, everything else right-aligned.
    public init(suffix: String?, names: [String], textColumns: Set<String>, about: String) {
        self.init(suffix: suffix, columns: names.map { DataColumn($0, alignment: textColumns.contains($0) ? .left : .right) }, about: about)
    }

    public func fileName(experiment: String) -> String {
        suffix.map { "\(experiment)-\($0).csv" } ?? "\(experiment).csv"
    }

    public func emptyTable() -> DataTable { DataTable(columns: columns) }
}
