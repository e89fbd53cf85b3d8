import Encoder
import FastKernels
import Foundation
import Quantization
import SoftFloat

/// `kind = "model-fidelity"`: all-MiniLM-L6-v2 run end to end in the lab on a fixed set of
/// sentences, once per run (weights format or scheme × compute format, or an int8 matmul),
/// against the float32 model: cosine similarity of the embeddings, nearest-neighbour
/// agreement among the sentences, and the relative error of the hidden states layer by layer.
///
/// A run is spelled `weights=W compute=F accumulate=A int8=vectorwise:6` (any subset; the
/// defaults are float32 and no int8), as `precision-lab embed --weights W --compute F
/// --accumulate A --llm-int8 6` runs it. The float32 reference is computed once (every core);
/// each cell is one run over every sentence on one thread.
///
/// The weights are not in the repository: `Scripts/fetch-weights` downloads the package named
/// in the spec and extracts `member` and `extra_members` (the tokenizer and configs) next to
/// `weights`.
struct ModelFidelityExperiment: Experiment {
    static let kind = "model-fidelity"
    static let about = "a real model end to end: embeddings under weight formats, quantization schemes and compute formats"

    let spec: ExperimentSpec
    let folder: ModelFolder
    let sentences: [String]
    let runs: [Run]
    let reference = FidelityReference()
    let model: SentenceEncoder
    /// `[checks.worst_cosine_between]`: run → [lower, upper].
    let cosineChecks: [SpecCheck<ClosedRange<Double>>]
    /// `[checks.neighbour_agreement_between]`: run → [lower, upper] (share of sentences).
    let agreementChecks: [SpecCheck<ClosedRange<Double>>]

    struct Run: Sendable {
        let name: String
        let settings: EncoderSettings
    }

