/// The lab's one table model, rendered by several writers: RFC 4180 CSV (``csv(lineEnding:)``), a
/// GitHub Markdown table (``markdown(layout:)``) and aligned plain text (``plainText(headerRule:)``),
/// as google/swift-benchmark renders one model through
/// console, CSV and JSON reporters.
///
/// Cells are already-formatted strings, so every writer prints exactly the same digits and a
/// table round-trips through CSV unchanged:
///
///     var table = DataTable(columns: [DataColumn("format"), DataColumn("max", alignment: .right)])
///     table.append(["float16", "65504.0"])
///     table.append(["bfloat16", "3.3895313892515355e+38"])
///     table.csv()
///     // format,max
///     // float16,65504.0
///     // bfloat16,3.3895313892515355e+38
public struct DataTable: Sendable, Hashable {
    public var columns: [DataColumn]
    /// Rows of cells; each row has exactly `columns.count` cells.
    public private(set) var rows: [[String]]

    public init(columns: [DataColumn], rows: [[String]] = []) {
        self.columns = columns
        self.rows = []
        for row in rows { append(row) }
    }

    /// Convenience: left-aligned columns from names.
    public init(header: [String], rows: [[String]] = []) {
        self.init(columns: header.map { DataColumn($0) }, rows: rows)
    }

    /// The column names in order.
    public var header: [String] { columns.map(\.name) }

    /// Appends a row. A row of the wrong width is a programming error and traps, naming both widths.
    public mutating func append(_ row: [String]) {
        precondition(row.count == columns.count, "row has \(row.count) cells, table has \(columns.count) columns: \(row)")
        rows.append(row)
    }

    /// Appends every row of `other`, which must have the same header.
    public mutating func append(contentsOf other: DataTable) {
        precondition(other.header == header, "cannot append a table with header \(other.header) to \(header)")
        rows.append(contentsOf: other.rows)
    }

    /// The index of a column by name, if present.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The cells of one column, top to bottom (empty if there is no such column).
    public func column(_ name: String) -> [String] {
        guard let index = columnIndex(name) else { return [] }
        return rows.map { $0[index] }
    }

    /// The rows for which `predicate` holds on the named column.
    public func filter(_ name: String, _ predicate: (String) -> Bool) -> DataTable {
        guard let index = columnIndex(name) else { return DataTable(columns: columns) }
        return DataTable(columns: columns, rows: rows.filter { predicate($0[index]) })
    }

    /// A copy keeping only the named columns, in the given order (unknown names are skipped).
    public func selecting(_ names: [String]) -> DataTable {
        let indices = names.compactMap(columnIndex)
        return DataTable(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } })
    }
}
