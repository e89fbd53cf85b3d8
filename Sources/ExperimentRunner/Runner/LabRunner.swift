import FastKernels
import Foundation
import ReportKit

/// Loads the specs in `Experiments/`, computes their cells in parallel on every core, and
/// writes, checks, shards or merges the reports.
///
///     let runner = LabRunner(experimentsDirectory: "Experiments")
///     let summary = try await runner.run(names: [], all: true, output: "Reports")
///     let differences = try await runner.differences(names: [], all: true, output: "Reports")  // [] when up to date
///
/// Cells of all selected experiments form one work list that a task group drains with
/// `concurrency` tasks in flight (default: the number of active processors). Nothing is
/// written until every selected experiment has computed and assembled successfully; then
/// each file is written atomically (Quantization's `AtomicFileWriter`, through ``ReportFileWriter``).
public struct LabRunner: Sendable {
    public var experimentsDirectory: String
    public var registry: ExperimentRegistry
    public var concurrency: Int
    public var progress: any RunProgress

    /// The folder to work from when no experiments folder is named: the current folder when it
    /// has `Experiments/`, else the nearest parent that has one (so `run --list` works from
    /// `Sources/` or `Reports/` too), else nil.
    ///
    ///     LabRunner.repositoryFolder(from: "/work/main/Sources")   // "/work/main"
    public static func repositoryFolder(from start: String = FileManager.default.currentDirectoryPath) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Experiments").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    public init(experimentsDirectory: String = "Experiments", registry: ExperimentRegistry = .standard,
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, progress: any RunProgress = SilentProgress()) {
        self.experimentsDirectory = experimentsDirectory
        self.registry = registry
        self.concurrency = max(1, concurrency)
        self.progress = progress
    }

    // MARK: Specs

    /// Every `*.toml` in the experiments folder, sorted by name, each built into its
    /// experiment — which validates its kind's parameters and parses its `[checks]` — so a
    /// broken spec fails every run, not only its own, before anything is computed. Each
    /// experiment is built once, here.
    public func loadExperiments() throws(RunError) -> [any Experiment] {
        try experiments(try readSpecs())
    }

    private func readSpecs() throws(RunError) -> [ExperimentSpec] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: experimentsDirectory)
        } catch {
            throw RunError.io(path: experimentsDirectory, reason: "cannot list the experiments folder (run inside the repository, or pass --experiments DIR)")
        }
        let shownFolder = (experimentsDirectory as NSString).lastPathComponent
        var specs: [ExperimentSpec] = []
        for name in names.sorted() where name.hasSuffix(".toml") && !name.hasPrefix(".") {
            do {
                specs.append(try SpecLoader.load(path: experimentsDirectory + "/" + name, displayPath: shownFolder + "/" + name))
            } catch {
                throw RunError.spec(error)
            }
        }
        return specs
    }

    /// The experiments named (in the order given), or all of them.
    public func select(_ names: [String], all: Bool, from experiments: [any Experiment]) throws(RunError) -> [any Experiment] {
        if all { return experiments }
        guard !names.isEmpty else { throw RunError.nothingSelected }
        var selected: [any Experiment] = []
        for name in names where !selected.contains(where: { $0.spec.name == name }) {
            guard let experiment = experiments.first(where: { $0.spec.name == name }) else {
                throw RunError.unknownExperiment(name: name, known: experiments.map(\.spec.name))
            }
            selected.append(experiment)
        }
        return selected
    }

    /// Builds (and so validates) the experiments of the given specs.
    public func experiments(_ specs: [ExperimentSpec]) throws(RunError) -> [any Experiment] {
        var result: [any Experiment] = []
        for spec in specs {
            do { result.append(try registry.make(spec)) } catch { throw RunError.spec(error) }
        }
        return result
    }

    /// `--list`: one line per spec — name, kind, cells, title — then the known kinds.
    public func listing() throws(RunError) -> String {
        var table = DataTable(columns: [DataColumn("name"), DataColumn("kind"), DataColumn("cells", alignment: .right), DataColumn("title")])
        for experiment in try loadExperiments() {
            table.append([experiment.spec.name, experiment.spec.kind, String(experiment.cellCount), experiment.spec.title])
        }
        var text = table.plainText()
        text += "\nkinds: " + registry.kinds.map { "\($0.name) (\($0.about))" }.joined(separator: "; ") + "\n"
        return text
    }

    // MARK: Compute

    /// Computes the selected cells of every experiment in parallel: for each experiment, its
    /// (cell, result) pairs in cell order.
    func compute(_ experiments: [any Experiment], shard: ShardSelection? = nil) async throws -> (cells: [[(Int, CellResult)]], seconds: [Double]) {
        var work: [(experiment: Int, cell: Int)] = []
        for (index, experiment) in experiments.enumerated() {
            for cell in 0..<experiment.cellCount where shard?.contains(cell: cell) ?? true {
                work.append((index, cell))
            }
        }
        var results = experiments.map { Array<CellResult?>(repeating: nil, count: $0.cellCount) }
        var seconds = Array(repeating: 0.0, count: experiments.count)
        progress.start(total: work.count)
        defer { progress.finish() }
        try await withThrowingTaskGroup(of: (Int, Int, CellResult, Double).self) { group in
            var next = 0
            func submit(_ item: (experiment: Int, cell: Int), to group: inout ThrowingTaskGroup<(Int, Int, CellResult, Double), any Error>) {
                let experiment = experiments[item.experiment]
                group.addTask {
                    let clock = ContinuousClock()
                    let start = clock.now
                    do {
                        let result = try experiment.computeCell(item.cell)
                        let elapsed = clock.now - start
                        return (item.experiment, item.cell, result, Self.seconds(elapsed))
                    } catch {
                        throw RunError.experimentFailed(name: experiment.spec.name, reason: "cell \(item.cell): \(error)")
                    }
                }
            }
            while next < work.count && next < concurrency {
                submit(work[next], to: &group)
                next += 1
            }
            while let (experiment, cell, result, elapsed) = try await group.next() {
                results[experiment][cell] = result
                seconds[experiment] += elapsed
                progress.advance(label: experiments[experiment].spec.name)
                if next < work.count {
                    submit(work[next], to: &group)
                    next += 1
                }
            }
        }
        let cells = results.map { list in list.enumerated().compactMap { index, result in result.map { (index, $0) } } }
        return (cells, seconds)
    }

    /// Tables from cell results, rows in cell order.
    static func tables(for experiment: any Experiment, cells: [(Int, CellResult)]) -> [DataTable] {
        experiment.tables.enumerated().map { index, schema in
            var table = schema.emptyTable()
            for (_, result) in cells {
                for row in result.rows[index] { table.append(row) }
            }
            return table
        }
    }

    /// Assembles every experiment's report in parallel.
    static func assemble(_ experiments: [any Experiment], tables: [[DataTable]], seconds: [Double]) async throws -> [ExperimentOutput] {
        var outputs = Array<ExperimentOutput?>(repeating: nil, count: experiments.count)
        try await withThrowingTaskGroup(of: (Int, ExperimentOutput).self) { group in
            for (index, experiment) in experiments.enumerated() {
                let experimentTables = tables[index]
                let computeSeconds = seconds[index]
                group.addTask {
                    let clock = ContinuousClock()
                    let start = clock.now
                    do {
                        var output = try ReportPage.assemble(experiment: experiment, tables: experimentTables)
                        output.computeSeconds = computeSeconds + Self.seconds(clock.now - start)
                        return (index, output)
                    } catch {
                        throw RunError.experimentFailed(name: experiment.spec.name, reason: "\(error)")
                    }
                }
            }
            for try await (index, output) in group { outputs[index] = output }
        }
        return outputs.map { $0! }
    }

    /// Computes and assembles the given experiments without writing anything.
    public func generate(_ experiments: [any Experiment]) async throws -> [ExperimentOutput] {
        let (cells, seconds) = try await compute(experiments)
        let tables = zip(experiments, cells).map { Self.tables(for: $0, cells: $1) }
        return try await Self.assemble(experiments, tables: tables, seconds: seconds)
    }

    // MARK: Run, check

    /// `run`: regenerates the selected reports into `output` and rebuilds its README.md.
    public func run(names: [String], all: Bool, output: String) async throws -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try loadExperiments()
        let outputs = try await generate(try select(names, all: all, from: loaded))
        let files = try write(outputs, all: loaded, to: output, findingsFrom: output)
        return RunSummary(outputs: outputs, files: files, wallSeconds: Self.seconds(clock.now - start))
    }

    /// `run --check`: regenerates into a temporary folder and lists the files that differ
    /// from `output` (with `all`, also files in `output` that no spec produces). Staleness of
    /// the output, not the spec's `[checks]` (those run in every run).
    public func differences(names: [String], all: Bool, output: String) async throws -> [FileDifference] {
        let loaded = try loadExperiments()
        let outputs = try await generate(try select(names, all: all, from: loaded))
        return try compare(outputs, all: loaded, against: output, includeStale: all)
    }

    /// Writes outputs to a temporary folder, compares with `folder`, and removes the temporary folder.
    func compare(_ outputs: [ExperimentOutput], all experiments: [any Experiment], against folder: String, includeStale: Bool) throws -> [FileDifference] {
        let temporary = NSTemporaryDirectory() + "precision-lab-check-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let written = try write(outputs, all: experiments, to: temporary, findingsFrom: folder)
        var differences: [FileDifference] = []
        var produced = Set<String>()
        for path in written {
            let name = String(path.dropFirst(temporary.count + 1))
            produced.insert(name)
            let fresh = FileManager.default.contents(atPath: path)
            guard let committed = FileManager.default.contents(atPath: folder + "/" + name) else {
                differences.append(FileDifference(.missing, name))
                continue
            }
            if committed != fresh { differences.append(FileDifference(.changed, name)) }
        }
        if includeStale, let existing = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in existing.sorted() where !name.hasPrefix(".") && !produced.contains(name) {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                    differences.append(FileDifference(.stale, name))
                }
            }
        }
        return differences.sorted { $0.file < $1.file }
    }

    /// Writes every output file and the README index; returns the paths in write order.
    ///
    /// The index lists every experiment. Its finding comes from this run's output, or — for an
    /// experiment this run did not compute (a partial run or merge) — from that experiment's
    /// report rebuilt from its CSV tables in `reference` (see ``storedFinding(of:in:)``).
    @discardableResult
    func write(_ outputs: [ExperimentOutput], all experiments: [any Experiment], to folder: String, findingsFrom reference: String) throws(RunError) -> [String] {
        var paths: [String] = []
        for output in outputs {
            for file in output.files {
                let path = folder + "/" + file.name
                try ReportFileWriter.write(file.contents, to: path)
                paths.append(path)
            }
        }
        var findings: [String: String] = [:]
        for experiment in experiments {
            let name = experiment.spec.name
            if let output = outputs.first(where: { $0.name == name }) {
                findings[name] = output.finding
            } else {
                findings[name] = Self.storedFinding(of: experiment, in: reference)
            }
        }
        let readme = folder + "/README.md"
        let index = ReadmeIndex.render(specs: experiments.map(\.spec), findings: findings, folder: reference, experiments: experimentsDirectory)
        try ReportFileWriter.write(index, to: readme)
        paths.append(readme)
        return paths
    }

    /// The finding of an experiment this run did not compute, rebuilt from its CSV tables in
    /// `folder` — the machine-readable output of an earlier run, the same strings a merge
    /// reads — by the experiment's own report builder; nil when a table is missing or no
    /// longer fits the experiment (its index line then says it is not generated yet).
    static func storedFinding(of experiment: any Experiment, in folder: String) -> String? {
        var tables: [DataTable] = []
        for schema in experiment.tables {
            let path = folder + "/" + schema.fileName(experiment: experiment.spec.name)
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
                  let table = try? schema.table(csv: text) else { return nil }
            tables.append(table)
        }
        return try? experiment.makeReport(from: ReportTables(schemas: experiment.tables, tables: tables)).finding
    }

    // MARK: Shards

    /// `run --shard K/N`: computes every N-th cell of the selected experiments and writes
    /// `output/<name>.shard-K-of-N/` (tables with a `cell` column, and a manifest).
    public func runShard(names: [String], all: Bool, shard: ShardSelection, output: String) async throws -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let built = try select(names, all: all, from: try loadExperiments())
        let (cells, seconds) = try await compute(built, shard: shard)
        var paths: [String] = []
        var outputs: [ExperimentOutput] = []
        for (index, experiment) in built.enumerated() {
            let files = ShardStore.files(experiment: experiment, shard: shard, cells: cells[index])
            for file in files {
                let path = output + "/" + file.name
                try ReportFileWriter.write(file.contents, to: path)
                paths.append(path)
            }
            outputs.append(ExperimentOutput(name: experiment.spec.name, finding: "", files: files, computeSeconds: seconds[index]))
        }
        return RunSummary(outputs: outputs, files: paths, wallSeconds: Self.seconds(clock.now - start))
    }

    /// Reads the shards of the selected experiments (or of every experiment that has shards
    /// under `shards` when no names are given) and assembles the reports a single run gives.
    func mergedOutputs(names: [String], shards: String) async throws -> (all: [any Experiment], outputs: [ExperimentOutput]) {
        let loaded = try loadExperiments()
        var chosen = names
        if chosen.isEmpty {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: shards)) ?? []
            chosen = loaded.map(\.spec.name).filter { name in entries.contains { $0.hasPrefix(name + ".shard-") } }
            guard !chosen.isEmpty else { throw RunError.shard("no shard folders (<name>.shard-K-of-N) in \(shards)") }
        }
        let built = try select(chosen, all: false, from: loaded)
        var tables: [[DataTable]] = []
        for experiment in built { tables.append(try ShardStore.merge(experiment: experiment, directory: shards)) }
        let outputs = try await Self.assemble(built, tables: tables, seconds: built.map { _ in 0 })
        return (loaded, outputs)
    }

    /// `merge`: writes the merged reports to `output` and rebuilds its README.md.
    public func merge(names: [String], shards: String, output: String) async throws -> RunSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let (loaded, outputs) = try await mergedOutputs(names: names, shards: shards)
        let files = try write(outputs, all: loaded, to: output, findingsFrom: output)
        return RunSummary(outputs: outputs, files: files, wallSeconds: Self.seconds(clock.now - start))
    }

    /// `merge --check`: like ``differences(names:all:output:)`` for merged shards.
    public func mergeDifferences(names: [String], shards: String, output: String) async throws -> [FileDifference] {
        let (loaded, outputs) = try await mergedOutputs(names: names, shards: shards)
        return try compare(outputs, all: loaded, against: output, includeStale: false)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
