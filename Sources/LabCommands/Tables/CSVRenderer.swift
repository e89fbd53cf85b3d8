/// RFC 4180 CSV: a header row of column names, then one line per row, `\n`-terminated.
///
/// A field containing a comma, a double quote, a carriage return or a newline is wrapped in
/// double quotes, and its quotes are doubled:
///
///     CSVRenderer.field("0x7f,0xff")     // "\"0x7f,0xff\""
///     CSVRenderer.field("say \"hi\"")    // "\"say \"\"hi\"\"\""
///     CSVRenderer.field("65504.0")       // "65504.0"
struct CSVRenderer: TableRenderer {
    func render(_ table: TextTable, to output: inout some TextOutputStream) {
        output.write(table.columns.map { Self.field($0.name) }.joined(separator: ","))
        output.write("\n")
        for row in table.rows {
            output.write(row.map(Self.field).joined(separator: ","))
            output.write("\n")
        }
    }

    /// One field, quoted when RFC 4180 requires it.
    static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return quoted
    }
}
