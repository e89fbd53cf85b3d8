import Testing
@testable import LabCommands

@Suite struct TableRendererTests {
    let table = TextTable(
        title: "Demo",
        columns: [.init("name"), .init("value", alignment: .right), .init("note")],
        rows: [["a", "1", "plain"], ["bb", "22.5", "x,y"], ["c", "", "say \"hi\""]])

    @Test func csvQuotesFieldsThatNeedIt() {
        #expect(CSVRenderer().render(table) == """
            name,value,note
            a,1,plain
            bb,22.5,"x,y"
            c,,"say ""hi\"\"\"

            """)
    }

    @Test(arguments: [
        ("plain", "plain"), ("0x7f,0xff", "\"0x7f,0xff\""), ("a\"b", "\"a\"\"b\""),
        ("line\nbreak", "\"line\nbreak\""), ("cr\r", "\"cr\r\""), ("", ""),
    ])
    func csvField(_ input: String, _ expected: String) {
        #expect(CSVRenderer.field(input) == expected)
    }

    @Test func plainAlignsColumnsAndTrimsTrailingSpace() {
        #expect(PlainTableRenderer().render(table) == """
            Demo
            name  value  note
            ----  -----  --------
            a         1  plain
            bb     22.5  x,y
            c            say "hi"

            """)
    }

    @Test func markdownMarksRightAlignedColumnsAndEscapesPipes() {
        let piped = TextTable(title: "T", columns: [.init("k"), .init("v", alignment: .right)], rows: [["a|b", "1"]])
        #expect(MarkdownRenderer().render(piped) == """
            ### T

            | k | v |
            | --- | ---: |
            | a\\|b | 1 |

            """)
    }
}
