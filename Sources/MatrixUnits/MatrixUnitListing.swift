import SoftFloat

/// The text of `mma --list`: one unit per line, name, K and formats, in aligned columns.
///
///     hopper:wgmma.m64n8k32.f32.e4m3.e4m3   K=32  A float8_e4m3fn  B float8_e4m3fn  C float32  D float32  fused, 13 kept bits, toward-zero to 13 fraction bits
public enum MatrixUnitListing {
    public static func text(_ units: [MatrixUnit]) -> String {
        let width = units.map(\.name.count).max() ?? 0
        var text = ""
        for unit in units {
            let name = unit.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let k = "K=\(unit.k)".padding(toLength: 5, withPad: " ", startingAt: 0)
            var line = "\(name)  \(k)  A \(operandName(unit, unit.a))  B \(operandName(unit, unit.b))  C \(unit.c.name)  D \(unit.d.name)"
            if let scale = unit.scale {
                line += "  scale \(scale.ignoresSign ? "ue4m3" : scale.format.name)/\(scale.blockSize)"
            }
            line += "  " + summary(unit)
            text += line + "\n"
        }
        return text
    }

    static func operandName(_ unit: MatrixUnit, _ format: FloatFormat) -> String {
        unit.truncatesOperandsToTF32 ? "tf32(float32 codes)" : format.name
    }

    /// `fused 1×32, 13 kept bits, toward-zero (13 fraction bits)`.
    public static func summary(_ unit: MatrixUnit) -> String {
        let steps = unit.k / unit.stepSize
        switch unit.summation {
        case .fusedMultiplyAddChain:
            return "\(unit.k) chained FMAs, nearest-even"
        case .evenOddFusedMultiplyAddChains:
            return "even/odd chains of \(unit.k / 2) f32 FMAs, c + (even + odd), nearest-even, subnormals flushed (DAZ, FTZ)"
        case .bfloat16DotAdd:
            return "BFDotAdd per pair (\(unit.k / 2) chained; f32 products and adds), round-to-odd, subnormals flushed"
        case .pairwise(let group):
            return "\(unit.k / group)×\(group) pairwise f32 tree, nearest-even" + (unit.flushesSubnormals ? ", subnormals flushed" : "")
        case .fused, .fusedScaledGroups:
            let grouping = unit.summation == .fusedScaledGroups ? "\(unit.k / 16) exact 16-element groups" : "fused \(steps)×\(unit.stepSize)"
            let output = unit.outputFractionBits == unit.d.mantissaBits ? "" : " (\(unit.outputFractionBits) fraction bits)"
            return "\(grouping), \(unit.keptFractionBits) kept bits (toward zero), \(unit.finalRounding.rawValue)\(output)"
        case .floorAligned(let halves):
            return "fused \(steps)×\(unit.stepSize)\(halves ? " (even/odd halves)" : ""), 24 kept bits, sum toward −∞ to 31 and c to 24, nearest-even"
        }
    }
}
