import PortableMath
import ModelAnalysis
import Quantization
import ReportKit
import SoftFloat

/// `kind = "gguf-codecs"`: the conformance atlas of llama.cpp's GGUF types. Every quantizable
/// ggml type (``GGUFCodec``, bit-exact against ggml's `ggml_quantize_chunk`) on Gaussian,
/// Laplace, Student-t(3) and outlier-channel matrices, with and without an importance matrix;
/// beside them the lab's own schemes for the SQNR-against-bits plot; and the ties table:
/// where ggml's MXFP4 and NVFP4 give other codes than the OCP MX and NVIDIA rules.
///
/// The importance matrix is one weight per column, w_j = (a_j² + b_j²) / 2 with a, b ~ N(0, 1)
/// drawn from `seed XOR FNV-1a-64("imatrix")`: exponentially distributed with mean 1, the
/// spread of llama-imatrix's per-channel mean squared activations on a well-behaved layer.
/// With it, ggml minimises Σ w_j·(x − x̂)² (its `quant_weights`), so the report adds the
/// importance-weighted SQNR 10·log10(Σ w x² / Σ w (x − x̂)²) next to the plain one.
///
/// `rmse_over_step` applies to the types whose codes sit on one uniform grid per block
/// (``GGUFCodec/uniformStepTypes``): √(mean((x − x̂)² / d²)) with d the block's step, against
/// 1/√12 ≈ 0.2887 for rounding errors uniform over one step. The elements a block's scale is
/// computed from land exactly on the grid: one of 32 for Q8_0 (√(31/32)/√12 ≈ 0.2841), two
/// for Q4_1 and Q5_1 (min and max: √(30/32)/√12 ≈ 0.2795); Q4_0 and Q5_0 map the largest
/// magnitude to −8 (−16) steps, so values of the other sign beyond 7 (15) steps clip.
///
/// Cells: one per distribution (every codec, the comparison schemes and the ties of that
/// distribution's matrix).
struct GGUFCodecsExperiment: Experiment {
    static let kind = "gguf-codecs"
    static let about = "llama.cpp's GGUF codecs on four distributions, with and without an importance matrix, and where ggml's FP4 ties differ from OCP/NVIDIA"

    static let defaultTypes = ["gguf-q4_0", "gguf-q4_1", "gguf-q5_0", "gguf-q5_1", "gguf-q8_0", "gguf-q2_K", "gguf-q3_K", "gguf-q4_K", "gguf-q5_K",
                               "gguf-q6_K", "gguf-iq4_nl", "gguf-iq4_xs", "gguf-tq1_0", "gguf-tq2_0", "gguf-mxfp4", "gguf-nvfp4"]
    static let defaultCompare = ["absmax@group:128", "absmax4@group:128", "nf4@group:64", "mxfp4", "nvfp4"]

