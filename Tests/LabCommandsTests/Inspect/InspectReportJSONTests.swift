import Foundation
import SoftFloat
import Testing
@testable import LabCommands

/// `inspect --json` (the explorer's /api/inspect document, built in one place): strict JSON
/// that any reader parses, with the hand-worked e4m3fn facts: 0.1 → 0x1d = 0.1015625
/// (1.625 × 2^-4), neighbours 0x1b … 0x1f = 1.375 … 1.875 × 2^-4.
@Suite struct InspectReportJSONTests {
    func document(_ value: String, _ formats: [FloatFormat]) throws -> [String: Any] {
        let report = try InspectReport(value: value, formats: formats)
        let text = report.json.rendered()
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func tenthInE4M3() throws {
        let object = try document("0.1", [.float8_e4m3fn])
        let result = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(result["bits"] as? String == "0x1d")
        #expect(result["exact"] as? String == "0.1015625")
        #expect(result["next_up"] as? String == "0x1e")
        #expect(result["next_down"] as? String == "0x1c")
        // spacing 2^-7; 0.1 lies between 0x1c = 0.09375 and 0x1d = 0.1015625.
        #expect(result["spacing"] as? String == "0.0078125")
        #expect(result["below"] as? String == "0x1c")
        #expect(result["above"] as? String == "0x1d")
        let neighbors = try #require(result["neighbors"] as? [[String: Any]])
        #expect(neighbors.map { $0["position"] as? Double } == [0.0859375, 0.09375, 0.1015625, 0.109375, 0.1171875])  // 1.375, 1.5, 1.625, 1.75, 1.875 × 2^-4
        #expect(result["flags"] as? [String] == ["inexact"])
    }

    /// `--rounding all --json`: per format a `modes` array, one inspect result per mode.
    @Test func everyModeDocument() throws {
        let report = RoundingModesReport(value: "0.1", input: .number(try ExactNumber(parsing: "0.1")),
                                         formats: [.float8_e4m3fn], options: .standard)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json.rendered().utf8)) as? [String: Any])
        #expect(object["rounding"] as? String == "all")
        let modes = try #require((object["results"] as? [[String: Any]])?.first?["modes"] as? [[String: Any]])
        #expect(modes.map { $0["rounding"] as? String } == ["nearest-even", "nearest-away", "toward-zero", "up", "down", "odd"])
        #expect(modes.map { $0["bits"] as? String } == ["0x1d", "0x1d", "0x1c", "0x1d", "0x1c", "0x1d"])
    }

    @Test func nanAndOverflowStayStrict() throws {
        let object = try document("nan", [.float16, .float8_e4m3fn])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["abs_error"] is NSNull })
        let overflow = try document("1e6", [.float16])
        let row = try #require((overflow["results"] as? [[String: Any]])?.first)
        #expect(row["bits"] as? String == "0x7c00")
        #expect(row["position"] is NSNull)  // +inf has no JSON number
    }
}
