import ReportKit

/// A CSV table that an experiment's cells fill: its file suffix, its row type and columns.
///
///     TableSchema(suffix: nil, row: PropertyRow.self, about: …)       // <name>.csv
///     TableSchema(suffix: "trace", row: TraceRow.self, about: …)      // <name>-trace.csv
public struct TableSchema: Sendable, Hashable {
    /// nil for the main table `<name>.csv`, else `<name>-<suffix>.csv`.
    public var suffix: String?
    public var columns: [DataColumn]
    /// One line for the report's file list.
    public var about: String
    /// The ``TableRow`` type of the rows (nil for untyped tables built from column names).
    public var rowType: ObjectIdentifier?

    public init(suffix: String?, columns: [DataColumn], about: String) {
        self.suffix = suffix
        self.columns = columns
        self.about = about
    }

    /// The table of `Row`s: one column per `Row.Column` case, text columns left-aligned,
    /// numbers right-aligned.
    public init<Row: TableRow>(suffix: String?, row: Row.Type, about: String) {
        self.init(suffix: suffix, columns: Row.Column.allCases.map {
            DataColumn($0.rawValue, alignment: Row.Column.textColumns.contains($0) ? .left : .right)
        }, about: about)
        rowType = ObjectIdentifier(row)
    }

    /// Columns from names: the listed `textColumns` left-aligned, everything else right-aligned.
    public init(suffix: String?, names: [String], textColumns: Set<String>, about: String) {
        self.init(suffix: suffix, columns: names.map { DataColumn($0, alignment: textColumns.contains($0) ? .left : .right) }, about: about)
    }

    public func fileName(experiment: String) -> String {
        suffix.map { "\(experiment)-\($0).csv" } ?? "\(experiment).csv"
    }

    public func emptyTable() -> DataTable { DataTable(columns: columns) }

    /// A CSV written from this schema, read back (a stored report table or a shard table
    /// without its `cell` column); the header must match column for column.
    public func table(csv text: String) throws -> DataTable {
        let table = try DataTable(csv: text)
        guard table.header == columns.map(\.name) else {
            throw TableDecodingError(column: table.header.joined(separator: ","), text: "", expected: "")
        }
        return DataTable(columns: columns, rows: table.rows)
    }

    /// Decodes every row of `table` into `Row`s, finding each column by its name.
    static func decode<Row: TableRow>(_ type: Row.Type, from table: DataTable) throws(TableDecodingError) -> [Row] {
        var positions: [Int] = []
        for column in Row.Column.allCases {
            guard let index = table.columnIndex(column.rawValue) else {
                throw TableDecodingError(column: column.rawValue, text: "", expected: "")
            }
            positions.append(index)
        }
        var rows: [Row] = []
        rows.reserveCapacity(table.rows.count)
        for cells in table.rows {
            rows.append(try Row(RowCells(positions.map { cells[$0] })))
        }
        return rows
    }
}
