import PortableMath
import Quantization
import ReportKit
import SoftFloat

/// `kind = "block-scaled-formats"`: the block-scaled recipes of issue #12 — MXFP8/6/4 under
/// the four scale rules, NVFP4 as torchao and Transformer Engine compute it, FP8 1 × 128 and
/// 128 × 128 blocks as DeepSeek-V3 and DeepGEMM compute them (float32 or UE8M0 scales), NF4
/// and int4 absmax by group — on the same random matrices, and where recipes of one format
/// disagree code for code.
///
/// Recipes are spec strings (``BlockScaledRecipe``); recipes with the same scheme, bits and
/// granularity form a family, and every pair within a family is compared element by element:
/// how many codes differ, how many decoded values x̂, how many block scales, and the first
/// element whose x̂ differs (else whose code differs) reduced to
/// the values that decide its code (its block's largest magnitude, the tensor's for NVFP4, and
/// the element itself), re-quantized under both recipes to confirm the difference survives.
///
/// Inputs: ``InputDistribution`` matrices of `rows × columns` (N(0, 1), Laplace, Student-t(3),
/// log-normal row magnitudes), drawn with ``RandomVariates`` and cast to float32; every
/// recipe runs through ``quantize(_:_:path:)`` (bit for bit the engine's float32 arithmetic).
///
/// Cells: distribution × seed × family; each quantizes one matrix under its family's recipes.
struct BlockScaledFormatsExperiment: Experiment {
    static let kind = "block-scaled-formats"
    static let about = "MX scale rules, NVFP4 torchao vs Transformer Engine, FP8 DeepSeek/DeepGEMM blocks, NF4 and int4: SQNR and code disagreements"

    let spec: ExperimentSpec
    let recipes: [BlockScaledRecipe]
    /// Families in order of first appearance, each with its recipes in spec order.
    let families: [(name: String, recipes: [BlockScaledRecipe])]
    let distributions: [InputDistribution]
    let seeds: [UInt64]
    let rows: Int
    let columns: Int
    let outliers: InputDistribution.Outliers
    let plotDistributions: [InputDistribution]
    /// `[checks.sqnr_between]`: `"DISTRIBUTION RECIPE" = [low, high]` dB, every seed.
    let sqnrChecks: [SpecCheck<(distribution: String, recipe: String, range: ClosedRange<Double>)>]
    /// `[checks.codes_differ_between]`: `"DISTRIBUTION RECIPE_A | RECIPE_B" = [low, high]`, the
    /// fraction of element codes that differ, every seed.
    let differChecks: [SpecCheck<(distribution: String, a: String, b: String, range: ClosedRange<Double>)>]

