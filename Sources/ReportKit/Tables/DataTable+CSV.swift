extension DataTable {
    /// The table as RFC 4180 CSV: a header row, then one record per row.
    ///
    /// A field is quoted when it contains a comma, a double quote, a carriage return or a
    /// line feed, or starts or ends with a space; a double quote inside a quoted field is
    /// doubled. Every record, the last included, ends with `lineEnding`.
    ///
    ///     DataTable(header: ["a", "b"], rows: [["1,5", "say \"hi\""]]).csv()
    ///     // a,b
    ///     // "1,5","say ""hi"""
    ///
    /// - Parameter lineEnding: `"\n"` by default (as Go's encoding/csv writes; diff-friendly),
    ///   `"\r\n"` for RFC 4180's CRLF. Readers (pandas, Python's csv) accept both.
    public func csv(lineEnding: String = "\n") -> String {
        var text = ""
        text += Self.csvRecord(header, lineEnding: lineEnding)
        for row in rows { text += Self.csvRecord(row, lineEnding: lineEnding) }
        return text
    }

    /// One CSV record with its line ending.
    public static func csvRecord(_ fields: [String], lineEnding: String = "\n") -> String {
        fields.map(csvField).joined(separator: ",") + lineEnding
    }

    /// One field, quoted if needed: `a,b` → `"a,b"`, `x"y` → `"x""y"`, `plain` → `plain`.
    public static func csvField(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Parses RFC 4180 CSV whose first record is the header (LF or CRLF line endings, quoted
    /// fields with embedded commas, quotes and newlines).
    ///
    /// - Throws: ``CSVParseError`` naming the 1-based line of a malformed record.
    public init(csv text: String) throws(CSVParseError) {
        let records = try CSVParser.parse(text)
        guard let first = records.first else { throw CSVParseError(line: 1, reason: "no header row") }
        self.init(header: first.fields)
        for (offset, record) in records.dropFirst().enumerated() {
            guard record.fields.count == first.fields.count else {
                throw CSVParseError(line: record.line, reason: "record \(offset + 1) has \(record.fields.count) fields, the header has \(first.fields.count)")
            }
            append(record.fields)
        }
    }
}

extension String {
    /// Replaces every occurrence of `target` (Foundation-free, so ReportKit has no dependencies).
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
