import Foundation
import SoftFloat
import Testing
@testable import LabCommands

/// One row of Fixtures/neighbors.csv: numpy's / ml_dtypes' answers for one input, written by
/// Scripts/oracles/neighbors_oracle.py (never by the lab), as exact hex floats.
struct NeighborsFixtureRow: Sendable, CustomTestStringConvertible {
    let format: String
    let input: String
    /// next_up, next_down, spacing, below, above: a hex float, inf, -inf, nan or none.
    let expected: [String]

    var testDescription: String { "\(format) \(input)" }

    static func load() throws -> [NeighborsFixtureRow] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/neighbors.csv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",").map(String.init)
            return NeighborsFixtureRow(format: cells[0], input: cells[1], expected: Array(cells[2...]))
        }
    }
}

@Suite struct ValueNeighborsTests {
    /// Every fixture row: the lab's neighbours of the stored input equal the oracle's values
    /// (compared as exact numbers; ±0 distinguished; NaN equals NaN).
    @Test(arguments: try NeighborsFixtureRow.load())
    func matchesNumpyAndMLDtypes(_ row: NeighborsFixtureRow) throws {
        let format = try FloatFormat.named(row.format)
        let exact = try ExactNumber(parsing: row.input)
        let stored = exact.rounded(to: format).bits
        let near = ValueNeighbors(stored: stored, input: exact, format: format)
        let got: [UInt64?] = [near.nextUp, near.nextDown, near.spacing, near.below, near.above]
        for (index, (code, expected)) in zip(got, row.expected).enumerated() {
            let name = ["next up", "next down", "spacing", "below", "above"][index]
            guard let code else {
                #expect(expected == "none", "\(row.format) \(row.input) \(name): lab none, oracle \(expected)")
                continue
            }
            let value = format.exactDecimal(code)
            let matches: Bool
            switch expected {
            case "none": matches = false
            case "nan": matches = format.isNaN(code)
            case "inf", "-inf": matches = value == expected
            default:
                let want = try ExactNumber(parsing: expected)
                // Equal values, the same sign of zero.
                matches = !format.isNaN(code) && want.rounded(to: format).bits == code
                    && !want.rounded(to: format).flags.contains(.inexact)
            }
            #expect(matches, "\(row.format) \(row.input) \(name): lab \(format.hexString(code)) = \(value), oracle \(expected)")
        }
    }

    /// Hand-worked: e4m3fn 0.1 is stored as 13 × 2^-7 = 0.1015625; its neighbours are 12 × 2^-7
    /// and 14 × 2^-7, spacing 2^-7; 0.1 lies between 0.09375 and 0.1015625.
    @Test func e4m3fnPointOne() throws {
        let near = ValueNeighbors(stored: 0x1d, input: try ExactNumber(parsing: "0.1"), format: .float8_e4m3fn)
        // 2^-7 is the subnormal 4 × 2^-9: code 0x04.
        #expect(near.nextUp == 0x1e && near.nextDown == 0x1c && near.spacing == 0x04)
        #expect(near.below == 0x1c && near.above == 0x1d)
    }

    /// A representable input: below and above are its neighbours (float16 1.0: 1 − 2^-11 and
    /// 1 + 2^-10); −1's spacing is −2^-10 (away from zero); 65504's is +inf.
    @Test func float16Boundaries() throws {
        let one = ValueNeighbors(stored: 0x3c00, input: ExactNumber(Int64(1)), format: .float16)
        #expect(one.below == 0x3bff && one.above == 0x3c01 && one.spacing == 0x1400)
        #expect(ValueNeighbors(stored: 0xbc00, input: ExactNumber(Int64(-1)), format: .float16).spacing == 0x9400)
        #expect(ValueNeighbors(stored: 0x7bff, input: ExactNumber(Int64(65504)), format: .float16).spacing == 0x7c00)
    }

    /// Beyond the range: 1e9 in e4m3fn is stored as NaN; below is 448, nothing is above;
    /// +inf has 448 below and nothing above; NaN has neither.
    @Test func beyondTheRange() throws {
        let huge = ValueNeighbors(stored: 0x7f, input: try ExactNumber(parsing: "1e9"), format: .float8_e4m3fn)
        #expect(huge.below == 0x7e && huge.above == nil)
        let infinity = ValueNeighbors(stored: 0x7f, input: try ExactNumber(parsing: "inf"), format: .float8_e4m3fn)
        #expect(infinity.below == 0x7e && infinity.above == nil)
        let nan = ValueNeighbors(stored: 0x7f, input: nil, format: .float8_e4m3fn)
        #expect(nan.below == nil && nan.above == nil && FloatFormat.float8_e4m3fn.isNaN(nan.spacing))
    }

    /// `--rounding all`, worked by hand: 0.1 in e4m3fn lies between 0x1c = 0.09375 and 0x1d =
    /// 0.1015625 (nearer the upper: 0.0015625 against 0.00625), so the nearest modes, up and
    /// odd (0x1d has an odd last bit) give 0x1d, toward-zero and down give 0x1c.
    @Test func everyRoundingModeAtOnce() throws {
        let report = RoundingModesReport(value: "0.1", input: .number(try ExactNumber(parsing: "0.1")),
                                         formats: [.float8_e4m3fn], options: .standard)
        #expect(report.reports.map(\.options.rounding) == [.nearestEven, .nearestAway, .towardZero, .up, .down, .odd])
        #expect(report.reports.map { $0.rows[0].hex } == ["0x1d", "0x1d", "0x1c", "0x1d", "0x1c", "0x1d"])
        let text = report.render()
        #expect(text.contains("0.1  (every rounding mode, overflow default, subnormals keep)"))
        #expect(text.contains("  toward-zero   0x1c    0.09375  -6.25000e-03  -8.00000e-01  inexact"))
    }
}