    let spec: ExperimentSpec
    let types: [GGUFType]
    let compare: [ModelScheme]
    let distributions: [InputDistribution]
    let rows: Int
    let columns: Int
    let seed: UInt64
    /// `[checks.sqnr_between]`: "DISTRIBUTION SCHEME [imatrix]" → dB range.
    let sqnrChecks: [SpecCheck<ClosedRange<Double>>]
    /// `[checks.step_ratio_between]`: "DISTRIBUTION SCHEME [imatrix]" → range of rmse/step.
    let stepChecks: [SpecCheck<ClosedRange<Double>>]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["types", "compare", "distributions", "rows", "columns", "seed"])
        var parsedTypes: [GGUFType] = []
        for (index, name) in try p.strings("types", default: Self.defaultTypes).enumerated() {
            guard let type = GGUFType(schemeName: name) else {
                throw p.error("types", "element \(index): unknown ggml type '\(name)'; choose from \(GGUFType.schemeNames.joined(separator: ", "))")
            }
            guard !type.requiresImportance else {
                throw p.error("types", "element \(index): \(type.schemeName) needs an importance matrix (ggml refuses it without one), and the atlas also quantizes without one")
            }
            parsedTypes.append(type)
        }
        types = parsedTypes
        var parsedSchemes: [ModelScheme] = []
        for (index, name) in try p.strings("compare", default: Self.defaultCompare).enumerated() {
            do { parsedSchemes.append(try ModelScheme(parsing: name)) } catch { throw p.error("compare", "element \(index): \(error)") }
        }
        compare = parsedSchemes
        var parsedDistributions: [InputDistribution] = []
        let known = InputDistribution.allCases.map(\.rawValue)
        for (index, name) in try p.strings("distributions", default: ["normal", "laplace", "student-t3", "outlier-channels"]).enumerated() {
            guard let distribution = InputDistribution(rawValue: name) else {
                throw p.error("distributions", "element \(index): unknown distribution '\(name)'; expected one of: \(known.joined(separator: ", "))")
            }
            parsedDistributions.append(distribution)
        }
        distributions = parsedDistributions
        rows = try p.integer("rows", default: 64, range: 1...65_536)
        columns = try p.integer("columns", default: 1024, range: 256...1_048_576)
        guard columns % 256 == 0 else { throw p.error("columns", "\(columns) is not a multiple of 256 (the K-quants' super-block)") }
        seed = try p.seed("seed", default: 1)
        try spec.checks.requireOnly(["sqnr_between", "step_ratio_between"])
        sqnrChecks = try spec.checks.rangeChecks("sqnr_between")
        stepChecks = try spec.checks.rangeChecks("step_ratio_between")
    }

    var tables: [TableSchema] {
        [TableSchema(suffix: nil, row: CodecRow.self,
                     about: "one row per distribution × scheme × importance matrix: bits per parameter, SQNR, importance-weighted SQNR, relative RMSE, max |error|, RMSE over the block step"),
         TableSchema(suffix: "ties", row: TieRow.self,
                     about: "ggml's MXFP4/NVFP4 against OCP MX (floor scale) and NVIDIA's NVFP4 (no tensor scale) on the same input: differing scales and elements, by cause")]
    }

    var cellCount: Int { distributions.count }

    /// The importance matrix: one weight per column, exponential with mean 1.
    static func importance(columns: Int, seed: UInt64) -> [Float] {
        var random = RandomVariates(SplitMix64(seed: seed ^ Fingerprint.fnv1a64("imatrix")))
        return (0..<columns).map { _ in
            let a = random.normal(), b = random.normal()
            return Float((a * a + b * b) / 2)
        }
    }

    /// The distribution's matrix as float32 (each value rounded once, nearest-even).
    func matrix(_ distribution: InputDistribution) -> [Float] {
        distribution.sample(rows: rows, columns: columns, seed: seed).map { Float($0) }
    }

    func computeCell(_ index: Int) throws -> CellResult {
        let distribution = distributions[index]
        let x = matrix(distribution)
        let weights = Self.importance(columns: columns, seed: seed)
        var result = CellResult(tables)
        for type in types {
            for useImportance in type.usesImportance ? [false, true] : [false] {
                let blocks = try GGUFCodec.quantize(x, rows: rows, columns: columns, type: type, importance: useImportance ? weights : nil)
                let decoded = try GGUFCodec.dequantize(blocks, rows: rows, columns: columns, type: type)
                let metrics = ErrorMetrics(float32: x, approximation: decoded, bitsPerParameter: type.bitsPerParameter)
                var row = codecRow(distribution, scheme: type.schemeName, family: "gguf", imatrix: useImportance ? "yes" : "none",
                                   metrics: metrics, decoded: decoded, x: x, weights: weights)
                if let steps = GGUFCodec.blockSteps(blocks, type: type) {
                    row.values[.rmse_over_step] = NumberText.significant(Self.stepRatio(x, decoded, steps: steps, blockElements: type.blockElements), digits: 4)
                }
                result.append(row)
            }
        }
        for scheme in compare {
            let measured = SchemeMeasurement.measure(x, rows: rows, columns: columns, tensor: distribution.rawValue, scheme: scheme)
            guard let metrics = measured.metrics else { throw RunError.experimentFailed(name: spec.name, reason: "\(scheme) on \(distribution.rawValue): \(measured.note)") }
            result.append(codecRow(distribution, scheme: scheme.description, family: "lab", imatrix: "none", metrics: metrics, decoded: nil, x: x, weights: weights))
        }
        for source in ["float32", "bfloat16"] {
            let input = source == "float32" ? x : x.map(Self.bfloat16)
            for comparison in FP4Comparison.allCases {
                result.append(try comparison.compare(input, rows: rows, columns: columns, distribution: distribution.rawValue, source: source))
            }
        }
        return result
    }

    func codecRow(_ distribution: InputDistribution, scheme: String, family: String, imatrix: String, metrics: ErrorMetrics,
                  decoded: [Float]?, x: [Float], weights: [Float]) -> CodecRow {
        var signal = 0.0, noise = 0.0
        if let decoded {
            for index in x.indices {
                let w = Double(weights[index % columns]), value = Double(x[index]), error = value - Double(decoded[index])
                signal += w * value * value
                noise += w * error * error
            }
        }
        let signalRMS = (x.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(x.count)).squareRoot()
        return CodecRow([
            .distribution: distribution.rawValue, .scheme: scheme, .family: family, .imatrix: imatrix,
            .bits_per_parameter: NumberText.shortest(metrics.bitsPerParameter),
            .sqnr_db: NumberText.significant(metrics.sqnr, digits: 5),
            .weighted_sqnr_db: decoded == nil ? "" : NumberText.significant(ErrorMetrics.sqnr(signalEnergy: signal, noiseEnergy: noise), digits: 5),
            .relative_rmse: NumberText.significant(metrics.rootMeanSquaredError / signalRMS, digits: 4),
            .max_abs_error: NumberText.significant(metrics.maxAbsoluteError, digits: 4),
            .rmse_over_step: "",
        ])
    }

    /// √(mean((x − x̂)² / d²)) over the elements of blocks with a nonzero step.
    static func stepRatio(_ x: [Float], _ decoded: [Float], steps: [Float], blockElements: Int) -> Double {
        var sum = 0.0, count = 0
        for index in x.indices {
            let step = Double(steps[index / blockElements])
            guard step > 0 else { continue }
            let error = (Double(x[index]) - Double(decoded[index])) / step
            sum += error * error
            count += 1
        }
        return count == 0 ? .nan : (sum / Double(count)).squareRoot()
    }

    /// float32 → bfloat16 (nearest-even) → float32.
    static func bfloat16(_ value: Float) -> Float {
        let narrowed = FloatFormat.float32.convert(UInt64(value.bitPattern), to: .bfloat16).bits
        return Float(bitPattern: UInt32(FloatFormat.bfloat16.convert(narrowed, to: .float32).bits))
    }
}
