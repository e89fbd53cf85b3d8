/// The rows one cell adds to each of its experiment's tables, in ``Experiment/tables`` order.
public struct CellResult: Sendable, Hashable {
    public var rows: [[[String]]]

    public init(rows: [[[String]]]) {
        self.rows = rows
    }

    /// A result for `tableCount` tables, all empty; fill with ``append(_:to:)``.
    public init(tableCount: Int) {
        rows = Array(repeating: [], count: tableCount)
    }

    public mutating func append(_ row: [String], to table: Int) {
        rows[table].append(row)
    }
}
