import ReportKit

/// An experiment's finished tables, in ``Experiment/tables`` order, looked up by row type:
/// what ``Experiment/makeReport(from:)`` reads.
///
///     let memory = try tables.rows(MemoryRow.self)      // [MemoryRow], decoded by column name
///     body.table(try tables.table(IntegerRow.self))     // the string table itself, to print
public struct ReportTables: Sendable {
    public var schemas: [TableSchema]
    public var tables: [DataTable]

    public init(schemas: [TableSchema], tables: [DataTable]) {
        precondition(schemas.count == tables.count, "\(tables.count) tables for \(schemas.count) schemas")
        self.schemas = schemas
        self.tables = tables
    }

    /// The string table whose rows are `Row`s.
    public func table<Row: TableRow>(_ type: Row.Type) -> DataTable {
        guard let index = schemas.firstIndex(where: { $0.rowType == ObjectIdentifier(type) }) else {
            preconditionFailure("no table of \(Row.self) in this experiment")
        }
        return tables[index]
    }

    /// Every row of the `Row` table, decoded by column name.
    public func rows<Row: TableRow>(_ type: Row.Type) throws(TableDecodingError) -> [Row] {
        try TableSchema.decode(type, from: table(type))
    }
}
