import ReportKit
import Testing

/// The one table model's three writers: RFC 4180 CSV, Markdown (padded and compact) and plain text.
@Suite struct DataTableRenderingTests {
    let table = DataTable(
        columns: [DataColumn("name"), DataColumn("value", alignment: .right), DataColumn("note")],
        rows: [["a", "1", "plain"], ["bb", "22.5", "x,y"], ["c", "", "say \"hi\""]])

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(table.csv() == """
            name,value,note
            a,1,plain
            bb,22.5,"x,y"
            c,,"say ""hi\"\"\"

            """)
        #expect(table.csv(lineEnding: "\r\n").hasPrefix("name,value,note\r\na,1,plain\r\n"))
    }

    /// RFC 4180 §2.6–2.7: fields with a comma, a double quote or a line break are quoted and
    /// their quotes doubled; edge spaces are quoted too (readers that trim would lose them).
    @Test(arguments: [
        ("plain", "plain"), ("0x7f,0xff", "\"0x7f,0xff\""), ("a\"b", "\"a\"\"b\""),
        ("line\nbreak", "\"line\nbreak\""), ("cr\r", "\"cr\r\""), ("", ""), (" edge", "\" edge\""),
    ])
    func csvField(_ input: String, _ expected: String) {
        #expect(DataTable.csvField(input) == expected)
    }

    @Test func csvRoundTrips() throws {
        #expect(try DataTable(csv: table.csv()) == DataTable(header: table.header, rows: table.rows))
    }

    @Test func plainAlignsColumnsAndTrimsTrailingSpace() {
        #expect(table.plainText(headerRule: true) == """
            name  value  note
            ----  -----  --------
            a         1  plain
            bb     22.5  x,y
            c            say "hi"

            """)
        #expect(table.plainText() == "name  value  note\na         1  plain\nbb     22.5  x,y\nc            say \"hi\"\n")
    }

    @Test func compactMarkdownMarksRightAlignedColumnsAndEscapesPipes() {
        let piped = DataTable(columns: [DataColumn("k"), DataColumn("v", alignment: .right), DataColumn("c", alignment: .center)],
                              rows: [["a|b", "1", "x"]])
        #expect(piped.markdown(layout: .compact) == """
            | k | v | c |
            | --- | ---: | :---: |
            | a\\|b | 1 | x |

            """)
    }

    @Test func paddedMarkdownEscapesPipesAndAligns() {
        let piped = DataTable(columns: [DataColumn("name"), DataColumn("bits", alignment: .right)], rows: [["a|b", "8"]])
        #expect(piped.markdown() == "| name | bits |\n| :--- | ---: |\n| a\\|b |    8 |\n")
    }
}
