/// How a command prints its tables.
public enum TableStyle: String, Sendable, Hashable, CaseIterable {
    /// Aligned columns for a terminal (the default).
    case plain
    /// RFC 4180 CSV with a header row, for scripts and spreadsheets.
    case csv
    /// GitHub-flavoured Markdown tables, for reports and READMEs.
    case markdown
    /// One JSON array of row objects (``ReportKit/DataTable/json(textColumns:)``).
    case json
}
