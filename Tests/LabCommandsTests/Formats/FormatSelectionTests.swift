import Foundation
import ReportKit
import SoftFloat
import Testing
@testable import LabCommands

/// `formats FORMAT...`, `formats --json` and `formats --codes F` (issue 20): user-defined
/// formats, JSON that any JSON reader parses to the CSV's values, and every code listed.
@Suite struct FormatSelectionTests {
    @Test func userDefinedFormatsOnlyThoseRows() throws {
        let csv = FormatTable.render(style: .csv, formats: [try FloatFormat.named("e3m4:bias=5"), .float16])
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 3)  // header, two formats, no integer types
        // e3m4 with bias 5: max (2 − 2^-4) × 2^(6−5) = 3.875, smallest normal 2^(1−5) = 0.0625.
        #expect(lines[1].hasPrefix("e3m4:bias=5,8,3,4,5,0.0625,3.875,-3.875,0.0625,"))
    }

    @Test func jsonParsesToTheCSVValues() throws {
        let json = FormatTable.render(style: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let csv = try DataTable(csv: FormatTable.csv())
        #expect(objects.count == csv.rows.count)
        let half = try #require(objects.first { $0["name"] as? String == "float16" })
        #expect(half["max"] as? Double == 65504)
        #expect(half["maxexp"] as? Int == 16)
        #expect(half["inf_encoding"] as? String == "0x7c00")
        let int8 = try #require(objects.first { $0["name"] as? String == "int8" })
        #expect(int8["min"] as? Int == -128)
        #expect(int8["eps"] == nil)  // empty cells are left out
    }

    /// float4_e2m1fn's 16 codes: 0 0.5 1 1.5 2 3 4 6 and their negatives (0x08 is −0).
    @Test func everyCodeOfFloat4() throws {
        let lines = try FormatTable.codes(.float4_e2m1fn).split(separator: "\n")
        #expect(lines.count == 17)
        #expect(lines[0] == "code,class,exact")
        #expect(lines[1...8].map { String($0.split(separator: ",")[2]) } == ["0", "0.5", "1", "1.5", "2", "3", "4", "6"])
        #expect(lines[9] == "0x08,zero,-0")
        #expect(lines[16] == "0x0f,normal,-6")
    }

    @Test func codesRefusesWideFormats() {
        #expect(throws: FormatTableError.self) { try FormatTable.codes(.float32) }
    }

    @Test(arguments: ["65504.0", "-0.0", "1e-15", "0", "5e-324", "-1.5E+3"])
    func jsonNumbers(_ text: String) { #expect(JSONText.isNumber(text)) }

    @Test(arguments: ["inf", "nan", ".5", "0x7c00", "01", "1.", "-", "", "1e"])
    func notJSONNumbers(_ text: String) { #expect(!JSONText.isNumber(text)) }
}
