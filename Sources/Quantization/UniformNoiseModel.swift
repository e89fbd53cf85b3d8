import SoftFloat

/// The textbook prediction of quantization noise: every element's error is uniform over one
/// step of the grid it is rounded on, so its variance is step²/12, and
///
///     SQNR_model = 10·log10( Σ x² / Σ noise(x) )
///
/// - integer schemes (absmax, zero-point): step = the group's scale S (one level), so for one
///   group SQNR_model ≈ 10·log10(12·mean(x²)/S²). With absmax S = amax/qmax this is the clip-free
///   classic: on U[−a, a] it is 20·log10(2·qmax) (48.08 dB for b = 8), and on N(0, 1) it falls
///   with the sample's amax (≈ 38.4 dB at b = 8 over 4M samples, where amax ≈ 5.3σ);
/// - floats (FP8, MX FP8/FP6/FP4): step = S·ulp(x/S) in the element format, with ulp fixed
///   at the subnormal spacing below the smallest normal;
/// - MXINT8: step = X·2^-6.
///
/// Two exact corrections make it fit small groups and MX blocks:
/// - a value beyond the grid is clamped (saturated), and its noise is the exact
///   ((|y| − edge)·S)², not step²/12 — MXFP8 E4M3 saturates every block whose amax has a
///   mantissa above 1.8125 (its top is 1.75 × 2^8 = 448);
/// - absmax and scaled FP8 put the group's amax exactly on the top of the grid (qmax or the
///   format's max), so that element has no noise — with groups of 32 that alone is 1/32 of the
///   elements, +0.14 dB, and far more when an outlier carries most of the group's energy.
///
/// Codebooks (NF4, bnb-FP4) have no single step and get no model.
public enum UniformNoiseModel {
    /// Σ noise over the elements of a textbook-convention result, or nil for codebooks and
    /// other conventions.
    public static func noiseEnergy(_ result: QuantizationResult) -> Double? {
        guard result.configuration.convention == .textbook else { return nil }
        let rows = result.input.rows, columns = result.input.columns
        let scales = result.scales.map { result.scaleFormat.doubleValue($0) }
        let values = result.input.doubleValues
        func group(_ index: Int) -> Int {
            let row = index / columns, column = index % columns
            switch result.granularity {
            case .tensor: return 0
            case .row: return row
            case .column: return column
            case .group(let size): return row * result.groupsPerRow + column / size
            case .block(let tileRows, let tileColumns): return (row / tileRows) * result.groupsPerRow + column / tileColumns
            }
        }
        var absmax = [Double](repeating: 0, count: scales.count)
        for index in values.indices { absmax[group(index)] = max(absmax[group(index)], abs(values[index])) }
        let scheme = result.configuration.scheme
        let amaxIsExact = scheme == .absmax || { if case .scaledFloat = scheme { return true } else { return false } }()

        /// Noise of one element whose scaled value y is rounded on a grid of `step` (in y units)
        /// from `low` to `high`: step²/12 inside, the exact distance to the edge beyond half a step.
        func noise(_ y: Double, step: Double, low: Double, high: Double, scale: Double) -> Double {
            if y > high + step / 2 { let d = (y - high) * scale; return d * d }
            if y < low - step / 2 { let d = (low - y) * scale; return d * d }
            let s = step * scale
            return s * s / 12
        }
        var energy = 0.0
        for index in 0..<rows * columns {
            let g = group(index)
            let x = values[index], scale = scales[g]
            guard scale != 0, scale.isFinite, x != 0 else { continue }
            if amaxIsExact && abs(x) == absmax[g] { continue }
            switch result.elementKind {
            case .codebookIndex:
                return nil
            case .integer:
                let range = result.configuration.integerRange
                if scheme == .zeroPoint {
                    let z = Double(result.zeroPoints[g])
                    energy += noise(x / scale + z, step: 1, low: Double(range.lowerBound), high: Double(range.upperBound), scale: scale)
                } else {
                    let limit = Double(range.upperBound)
                    energy += noise(x / scale, step: 1, low: -limit, high: limit, scale: scale)
                }
            case .scaledInteger(let bits, let exponent):
                let unit = Double(sign: .plus, exponent: exponent, significand: 1)
                let limit = Double((1 << (bits - 1)) - 1) * unit
                energy += noise(x / scale, step: unit, low: -limit, high: limit, scale: scale)
            case .float(let format):
                let y = x / scale
                let top = format.doubleValue(format.maxFiniteBits)
                let exponent = max(Int(min(abs(y), top).exponent), format.minNormalExponent) - format.mantissaBits
                let step = Double(sign: .plus, exponent: exponent, significand: 1)
                energy += noise(y, step: step, low: -top, high: top, scale: scale)
            }
        }
        return energy
    }
}
