/// The cells of one table row, addressed by column: what ``TableRow/init(_:)`` reads.
///
///     let cells = RowCells<MemoryRow.Column>(["int4", "4", "3.5"])
///     cells[.gigabytes]               // "3.5"
///     try cells.integer(.bits)        // 4
public struct RowCells<Column: TableColumn>: Sendable {
    private let values: [String]

    /// `values` in `Column.allCases` order (``TableDecoder`` reorders a table's columns by name).
    public init(_ values: [String]) {
        precondition(values.count == Column.allCases.count, "\(values.count) cells for \(Column.allCases.count) columns")
        self.values = values
    }

    public subscript(column: Column) -> String {
        values[Column.allCases.firstIndex(of: column)!]
    }

    /// A decimal integer cell.
    public func integer(_ column: Column) throws(TableDecodingError) -> Int {
        guard let value = Int(self[column]) else { throw TableDecodingError(column: column.rawValue, text: self[column], expected: "an integer") }
        return value
    }

    /// A decimal unsigned 64-bit cell (seeds).
    public func unsigned(_ column: Column) throws(TableDecodingError) -> UInt64 {
        guard let value = UInt64(self[column]) else { throw TableDecodingError(column: column.rawValue, text: self[column], expected: "an unsigned integer") }
        return value
    }
}

extension RowCells {
    /// A float64 cell printed as the shortest round-trip decimal (`0.0009765625`, `inf`), read
    /// back to the same float64.
    public func double(_ column: Column) throws(TableDecodingError) -> Double {
        guard let value = NumberText.double(self[column]) else { throw TableDecodingError(column: column.rawValue, text: self[column], expected: "a number") }
        return value
    }
}
