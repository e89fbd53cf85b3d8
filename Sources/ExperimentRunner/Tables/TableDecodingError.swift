/// A table (a CSV read back for a merge or a partial run) that does not fit its row type.
///
///     // column 'bits': '4.5' is not an integer
public struct TableDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var column: String
    public var text: String
    public var expected: String

    public init(column: String, text: String, expected: String) {
        self.column = column
        self.text = text
        self.expected = expected
    }

    public var description: String {
        text.isEmpty && expected.isEmpty ? "no column '\(column)'" : "column '\(column)': '\(text)' is not \(expected)"
    }
}