    static let defaultDistributions = ["normal", "laplace", "student-t3", "lognormal-rows"]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["recipes", "distributions", "seeds", "rows", "columns", "row_sigma", "plot_distributions"])
        var recipes: [BlockScaledRecipe] = []
        for (index, text) in try p.strings("recipes").enumerated() {
            do {
                recipes.append(try BlockScaledRecipe(parsing: text))
            } catch {
                throw p.error("recipes", "element \(index) '\(text)': \(error)")
            }
            if recipes.dropLast().contains(where: { $0.label == text }) { throw p.error("recipes", "element \(index) '\(text)' appears twice") }
        }
        guard !recipes.isEmpty else { throw p.error("recipes", "expected at least one recipe") }
        self.recipes = recipes
        var families: [(name: String, recipes: [BlockScaledRecipe])] = []
        for recipe in recipes {
            if let index = families.firstIndex(where: { $0.name == recipe.family }) {
                families[index].recipes.append(recipe)
            } else {
                families.append((recipe.family, [recipe]))
            }
        }
        self.families = families
        func distributionList(_ key: String, _ fallback: [String]) throws(SpecError) -> [InputDistribution] {
            var result: [InputDistribution] = []
            for (index, name) in try p.strings(key, default: fallback).enumerated() {
                guard let distribution = InputDistribution(rawValue: name) else {
                    throw p.error(key, "element \(index): unknown distribution '\(name)'; expected one of: \(InputDistribution.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                result.append(distribution)
            }
            return result
        }
        distributions = try distributionList("distributions", Self.defaultDistributions)
        plotDistributions = try distributionList("plot_distributions", [distributions.contains(.normal) ? "normal" : distributions.first?.rawValue ?? "normal"])
        for distribution in plotDistributions where !distributions.contains(distribution) {
            throw p.error("plot_distributions", "\(distribution.rawValue) is not one of the distributions")
        }
        seeds = try p.integers("seeds", default: [1], range: 0...Int.max).map { UInt64($0) }
        rows = try p.integer("rows", default: 256, range: 1...1 << 14)
        columns = try p.integer("columns", default: 512, range: 16...1 << 16)
        guard rows * columns <= 1 << 22 else { throw p.error("columns", "rows × columns = \(rows * columns) is above 2^22") }
        guard columns % 128 == 0 else { throw p.error("columns", "\(columns) is not a multiple of 128 (the widest block)") }
        var outliers = InputDistribution.Outliers()
        outliers.rowSigma = try QuantizationErrorExperiment.number(p, "row_sigma", default: "3", range: 0...20)
        self.outliers = outliers

        try spec.checks.requireOnly(["sqnr_between", "codes_differ_between"])
        let labels = Set(recipes.map(\.label))
        func split(_ key: String, _ table: SpecTable) throws(SpecError) -> (String, String) {
            guard let space = key.firstIndex(of: " "), InputDistribution(rawValue: String(key[..<space])) != nil else {
                throw table.error(key, "expected 'DISTRIBUTION RECIPE' with a distribution of this experiment")
            }
            return (String(key[..<space]), String(key[key.index(after: space)...]))
        }
        sqnrChecks = try spec.checks.rangeChecks("sqnr_between").map { check throws(SpecError) in
            let (distribution, recipe) = try split(check.key, check.table)
            guard labels.contains(recipe) else { throw check.table.error(check.key, "'\(recipe)' is not one of the recipes") }
            return SpecCheck(table: check.table, key: check.key, expected: (distribution, recipe, check.expected))
        }
        differChecks = try spec.checks.rangeChecks("codes_differ_between").map { check throws(SpecError) in
            let (distribution, pair) = try split(check.key, check.table)
            let parts = pair.components(separatedBy: " | ")
            guard parts.count == 2, let a = parts.first, let b = parts.last, labels.contains(a), labels.contains(b) else {
                throw check.table.error(check.key, "expected 'DISTRIBUTION RECIPE_A | RECIPE_B' with two of the recipes")
            }
            return SpecCheck(table: check.table, key: check.key, expected: (distribution, a, b, check.expected))
        }
    }

    // MARK: Cells

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: MetricRow.self,
                        about: "one row per distribution × seed × recipe: SQNR, relative error, clamps, underflows and the 6.02·p + 7.44 dB anchor"),
            TableSchema(suffix: "disagreement", row: DisagreementRow.self,
                        about: "one row per distribution × seed × pair of recipes of one family: codes and scales that differ, and a minimal example"),
        ]
    }

    var cellCount: Int { distributions.count * seeds.count * families.count }

    func computeCell(_ index: Int) throws -> CellResult {
        var result = CellResult(tables)
        var rest = index
        let family = families[rest % families.count]; rest /= families.count
        let seed = seeds[rest % seeds.count]; rest /= seeds.count
        let distribution = distributions[rest]
        let values = distribution.sample(rows: rows, columns: columns, seed: seed, outliers: outliers)
        let matrix = try Matrix(rows: rows, columns: columns, format: .float32, doubles: values)
        var results: [QuantizationResult] = []
        for recipe in family.recipes {
            let quantized = try quantize(matrix, recipe.configuration)
            results.append(quantized)
            result.append(metricRow(quantized, recipe: recipe, distribution: distribution, seed: seed))
        }
        for a in family.recipes.indices {
            for b in family.recipes.indices where b > a {
                result.append(try disagreementRow(matrix, family.recipes[a], results[a], family.recipes[b], results[b],
                                                  distribution: distribution, seed: seed))
            }
        }
        return result
    }

    /// The anchor 6.02·p + 7.44 dB, written as 20·log10(2)·p + 10·log10(8 ln 2): rounding to
    /// a p-bit significand adds an error of variance ulp²/12 with ulp = 2^(1−p)·2^e, so for
    /// x = m·2^e the mean relative squared error is 2^(2−2p)/12 · E[m⁻²], and a log-uniform m on
    /// [1, 2) has E[m⁻²] = 3/(8 ln 2); SQNR = 6.02·p + 10·log10(8 ln 2) (no clipping, no
    /// underflow).
    ///
    ///     BlockScaledFormatsExperiment.anchor(significandBits: 4)   // 31.52… (E4M3)
    ///     BlockScaledFormatsExperiment.anchor(significandBits: 2)   // 19.48… (E2M1)
    static func anchor(significandBits p: Int) -> Double {
        20 * DeterministicMath.log10(2) * Double(p) + 10 * DeterministicMath.log10(8 * 0.6931471805599453)
    }

    func metricRow(_ quantized: QuantizationResult, recipe: BlockScaledRecipe, distribution: InputDistribution, seed: UInt64) -> MetricRow {
        let x = quantized.input.doubleValues, y = quantized.dequantized.doubleValues
        var signal = 0.0, noise = 0.0, worst = 0.0, underflows = 0
        for index in x.indices {
            let error = y[index] - x[index]
            signal += x[index] * x[index]
            noise += error * error
            if x[index] != 0 {
                worst = max(worst, abs(error) / abs(x[index]))
                if y[index] == 0 { underflows += 1 }
            }
        }
        let metrics = quantized.metrics
        return MetricRow(distribution: distribution.rawValue, seed: seed, recipe: recipe.label, family: recipe.family, elements: metrics.count,
                         groups: quantized.scales.count, bitsPerElement: NumberText.shortest(metrics.bitsPerParameter),
                         significandBits: recipe.significandBits.map(String.init) ?? "n/a", sqnr: NumberText.shortest(metrics.sqnr),
                         anchor: recipe.significandBits.map { NumberText.shortest(Self.anchor(significandBits: $0)) } ?? "n/a",
                         relativeError: NumberText.shortest((noise / signal).squareRoot()), maxRelativeError: NumberText.shortest(worst),
                         clamped: metrics.clampedCount, underflows: underflows)
    }

    // MARK: Disagreement

    /// The group of element (row, column), numbered as ``QuantizationResult`` numbers scales.
    static func group(of result: QuantizationResult, row: Int, column: Int) -> Int {
        switch result.granularity {
        case .tensor: return 0
        case .row: return row
        case .column: return column
        case .group(let size): return row * result.groupsPerRow + column / size
        case .block(let tileRows, let tileColumns): return (row / tileRows) * result.groupsPerRow + column / tileColumns
        }
    }

    /// Block scale × tensor scale, as a float64 (exact: both are short floats).
    static func effectiveScale(_ result: QuantizationResult, group: Int) -> Double {
        let scale = result.scaleFormat.doubleValue(result.scales[group])
        return result.tensorScale.map { scale * FloatFormat.float32.doubleValue($0) } ?? scale
    }

    /// An element code as `0xC (value)` for float elements, else the integer.
    static func codeText(_ result: QuantizationResult, _ index: Int) -> String {
        let code = result.quantized[index]
        if case .float = result.elementKind {
            return "0x" + String(UInt64(bitPattern: code), radix: 16, uppercase: true) + " (" + result.elementKind.text(code) + ")"
        }
        return result.elementKind.text(code)
    }

    func disagreementRow(_ matrix: Matrix, _ recipeA: BlockScaledRecipe, _ a: QuantizationResult, _ recipeB: BlockScaledRecipe,
                         _ b: QuantizationResult, distribution: InputDistribution, seed: UInt64) throws -> DisagreementRow {
        var codesDiffer = 0, valuesDiffer = 0, firstCode: Int?, firstValue: Int?
        for index in a.quantized.indices {
            if a.quantized[index] != b.quantized[index] {
                codesDiffer += 1
                if firstCode == nil { firstCode = index }
            }
            if a.dequantized.codes[index] != b.dequantized.codes[index] {
                valuesDiffer += 1
                if firstValue == nil { firstValue = index }
            }
        }
        // Block scales as decoded values (the tensor scale of NVFP4 apart).
        var scalesDiffer = 0
        for group in a.scales.indices where a.scaleFormat.doubleValue(a.scales[group]) != b.scaleFormat.doubleValue(b.scales[group]) {
            scalesDiffer += 1
        }
        let example = try (firstValue ?? firstCode).map { index throws in try self.example(matrix, index, recipeA, a, recipeB, b) }
        return DisagreementRow(distribution: distribution.rawValue, seed: seed, family: recipeA.family, recipeA: recipeA.label,
                               recipeB: recipeB.label, elements: a.quantized.count, codesDiffer: codesDiffer, valuesDiffer: valuesDiffer, groups: a.scales.count,
                               scalesDiffer: scalesDiffer, example: example)
    }

    /// The element at `index` reduced to one row holding only what decides its code: the
    /// largest magnitude of its block (every recipe here derives the block scale from it
    /// alone), the tensor's largest magnitude in a block of its own when the scheme has a
    /// tensor scale (NVFP4) and it lies elsewhere, and the element itself; zeros elsewhere.
    func example(_ matrix: Matrix, _ index: Int, _ recipeA: BlockScaledRecipe, _ a: QuantizationResult, _ recipeB: BlockScaledRecipe,
                 _ b: QuantizationResult) throws -> Example {
        let f32 = FloatFormat.float32
        let row = index / matrix.columns, column = index % matrix.columns
        let (rowRange, columnRange): (Range<Int>, Range<Int>)
        switch a.granularity {
        case .group(let size):
            rowRange = row..<row + 1
            columnRange = (column / size * size)..<min(column / size * size + size, matrix.columns)
        case .block(let tileRows, let tileColumns):
            rowRange = (row / tileRows * tileRows)..<min(row / tileRows * tileRows + tileRows, matrix.rows)
            columnRange = (column / tileColumns * tileColumns)..<min(column / tileColumns * tileColumns + tileColumns, matrix.columns)
        default:
            rowRange = 0..<matrix.rows
            columnRange = 0..<matrix.columns
        }
        func largest(_ rows: Range<Int>, _ columns: Range<Int>) -> UInt64 {
            var best: UInt64 = 0
            for r in rows {
                for c in columns where matrix[r, c] & 0x7fff_ffff > best & 0x7fff_ffff { best = matrix[r, c] }
            }
            return best
        }
        let blockAmax = largest(rowRange, columnRange)
        let tensorAmax = largest(0..<matrix.rows, 0..<matrix.columns)
        let width = columnRange.count
        var codes: [UInt64] = []
        if recipeA.configuration.scheme == .nvfp4, tensorAmax & 0x7fff_ffff > blockAmax & 0x7fff_ffff {
            codes = [tensorAmax] + Array(repeating: 0, count: width - 1)
        }
        let start = codes.count
        codes += [blockAmax] + Array(repeating: 0, count: width - 1)
        var position = start
        if matrix[row, column] != blockAmax {
            position = start + 1
            codes[position] = matrix[row, column]
        }
        let reduced = try Matrix(rows: 1, columns: codes.count, format: .float32, codes: codes)
        let reducedA = try quantize(reduced, recipeA.configuration), reducedB = try quantize(reduced, recipeB.configuration)
        let values = codes.indices.filter { codes[$0] != 0 }.map { "\($0): \(f32.shortestDecimal(codes[$0]))" }.joined(separator: ", ")
        let valuesDiffer = a.dequantized.codes[index] != b.dequantized.codes[index]
        let groupA = Self.group(of: a, row: row, column: column), groupB = Self.group(of: b, row: row, column: column)
        return Example(row: row, column: column, x: f32.shortestDecimal(matrix[row, column]), values: values,
                       codeA: Self.codeText(a, index), codeB: Self.codeText(b, index),
                       valueA: f32.shortestDecimal(a.dequantized.codes[index]), valueB: f32.shortestDecimal(b.dequantized.codes[index]),
                       scaleA: NumberText.shortest(Self.effectiveScale(a, group: groupA)),
                       scaleB: NumberText.shortest(Self.effectiveScale(b, group: groupB)),
                       reproduced: valuesDiffer ? reducedA.dequantized.codes[position] != reducedB.dequantized.codes[position]
                           : reducedA.quantized[position] != reducedB.quantized[position])
    }
}
