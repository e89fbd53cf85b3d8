import SoftFloat

/// Reads a matrix from text: one row per line, numbers separated by spaces, tabs or commas
/// (`1.2, -0.5` and `1.2 -0.5` are the same row). Blank lines and lines whose first
/// non-blank character is `#` are skipped.
///
/// Each number is parsed exactly (decimal, `p/q` rational, hex-float, `nan`, `inf`) and
/// rounded once, nearest-even, to the target format — `0.1` becomes float32 0x3dcccccd
/// directly, never through float64. NaN and ±∞ are kept (the kernels decide: only MX accepts
/// them); a finite number that overflows the target is an error.
///
///     1.2  -0.5  -4.3        → row 0
///     # a comment
///     1.2, -3.1, 0.8         → row 1
struct TextMatrixParser {
    let sourceName: String
    let format: FloatFormat

    /// The matrix and, for each element, its `line:column` (1-based) in the text.
    func parse(_ text: String) throws(MatrixInputError) -> (Matrix, [SourcePosition]) {
        var codes: [UInt64] = []
        var positions: [SourcePosition] = []
        var columns: Int? = nil
        var firstRowLine = 0
        var rows = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = Array(line.utf8)
            let fields = try fields(of: bytes, line: lineNumber)
            if fields.isEmpty { continue }
            if let expected = columns {
                guard fields.count == expected else {
                    throw MatrixInputError(
                        .raggedRows, location: "\(sourceName):\(lineNumber)",
                        "ragged rows: line \(lineNumber) has \(fields.count) number\(fields.count == 1 ? "" : "s"), but line \(firstRowLine) (the first row) has \(expected)")
                }
            } else {
                columns = fields.count
                firstRowLine = lineNumber
            }
            for (column, token) in fields {
                let location = "\(sourceName):\(lineNumber):\(column)"
                let rounded: Rounded
                do {
                    rounded = try format.round(token)
                } catch {
                    throw MatrixInputError(.invalidNumber, location: location, "'\(token)' is not a number (\(error.reason))")
                }
                if rounded.flags.contains(.overflow) {
                    throw MatrixInputError(
                        .overflow, location: location,
                        "\(token) overflows \(format.name) (largest finite \(format.exactDecimal(format.maxFiniteBits)))")
                }
                codes.append(rounded.bits)
                positions.append(SourcePosition(line: lineNumber, column: column))
            }
            rows += 1
        }
        guard let columnCount = columns, rows > 0 else {
            throw MatrixInputError(.empty, location: sourceName, "empty input: no numbers found (expected one row per line, numbers separated by spaces or commas)")
        }
        // rows > 0 and columnCount > 0 with a matching count: cannot throw.
        return (try! Matrix(rows: rows, columns: columnCount, format: format, codes: codes), positions)
    }

    /// Splits a line into (1-based column, token) pairs. Separators are runs of blanks with
    /// at most one comma; a comma with no number before it, or at the end, is an empty field.
    func fields(of bytes: [UInt8], line: Int) throws(MatrixInputError) -> [(Int, String)] {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var index = 0
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index == bytes.count || bytes[index] == UInt8(ascii: "#") { return [] }
        var result: [(Int, String)] = []
        var lastWasValue = false
        var pendingComma: Int? = nil
        while index < bytes.count {
            let byte = bytes[index]
            if isBlank(byte) {
                index += 1
            } else if byte == UInt8(ascii: ",") {
                guard lastWasValue else {
                    throw MatrixInputError(.invalidNumber, location: "\(sourceName):\(line):\(index + 1)", "empty field: expected a number before ','")
                }
                lastWasValue = false
                pendingComma = index
                index += 1
            } else {
                let start = index
                while index < bytes.count, !isBlank(bytes[index]), bytes[index] != UInt8(ascii: ",") { index += 1 }
                result.append((start + 1, String(decoding: bytes[start..<index], as: UTF8.self)))
                lastWasValue = true
                pendingComma = nil
            }
        }
        if let comma = pendingComma {
            throw MatrixInputError(.invalidNumber, location: "\(sourceName):\(line):\(comma + 1)", "empty field: expected a number after ','")
        }
        return result
    }
}

/// A 1-based line and column in a text input.
public struct SourcePosition: Sendable, Hashable {
    public let line: Int
    public let column: Int
}
