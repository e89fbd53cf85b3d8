/// A small RFC 4180 reader: records of fields, with the line each record starts on.
///
///     try CSVParser.parse("a,b\n\"1,5\",\"x\"\"y\"\n")
///     // [(line 1, ["a", "b"]), (line 2, ["1,5", "x\"y"])]
enum CSVParser {
    struct Record: Sendable, Hashable {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String) throws(CSVParseError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var fieldStarted = false
        var quoteLine = 1
        let bytes = Array(text.utf8)
        var index = 0

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields.removeAll()
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                endField()
                fieldStarted = true
            case UInt8(ascii: "\r") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"):
                index += 1
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            case UInt8(ascii: "\""):
                guard field.isEmpty && !afterQuote else {
                    throw CSVParseError(line: line, reason: "a double quote inside an unquoted field")
                }
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            default:
                guard !afterQuote else {
                    throw CSVParseError(line: line, reason: "text after the closing quote of a field")
                }
                field.append(byte)
                fieldStarted = true
            }
            index += 1
        }
        if inQuotes { throw CSVParseError(line: quoteLine, reason: "the quoted field opened on this line is not closed") }
        if !field.isEmpty || !fields.isEmpty || afterQuote || fieldStarted { endRecord() }
        return records
    }
}
