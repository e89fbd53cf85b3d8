import Foundation
import SoftFloat
import Testing

/// gfloat 0.5.2's `round_float` under its four stochastic modes, with fixed srbits and
/// srnumbits, saturating (Fixtures/gfloat_stochastic.csv, written by
/// Scripts/oracles/stochastic_rounding_fixture.py): 1,500 float32 values into E2M1, E2M3, E3M2,
/// E4M3, E5M2, float16 and bfloat16, normal and subnormal results and values beyond the
/// largest finite one. The lab's ``FloatFormat/convertStochastically`` must give every value.
@Suite("Stochastic rounding against gfloat")
struct StochasticRuleFixtureTests {
    @Test func everyFixtureCaseMatches() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gfloat_stochastic.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.count == 1500)
        var checked = 0
        for line in lines {
            let cells = line.split(separator: ",").map(String.init)
            guard cells.count == 6, let bits = UInt64(cells[0], radix: 16), let n = Int(cells[3]), let r = UInt64(cells[4]),
                  let expected = Double(cells[5]) else {
                Issue.record("malformed line \(line)")
                continue
            }
            let target = try FloatFormat.named(cells[1])
            let rule: StochasticRule
            switch cells[2] {
            case "gfloat": rule = .gfloat(bits: n)
            case "gfloat-odd": rule = .gfloatOdd(bits: n)
            case "gfloat-fast": rule = .gfloatFast(bits: n)
            default: rule = .gfloatFastest(bits: n)
            }
            let result = FloatFormat.float32.convertStochastically(bits, to: target, rule: rule, random: r, options: RoundingOptions(overflow: .saturate))
            let value = target.doubleValue(result.bits)
            #expect(value == expected && value.sign == expected.sign, "\(line): lab \(value)")
            checked += 1
        }
        #expect(checked == 1500)
    }
}
