import Foundation
import Testing
import SoftFloat

/// `precision-lab formats`' finfo columns against numpy's and ml_dtypes' own `finfo`
/// (Fixtures/ml_dtypes_finfo.csv, written by `Scripts/oracles/ml_dtypes_fixture.py` with
/// ml_dtypes 0.7): where the names coincide, the values must be equal (float16's maxexp is 16,
/// float8_e4m3fn's precision 1 and resolution 0.1015625, float6_e2m3fn's epsneg 2^-3).
@Suite struct FinfoParityTests {
    static let rows: [[String: String]] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ml_dtypes_finfo.csv")
        // The fixture is committed with the tests; a missing file fails loudly.
        let lines = try! String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }()

    @Test(arguments: rows.map { $0["name"]! })
    func finfoColumnsMatch(_ name: String) throws {
        let expected = try #require(Self.rows.first { $0["name"] == name })
        let row = FormatPropertyRow(try FloatFormat.named(name))
        let renamed = ["max": "max", "smallest_normal": "smallest_normal", "smallest_subnormal": "smallest_subnormal"]
        for (field, value) in expected where field != "name" {
            let ours = row[renamed[field] ?? field]
            #expect(Double(ours) == Double(value), "\(name).\(field): ours \(ours), finfo \(value)")
        }
    }
}
