import MatrixUnits
import PortableMath
import ReportKit
import SoftFloat

/// `kind = "matrix-units"`: tensor cores and matrix cores side by side — the relative error of
/// a length-K dot product computed the way a kernel's main loop issues the unit (K walked in
/// the unit's K-chunks, each chunk's d the next chunk's c, from c = +0), against the exact dot
/// product of the same stored inputs (``ExactDotProduct``).
///
/// Inputs (per trial, seeded; the same values for every unit, rounded nearest-even into the
/// unit's A and B formats — tf32 units get tf32 values as f32 codes):
/// - `normal`: a_i, b_i ~ N(0,1);
/// - `positive`: |N(0,1)| (no cancellation: every truncation error has the same sign);
/// - `cancel`: the first K/2 products from N(0,1), then a_{K/2+j} = −a_j and
///   b_{K/2+j} = b_j·(1 + z_j/8), z ~ N(0,1): the sum cancels to about a tenth of its terms.
/// K below the unit's K is padded with zeros. `promote_every = 128`: DeepSeek-V3's recipe —
/// the unit's partial D is added into a separate FP32 accumulator every 128 elements
/// (``UnitMatrixProduct``'s `promoteEvery`).
///
/// Cells: unit × input set. The report adds a determinism table (units fed the same inputs at
/// `determinism_k`: how many outputs are identical), FP16 against FP32 output, and every unit's
/// parameters.
struct MatrixUnitsExperiment: Experiment {
    static let kind = "matrix-units"
    static let about = "tensor/matrix-core dot products (bit-accurate units) against the exact sum, with and without FP32 promotion"

    static let inputSets = ["normal", "positive", "cancel"]