    /// Parses `weights=W compute=F accumulate=A int8=SCHEME[:T]`.
    static func run(_ text: String) throws(EncoderError) -> Run {
        var weights = WeightTreatment.float32
        var compute = FloatFormat.float32
        var accumulate: FloatFormat? = nil
        var int8: Int8Matmul? = nil
        for item in text.split(separator: " ") {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw EncoderError(.usage, location: text, "expected key=value, got '\(item)'") }
            func format(_ name: String) throws(EncoderError) -> FloatFormat {
                do { return try FloatFormat.named(name) } catch { throw EncoderError(.usage, location: text, "\(error)") }
            }
            switch parts[0] {
            case "weights": weights = try WeightTreatment(parsing: parts[1])
            case "compute": compute = try format(parts[1])
            case "accumulate": accumulate = try format(parts[1])
            case "int8":
                let pieces = parts[1].split(separator: ":").map(String.init)
                guard let scheme = MatmulScheme(rawValue: pieces[0]) else {
                    throw EncoderError(.usage, location: text, "int8 takes vectorwise or tensorwise, optionally :THRESHOLD")
                }
                var threshold: Double? = nil
                if pieces.count > 1 {
                    guard pieces.count == 2, let value = Double(pieces[1]), value.isFinite, value >= 0 else {
                        throw EncoderError(.usage, location: text, "the int8 outlier threshold after ':' must be a finite number ≥ 0, got '\(pieces.dropFirst().joined(separator: ":"))'")
                    }
                    threshold = value
                }
                int8 = try Int8Matmul(configuration: MatmulConfiguration(scheme: scheme, outlierThreshold: threshold))
            default:
                throw EncoderError(.usage, location: text, "unknown key '\(parts[0])'; use weights, compute, accumulate or int8")
            }
        }
        return Run(name: text, settings: EncoderSettings(weights: weights, arithmetic: try EncoderArithmetic(compute: compute, accumulate: accumulate), int8: int8))
    }

    init(spec: ExperimentSpec) throws(SpecError) {
        self.spec = spec
        let parameters = spec.parameters
        try parameters.requireOnly(["weights", "sha256", "bytes", "package", "member", "extra_members", "sentences", "runs"])
        let weights = try parameters.string("weights")
        _ = try parameters.string("sha256")
        _ = try parameters.string("package")
        _ = try parameters.string("member")
        _ = try parameters.strings("extra_members")
        let expectedBytes = try parameters.integer("bytes", range: 1...Int.max)
        let specFolder = spec.folder.isEmpty ? (spec.file as NSString).deletingLastPathComponent : spec.folder
        let root = (specFolder as NSString).deletingLastPathComponent
        let weightsPath = weights.hasPrefix("/") || root.isEmpty ? weights : root + "/" + weights
        let size = (try? FileManager.default.attributesOfItem(atPath: weightsPath)[.size] as? Int) ?? -1
        guard size == expectedBytes else {
            throw parameters.error("weights", "\(weightsPath) has \(size) bytes, the spec expects \(expectedBytes): run Scripts/fetch-weights (Scripts/reports does) to download and check it")
        }
        do {
            folder = try ModelFolder(path: weightsPath)
            model = try SentenceEncoder(folder: folder)
        } catch {
            throw parameters.error("weights", "\(error) — run Scripts/fetch-weights (Scripts/reports does)")
        }
        let sentencesName = try parameters.string("sentences")
        let sentencesPath = specFolder.isEmpty ? sentencesName : specFolder + "/" + sentencesName
        guard let data = FileManager.default.contents(atPath: sentencesPath), let text = String(data: data, encoding: .utf8) else {
            throw parameters.error("sentences", "cannot read \(sentencesPath)")
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            do { _ = try model.tokenizer.tokenize(line) } catch { throw parameters.error("sentences", "\(sentencesPath):\(index + 1): \(error)") }
        }
        guard lines.count >= 2 else { throw parameters.error("sentences", "\(sentencesPath) needs at least two sentences") }
        sentences = lines
        var runs: [Run] = []
        for text in try parameters.strings("runs") {
            do { runs.append(try Self.run(text)) } catch { throw parameters.error("runs", "\(error)") }
        }
        guard !runs.isEmpty else { throw parameters.error("runs", "no runs") }
        self.runs = runs
        try spec.checks.requireOnly(["worst_cosine_between", "neighbour_agreement_between"])
        cosineChecks = try spec.checks.rangeChecks("worst_cosine_between")
        agreementChecks = try spec.checks.rangeChecks("neighbour_agreement_between")
        for check in cosineChecks + agreementChecks where !runs.contains(where: { $0.name == check.key }) {
            throw check.table.error(check.key, "not one of the spec's runs")
        }
    }

    var tables: [TableSchema] {
        [TableSchema(suffix: nil, row: RunRow.self, about: "one row per run: mean and worst cosine similarity to the float32 embeddings, nearest-neighbour agreement"),
         TableSchema(suffix: "layers", row: LayerRow.self, about: "one row per run × hidden state: relative error against float32 (embeddings, then layers 1–6)")]
    }

    var cellCount: Int { runs.count }

    func referenceOutput() -> FidelityReference.Output {
        reference.value {
            let tokens = sentences.map { try! model.tokenizer.tokenize($0) }
            let outputs = LockedValue([Int: EncoderOutput]())
            let encoder = model.reference
            ParallelSplit.run(count: tokens.count, threads: ProcessInfo.processInfo.activeProcessorCount) { range in
                for index in range {
                    let output = encoder.encode(tokens[index].ids, keepHiddenStates: true)
                    outputs.update { $0[index] = output }
                }
            }
            let values = outputs.value
            return FidelityReference.Output(tokens: tokens, embeddings: tokens.indices.map { values[$0]!.embedding },
                                            hiddenStates: tokens.indices.map { values[$0]!.hiddenStates })
        }
    }

    /// The nearest other sentence of each sentence by cosine similarity (embeddings are unit
    /// length, so the dot product); ties to the lower index.
    static func nearestNeighbours(_ embeddings: [[Float]]) -> [Int] {
        embeddings.indices.map { i in
            var best = -1
            var bestScore = -Double.infinity
            for j in embeddings.indices where j != i {
                var dot = 0.0
                for d in embeddings[i].indices { dot += Double(embeddings[i][d]) * Double(embeddings[j][d]) }
                if dot > bestScore { bestScore = dot; best = j }
            }
            return best
        }
    }

    func computeCell(_ index: Int) throws -> CellResult {
        let run = runs[index]
        let expected = referenceOutput()
        let encoder = try run.settings.prepare(model.reference)
        var embeddings: [[Float]] = []
        var cosines: [Double] = []
        let layerCount = model.reference.configuration.layers + 1
        var noise = [Double](repeating: 0, count: layerCount)
        var signal = [Double](repeating: 0, count: layerCount)
        for (sentence, tokens) in expected.tokens.enumerated() {
            let output = encoder.encode(tokens.ids, arithmetic: run.settings.arithmetic, int8: run.settings.int8, keepHiddenStates: true)
            embeddings.append(output.embedding)
            cosines.append(ErrorMetrics(float32: expected.embeddings[sentence], approximation: output.embedding).cosineSimilarity)
            for layer in 0..<layerCount {
                let reference = expected.hiddenStates[sentence][layer]
                let state = output.hiddenStates[layer]
                for position in reference.indices {
                    let difference = Double(state[position]) - Double(reference[position])
                    noise[layer] += difference * difference
                    signal[layer] += Double(reference[position]) * Double(reference[position])
                }
            }
        }
        let referenceNeighbours = Self.nearestNeighbours(expected.embeddings)
        let neighbours = Self.nearestNeighbours(embeddings)
        let agreement = Double(zip(referenceNeighbours, neighbours).filter { $0 == $1 }.count) / Double(sentences.count)
        let worst = cosines.indices.min { cosines[$0] < cosines[$1] }!
        var result = CellResult(tables)
        result.append(RunRow(run: run.name, sentences: sentences.count, tokens: expected.tokens.reduce(0) { $0 + $1.ids.count },
                             meanCosine: cosines.reduce(0, +) / Double(cosines.count), worstCosine: cosines[worst],
                             worstLine: worst + 1, neighbourAgreement: agreement))
        for layer in 0..<layerCount {
            result.append(LayerRow(run: run.name, layer: layer, relativeError: (noise[layer] / signal[layer]).squareRoot()))
        }
        return result
    }
}
