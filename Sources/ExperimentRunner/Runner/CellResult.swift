/// The rows one cell adds to each of its experiment's tables, in ``Experiment/tables`` order.
///
///     var result = CellResult(tables)        // the experiment's schemas
///     result.append(MemoryRow(type: "int4", bits: 4, gigabytes: "3.5"))   // goes to the MemoryRow table
public struct CellResult: Sendable, Hashable {
    public var rows: [[[String]]]
    /// The row type of each table, to route ``append(_:)``.
    private var rowTypes: [ObjectIdentifier?]

    public init(rows: [[[String]]]) {
        self.rows = rows
        rowTypes = rows.map { _ in nil }
    }

    /// A result for the given tables, all empty; fill with ``append(_:)``.
    public init(_ tables: [TableSchema]) {
        rows = Array(repeating: [], count: tables.count)
        rowTypes = tables.map(\.rowType)
    }

    /// Appends a row to the table of its type.
    public mutating func append<Row: TableRow>(_ row: Row) {
        guard let index = rowTypes.firstIndex(of: ObjectIdentifier(Row.self)) else {
            preconditionFailure("no table of \(Row.self) in this experiment")
        }
        rows[index].append(row.cells)
    }

    /// The rows this cell added to the `Row` table, read back by column (none if the
    /// experiment has no such table).
    public func rows<Row: TableRow>(_ type: Row.Type) throws(TableDecodingError) -> [Row] {
        guard let index = rowTypes.firstIndex(of: ObjectIdentifier(type)) else { return [] }
        var decoded: [Row] = []
        for cells in rows[index] { decoded.append(try Row(RowCells(cells))) }
        return decoded
    }
}
