import PortableMath
import SoftFloat

/// The random matrices the quantization experiments measure, all of unit variance before
/// outliers, drawn with ``RandomVariates`` (identical bits on every machine).
///
/// - `normal`: N(0, 1).
/// - `uniform`: U[−√3, √3), i.e. √3·(2U − 1).
/// - `laplace`: Laplace with b = 1/√2.
/// - `student-t3`: Student's t with 3 degrees of freedom scaled to unit variance (t₃ has
///   variance 3): Z / √(Z₁² + Z₂² + Z₃²) with four independent N(0, 1) draws in that order —
///   heavy-tailed (kurtosis infinite), the shape of many weight matrices' tails.
/// - `normal-outliers`: the `normal` matrix of the same seed, with exactly
///   round(n × fraction) elements (at least one) multiplied by `scale` — the positions drawn
///   from a second generator seeded `seed XOR FNV-1a-64("outliers")`.
/// - `outlier-channels`: a weight-like matrix: the `normal` matrix of the same seed with
///   `channels` whole columns (input channels, drawn from `seed XOR FNV-1a-64("channels")`)
///   multiplied by `channel_scale` — the systematic outlier features of LLM.int8.
///
/// - `lognormal-rows`: the `normal` matrix of the same seed with row r multiplied by
///   e^(σ·z_r), z_r drawn from `seed XOR FNV-1a-64("rows")` (σ = `row_sigma`): rows whose
///   magnitudes span many binades, as activations per token do.
///
/// Because the outlier variants start from the same normal draws, a row of the report compares
/// exactly the same base values with and without outliers.
enum InputDistribution: String, CaseIterable, Sendable {
    case normal
    case uniform
    case laplace
    case studentT3 = "student-t3"
    case normalOutliers = "normal-outliers"
    case outlierChannels = "outlier-channels"
    case lognormalRows = "lognormal-rows"

    /// The knobs of the outlier variants.
    struct Outliers: Sendable, Hashable {
        /// Fraction of elements of `normal-outliers` that are scaled.
        var fraction: Double = 0.001
        /// Their factor.
        var scale: Double = 20
        /// Columns of `outlier-channels` that are scaled.
        var channels: Int = 4
        /// Their factor.
        var channelScale: Double = 10
        /// `lognormal-rows`: σ of the rows' log magnitudes.
        var rowSigma: Double = 3
    }

    static let sqrt3 = 1.7320508075688772

    /// A `rows × columns` matrix, row-major.
    func sample(rows: Int, columns: Int, seed: UInt64, outliers: Outliers = Outliers()) -> [Double] {
        let count = rows * columns
        var random = RandomVariates(SplitMix64(seed: seed))
        var values = [Double](repeating: 0, count: count)
        switch self {
        case .uniform:
            for index in 0..<count { values[index] = Self.sqrt3 * (2 * random.uniform() - 1) }
        case .laplace:
            for index in 0..<count { values[index] = random.laplace() }
        case .studentT3:
            for index in 0..<count {
                let z = random.normal()
                let a = random.normal(), b = random.normal(), c = random.normal()
                values[index] = z / (a * a + b * b + c * c).squareRoot()
            }
        case .normal, .normalOutliers, .outlierChannels, .lognormalRows:
            for index in 0..<count { values[index] = random.normal() }
        }
        switch self {
        case .normalOutliers:
            let wanted = max(1, Int((Double(count) * outliers.fraction).rounded(.toNearestOrEven)))
            var picker = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("outliers")))
            for index in picker.distinctIndices(min(wanted, count), below: count) { values[index] *= outliers.scale }
        case .outlierChannels:
            var picker = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("channels")))
            for column in picker.distinctIndices(min(outliers.channels, columns), below: columns) {
                for row in 0..<rows { values[row * columns + column] *= outliers.channelScale }
            }
        case .lognormalRows:
            var magnitudes = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("rows")))
            for row in 0..<rows {
                let factor = DeterministicMath.exp(outliers.rowSigma * magnitudes.normal())
                for column in 0..<columns { values[row * columns + column] *= factor }
            }
        default:
            break
        }
        return values
    }

    /// How the report names the distribution.
    func describe(_ outliers: Outliers) -> String {
        switch self {
        case .normal: return "N(0, 1)"
        case .uniform: return "U[−√3, √3)"
        case .laplace: return "Laplace(0, 1/√2)"
        case .studentT3: return "Student-t(3)/√3"
        case .normalOutliers:
            return "N(0, 1) with \(NumberText.general(outliers.fraction * 100))% of elements × \(NumberText.general(outliers.scale))"
        case .outlierChannels:
            return "N(0, 1) with \(outliers.channels) columns × \(NumberText.general(outliers.channelScale))"
        case .lognormalRows:
            return "N(0, 1) with row r × e^(\(NumberText.general(outliers.rowSigma))·z_r)"
        }
    }
}
