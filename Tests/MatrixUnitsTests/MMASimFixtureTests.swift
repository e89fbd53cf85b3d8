import Foundation
import LabCommands
import SoftFloat
import Testing
@testable import MatrixUnits

/// MMA-Sim's results (commit c785138) for five random cases per unit — one per family: normal,
/// wide exponent, cancellation, specials, subnormals — written by Scripts/oracles/mma_oracle.py.
/// NaN matches any NaN (MMA-Sim's AMD NaNs carry the host's sign).
@Suite struct MMASimFixtureTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let unit: String
        let line: String
        let expected: UInt64
        var testDescription: String { "\(unit): \(line)" }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mma-sim-cases.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            return Case(unit: String(fields[0]), line: String(fields[1]), expected: UInt64(fields[2], radix: 16)!)
        }
    }()

    @Test func fixtureCoversEveryCheckedUnit() {
        #expect(Set(Self.cases.map(\.unit)).count >= 160)
    }

    @Test func everyUnitAgreesWithMMASim() throws {
        var engines: [String: MatrixUnitLineEvaluator] = [:]
        var mismatches: [String] = []
        for example in Self.cases {
            var evaluator = try engines[example.unit] ?? MatrixUnitLineEvaluator(unit: MatrixUnit.named(example.unit))
            let d = try evaluator.evaluate(Array(example.line.utf8))
            engines[example.unit] = evaluator
            let format = evaluator.engine.unit.d
            if d != example.expected && !(format.isNaN(d) && format.isNaN(example.expected)) {
                mismatches.append("\(example.unit): \(example.line) → 0x\(String(d, radix: 16)), MMA-Sim 0x\(String(example.expected, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).joined(separator: "\n"))")
    }
}
