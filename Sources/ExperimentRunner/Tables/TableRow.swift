/// A typed row of one experiment table, written to and read back from the string table by
/// column name.
///
/// Cells cross the string boundary exactly once each way: ``text(_:)`` prints every column
/// (the `switch` must cover them all), and `init(_:)` reads columns by name from a
/// ``RowCells``, so no code addresses a cell by position. A table's columns are its
/// `Column` cases, in declaration order:
///
///     struct MemoryRow: TableRow {
///         enum Column: String, TableColumn {
///             case type, bits, gigabytes
///             static let textColumns: Set<Column> = [.type]
///         }
///         var type: String, bits: Int, gigabytes: String
///         init(type: String, bits: Int, gigabytes: String) { … }
///         init(_ cells: RowCells<Column>) throws(TableDecodingError) {
///             type = cells[.type]; bits = try cells.integer(.bits); gigabytes = cells[.gigabytes]
///         }
///         func text(_ column: Column) -> String {
///             switch column { case .type: type; case .bits: String(bits); case .gigabytes: gigabytes }
///         }
///     }
///     // MemoryRow(type: "int4", bits: 4, gigabytes: "3.5").cells  // ["int4", "4", "3.5"]
public protocol TableRow: Sendable {
    associatedtype Column: TableColumn
    /// Reads a row from its cells, by column name.
    init(_ cells: RowCells<Column>) throws(TableDecodingError)
    /// The text of one cell.
    func text(_ column: Column) -> String
}

/// The columns of a ``TableRow``: the raw value is the CSV header name.
public protocol TableColumn: RawRepresentable<String>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// Left-aligned (text) columns; every other column holds numbers and is right-aligned.
    static var textColumns: Set<Self> { get }
}

extension TableRow {
    /// The cells in column order, as the table stores them.
    public var cells: [String] { Column.allCases.map(text) }
}
