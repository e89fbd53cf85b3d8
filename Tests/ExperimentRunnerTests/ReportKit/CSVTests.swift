import ReportKit
import Testing

struct CSVFieldCase: Sendable, CustomTestStringConvertible {
    var field: String
    var encoded: String
    var testDescription: String { "\(field.debugDescription) → \(encoded.debugDescription)" }
}

@Suite("RFC 4180 CSV")
struct CSVTests {
    static let cases: [CSVFieldCase] = [
        CSVFieldCase(field: "plain", encoded: "plain"),
        CSVFieldCase(field: "", encoded: ""),
        CSVFieldCase(field: "1,5", encoded: "\"1,5\""),
        CSVFieldCase(field: "say \"hi\"", encoded: "\"say \"\"hi\"\"\""),
        CSVFieldCase(field: "two\nlines", encoded: "\"two\nlines\""),
        CSVFieldCase(field: "crlf\r\nline", encoded: "\"crlf\r\nline\""),
        CSVFieldCase(field: " padded ", encoded: "\" padded \""),
        CSVFieldCase(field: "0 | 01101 | 0101010101", encoded: "0 | 01101 | 0101010101"),
        CSVFieldCase(field: "-8.13802e-05", encoded: "-8.13802e-05"),
        CSVFieldCase(field: "naïve ½ulp", encoded: "naïve ½ulp"),
    ]

    @Test(arguments: cases)
    func quoting(_ example: CSVFieldCase) {
        #expect(DataTable.csvField(example.field) == example.encoded)
    }

    @Test(arguments: cases)
    func roundTrip(_ example: CSVFieldCase) throws {
        let table = DataTable(header: ["a", "b"], rows: [[example.field, "x"], ["y", example.field]])
        #expect(try DataTable(csv: table.csv()) == table)
        #expect(try DataTable(csv: table.csv(lineEnding: "\r\n")) == table)
    }

    @Test func headerThenOneRecordPerRow() {
        let table = DataTable(header: ["format", "max"], rows: [["float16", "65504.0"], ["a,b", "1"]])
        #expect(table.csv() == "format,max\nfloat16,65504.0\n\"a,b\",1\n")
    }

    @Test func malformedInputNamesTheLine() {
        #expect(throws: CSVParseError.self) { try DataTable(csv: "a,b\n1,2\n3\n") }
        do {
            _ = try DataTable(csv: "a,b\n1,2\n\"open,3\n")
        } catch {
            #expect(error.line == 3)
        }
    }
}