    let spec: ExperimentSpec
    let units: [MatrixUnit]
    let inputSets: [String]
    let ks: [Int]
    let promoteEvery: Int
    let trials: Int
    let seed: UInt64
    let determinismK: Int
    /// Units drawn in the error plot.
    let plotUnits: [String]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let p = spec.parameters
        try p.requireOnly(["units", "inputs", "k", "promote_every", "trials", "seed", "determinism_k", "plot_units"])
        var parsed: [MatrixUnit] = []
        let names = try p.strings("units", default: ["hopper:wgmma.m64n8k32.f32.e4m3.e4m3", "ampere:mma.m16n8k16.f32.bf16.bf16.f32"])
        promoteEvery = try p.integer("promote_every", default: 128, range: 1...1_048_576)
        for (index, name) in names.enumerated() {
            let unit: MatrixUnit
            do { unit = try MatrixUnit.named(name) } catch {
                throw p.error("units", "element \(index): \(error)")
            }
            guard unit.scale == nil else { throw p.error("units", "element \(index): \(name) is block-scaled (this experiment gives no scales)") }
            guard promoteEvery % unit.k == 0 else {
                throw p.error("units", "element \(index): \(name) has K = \(unit.k), which does not divide promote_every = \(promoteEvery)")
            }
            parsed.append(unit)
        }
        units = parsed
        inputSets = try p.strings("inputs", default: Self.inputSets)
        for (index, name) in inputSets.enumerated() where !Self.inputSets.contains(name) {
            throw p.error("inputs", "element \(index): unknown input set '\(name)'; expected one of: \(Self.inputSets.joined(separator: ", "))")
        }
        ks = try p.integers("k", default: [16, 256, 4096], range: 2...1_048_576)
        for (index, k) in ks.enumerated() where k % 2 != 0 {
            throw p.error("k", "element \(index): K = \(k) must be even (the cancel set pairs its halves)")
        }
        trials = try p.integer("trials", default: 8, range: 1...100_000)
        seed = UInt64(try p.integer("seed", default: 1, range: 0...Int.max))
        determinismK = try p.integer("determinism_k", default: ks.last ?? 16, range: 2...1_048_576)
        guard ks.contains(determinismK) else { throw p.error("determinism_k", "K = \(determinismK) is not one of k = \(ks)") }
        plotUnits = try p.strings("plot_units", default: [])
        for (index, name) in plotUnits.enumerated() where !units.contains(where: { $0.name == name }) {
            throw p.error("plot_units", "element \(index): '\(name)' is not one of units (use the listed name)")
        }
        try spec.checks.requireOnly([])
    }

    var tables: [TableSchema] {
        [
            TableSchema(suffix: nil, row: ErrorRow.self,
                        about: "one row per unit × input set × K × promotion: median and largest relative error over the trials"),
            TableSchema(suffix: "outputs", row: OutputRow.self,
                        about: "d's code per unit and trial at the determinism K (normal inputs, no promotion)"),
        ]
    }

    var cellCount: Int { units.count * inputSets.count }

    /// The values of one trial's A and B before rounding (a pure function of seed, set, K, trial).
    static func values(set: String, k: Int, trial: Int, seed: UInt64) -> (a: [Double], b: [Double]) {
        let setIndex = UInt64(inputSets.firstIndex(of: set)!)
        var random = RandomVariates(SplitMix64(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ setIndex << 56 &+ UInt64(k) << 20 &+ UInt64(trial)))
        var a = [Double](repeating: 0, count: k), b = [Double](repeating: 0, count: k)
        switch set {
        case "normal", "positive":
            for index in 0..<k {
                a[index] = random.normal()
                b[index] = random.normal()
                if set == "positive" { a[index] = abs(a[index]); b[index] = abs(b[index]) }
            }
        default:  // cancel
            let half = k / 2
            for index in 0..<half {
                a[index] = random.normal()
                b[index] = random.normal()
                a[half + index] = -a[index]
                b[half + index] = b[index] * (1 + random.normal() / 8)
            }
        }
        return (a, b)
    }

    /// A value rounded nearest-even into the unit's operand format (tf32 units: to tf32, as an f32 code).
    static func code(_ value: Double, _ format: FloatFormat, tf32: Bool) -> UInt64 {
        if tf32 {
            return FloatFormat.tf32.convert(FloatFormat.float64.convert(value.bitPattern, to: .tf32).bits, to: .float32).bits
        }
        return FloatFormat.float64.convert(value.bitPattern, to: format).bits
    }

    func computeCell(_ index: Int) throws -> CellResult {
        let unit = units[index / inputSets.count]
        let set = inputSets[index % inputSets.count]
        let engine = DotProductEngine(unit: unit)
        let tf32 = unit.truncatesOperandsToTF32
        let aFormat = tf32 ? FloatFormat.float32 : unit.a, bFormat = tf32 ? FloatFormat.float32 : unit.b
        var result = CellResult(tables)
        for k in ks {
            let padded = (k + unit.k - 1) / unit.k * unit.k
            let plain = try UnitMatrixProduct(engine: engine, m: 1, n: 1, k: padded, threads: 1)
            let promoted = try UnitMatrixProduct(engine: engine, m: 1, n: 1, k: padded, promoteEvery: promoteEvery, threads: 1)
            var errors: [[Double]] = [[], []]
            for trial in 0..<trials {
                let (aValues, bValues) = Self.values(set: set, k: k, trial: trial, seed: seed)
                var a = [UInt64](repeating: 0, count: padded), b = [UInt64](repeating: 0, count: padded)
                var exact = ExactDotProduct()
                for element in 0..<k {
                    a[element] = Self.code(aValues[element], unit.a, tf32: tf32)
                    b[element] = Self.code(bValues[element], unit.b, tf32: tf32)
                    exact.addProduct(a[element], aFormat, b[element], bFormat)
                }
                for (slot, product) in [plain, promoted].enumerated() {
                    let d = product.multiply(a: a, b: b, c: nil)[0]
                    let error = exact.relativeError(of: d, in: unit.d)
                    if !error.isNaN { errors[slot].append(abs(error)) }
                    if slot == 0 && set == "normal" && k == determinismK {
                        result.append(OutputRow(unit: unit.name, k: k, trial: trial, d: unit.d.hexDigits(d)))
                    }
                }
            }
            for (slot, promotion) in ["none", String(promoteEvery)].enumerated() {
                let sorted = errors[slot].sorted()
                let median = sorted.isEmpty ? Double.nan
                    : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
                result.append(ErrorRow(unit: unit.name, inputs: set, k: k, promotion: promotion, trials: sorted.count,
                                       median: Self.text(median), maximum: Self.text(sorted.last ?? .nan)))
            }
        }
        return result
    }

    static func text(_ value: Double) -> String {
        value.isNaN ? "n/a" : value == 0 ? "0" : NumberText.significant(value, digits: 4)
    }
}
