import PortableMath
import Quantization
import ReportKit
import SoftFloat

/// `kind = "fp8-training-recipes"`: Transformer Engine's per-tensor FP8 scaling recipes on a
/// seeded sequence of tensors whose amplitude drifts, as in training: current scaling (the
/// step's own amax) against delayed scaling (``FP8DelayedScaling``: the amax history of
/// earlier steps, "max" or "most_recent", a margin).
///
/// Sequence: step t's tensor is N(0, 1) (``InputDistribution/normal``, seed
/// `seed XOR FNV-1a-64("step t")`) times 2^(a_t), with a_t the piecewise-linear `amplitude`
/// path through its (step, log2) knots, plus a Gaussian random walk of `walk_sigma` per step
/// (its own generator), plus `spikes` (one-step jumps); cast to float32.
///
/// Cells: format × recipe, each running the whole sequence (a recipe is stateful).
struct FP8TrainingRecipesExperiment: Experiment {
    static let kind = "fp8-training-recipes"
    static let about = "Transformer Engine FP8 current vs delayed scaling (amax history, max/most_recent, margin) on a drifting sequence of tensors"

    let spec: ExperimentSpec
    let formats: [FloatFormat]
    let recipes: [FP8ScalingRecipe]
    let steps: Int
    let rows: Int
    let columns: Int
    let seed: UInt64
    /// (step, log2 amplitude) knots, steps increasing, the first at step 0.
    let knots: [(step: Int, log2: Double)]
    let walkSigma: Double
    let spikes: [(step: Int, log2: Double)]
    /// `[checks.mean_sqnr_between]`: `"FORMAT RECIPE" = [low, high]` dB.
    let sqnrChecks: [SpecCheck<(format: String, recipe: String, range: ClosedRange<Double>)>]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["formats", "recipes", "steps", "rows", "columns", "seed", "amplitude", "walk_sigma", "spikes"])
        formats = try p.formats("formats", default: [.float8_e4m3fn, .float8_e5m2])
        for format in formats where format != .float8_e4m3fn && format != .float8_e5m2 {
            throw p.error("formats", "\(format.name) is not an FP8 format of Transformer Engine (float8_e4m3fn, float8_e5m2)")
        }
        var recipes: [FP8ScalingRecipe] = []
        for (index, text) in try p.strings("recipes", default: ["current", "delayed max 1", "delayed max 16", "delayed max 1024"]).enumerated() {
            do {
                recipes.append(try FP8ScalingRecipe(parsing: text))
            } catch {
                throw p.error("recipes", "element \(index) '\(text)': \(error)")
            }
        }
        self.recipes = recipes
        steps = try p.integer("steps", default: 300, range: 1...100_000)
        rows = try p.integer("rows", default: 32, range: 1...4096)
        columns = try p.integer("columns", default: 128, range: 1...4096)
        seed = try p.seed("seed", default: 1)
        func pairs(_ key: String, _ fallback: [(Int, String)]) throws(SpecError) -> [(step: Int, log2: Double)] {
            guard let value = p[key] else { return fallback.map { ($0.0, NumberText.double($0.1)!) } }
            guard case .array(let items) = value else { throw p.error(key, "expected an array of [step, \"log2\"] pairs") }
            var result: [(step: Int, log2: Double)] = []
            for (index, item) in items.enumerated() {
                guard case .array(let pair) = item, pair.count == 2, case .integer(let step)? = pair.first, case .string(let text)? = pair.last,
                      let log2 = NumberText.double(text), log2.isFinite, abs(log2) <= 60 else {
                    throw p.error(key, "element \(index): expected [step, \"log2 amplitude\"] with |log2| ≤ 60")
                }
                result.append((Int(step), log2))
            }
            return result
        }
        knots = try pairs("amplitude", [(0, "0"), (100, "6"), (200, "-5"), (300, "-5")])
        guard knots.first?.step == 0, zip(knots, knots.dropFirst()).allSatisfy({ $0.step < $1.step }) else {
            throw p.error("amplitude", "knots must start at step 0 and increase")
        }
        walkSigma = try QuantizationErrorExperiment.number(p, "walk_sigma", default: "0.05", range: 0...4)
        spikes = try pairs("spikes", [(50, "5")])
        for spike in spikes where !(0..<steps).contains(spike.step) { throw p.error("spikes", "step \(spike.step) is outside 0..<\(steps)") }

        try spec.checks.requireOnly(["mean_sqnr_between"])
        let names = Set(recipes.map(\.label))
        sqnrChecks = try spec.checks.rangeChecks("mean_sqnr_between").map { check throws(SpecError) in
            guard let space = check.key.firstIndex(of: " "), let format = try? FloatFormat.named(String(check.key[..<space])),
                  names.contains(String(check.key[check.key.index(after: space)...])) else {
                throw check.table.error(check.key, "expected 'FORMAT RECIPE' with one of the recipes")
            }
            return SpecCheck(table: check.table, key: check.key, expected: (format.name, String(check.key[check.key.index(after: space)...]), check.expected))
        }
    }

    // MARK: Sequence

    /// log2 of every step's amplitude: the knots' path, the walk, the spikes.
    var log2Amplitudes: [Double] {
        var walk = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("walk")))
        var position = 0.0
        return (0..<steps).map { step in
            if step > 0 { position += walkSigma * walk.normal() }
            var level = knots.last!.log2
            for (left, right) in zip(knots, knots.dropFirst()) where (left.step...right.step).contains(step) {
                level = left.log2 + (right.log2 - left.log2) * Double(step - left.step) / Double(right.step - left.step)
                break
            }
            return level + position + spikes.filter { $0.step == step }.map(\.log2).reduce(0, +)
        }
    }

    /// Step t's float32 tensor.
    func tensor(_ step: Int, log2Amplitude: Double) throws -> Matrix {
        let amplitude = DeterministicMath.exp2(log2Amplitude)
        let values = InputDistribution.normal.sample(rows: rows, columns: columns, seed: seed ^ Fingerprint.fnv1a64("step \(step)"))
        return try Matrix(rows: rows, columns: columns, format: .float32, doubles: values.map { $0 * amplitude })
    }

    // MARK: Cells

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: SummaryRow.self, about: "one row per format × recipe over the whole sequence: saturations, underflows, mean and worst SQNR"),
            TableSchema(suffix: "steps", row: StepRow.self, about: "one row per format × recipe × step: amplitude, amax, the scale used, saturations, underflows, SQNR"),
        ]
    }

    var cellCount: Int { formats.count * recipes.count }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tables)
        let recipe = recipes[index % recipes.count], format = formats[index / recipes.count]
        var delayed: FP8DelayedScaling?
        if case .delayed(let algorithm, let length, let margin) = recipe.kind {
            delayed = FP8DelayedScaling(element: format, historyLength: length, algorithm: algorithm, margin: margin)
        }
        let f32 = FloatFormat.float32
        var saturatedTotal = 0, stepsSaturated = 0, underflowTotal = 0, sqnrSum = 0.0
        var worst = (sqnr: Double.infinity, step: 0)
        for (step, log2Amplitude) in log2Amplitudes.enumerated() {
            let matrix = try tensor(step, log2Amplitude: log2Amplitude)
            let scale: UInt64, amax: UInt64, saturated: Int, dequantized: [UInt64]
            if var model = delayed {
                let outcome = model.step(matrix)
                delayed = model
                (scale, amax, saturated, dequantized) = (outcome.scale, outcome.amax, outcome.saturated, outcome.dequantized)
            } else {
                let quantized = try quantize(matrix, QuantizationConfiguration(scheme: .scaledFloat(format), granularity: .tensor, compute: .float32,
                                                                               convention: .transformerEngine))
                var largest: UInt64 = 0
                for code in matrix.codes where code & 0x7fff_ffff > largest { largest = code & 0x7fff_ffff }
                (scale, amax, saturated, dequantized) = (quantized.multiplier ?? 0, largest, quantized.metrics.clampedCount, quantized.dequantized.codes)
            }
            var underflows = 0
            for index in matrix.codes.indices where matrix.codes[index] & 0x7fff_ffff != 0 && dequantized[index] & 0x7fff_ffff == 0 { underflows += 1 }
            let sqnr = ErrorMetrics(reference: matrix.doubleValues, approximation: dequantized.map(f32.doubleValue)).sqnr
            result.append(StepRow(format: format.name, recipe: recipe.label, step: step, log2Amplitude: NumberText.general(log2Amplitude, digits: 6),
                                  amax: f32.shortestDecimal(amax), scale: f32.shortestDecimal(scale), saturated: saturated, underflows: underflows,
                                  sqnr: NumberText.general(sqnr, digits: 6)))
            saturatedTotal += saturated
            if saturated > 0 { stepsSaturated += 1 }
            underflowTotal += underflows
            sqnrSum += sqnr
            if sqnr < worst.sqnr { worst = (sqnr, step) }
        }
        result.append(SummaryRow(format: format.name, recipe: recipe.label, steps: steps, elements: rows * columns, saturated: saturatedTotal,
                                 stepsSaturated: stepsSaturated, underflows: underflowTotal, meanSQNR: NumberText.shortest(sqnrSum / Double(steps)),
                                 minSQNR: NumberText.shortest(worst.sqnr), minSQNRStep: worst.step))
        return result
    }
}
