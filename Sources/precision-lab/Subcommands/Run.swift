import ArgumentParser
import ExperimentRunner
import FastKernels
import LabCommands

extension PrecisionLab {
    /// `precision-lab run [NAME...] [--all] [--output DIR] [--check] [--list] [--shard K/N]`
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regenerate reports (CSV, Markdown, SVG) from the experiment specs.",
            discussion: """
                Each spec Experiments/NAME.toml produces DIR/NAME.csv (and more CSVs if needed), \
                DIR/NAME.md and SVG plots; DIR/README.md indexes every report. Output is \
                byte-identical on every machine. Cells run in parallel on every core.

                --check regenerates into a temporary folder and exits 1, listing the files that \
                differ, if a report in DIR is out of date (with --all, files no spec produces are \
                listed as stale). --shard K/N computes every N-th cell into \
                DIR/NAME.shard-K-of-N/ (DIR defaults to 'shards'); combine shards with \
                'precision-lab merge'. In a Slurm array or GNU parallel job, --shard auto takes K \
                from SLURM_ARRAY_TASK_ID or PARALLEL_SEQ and N from --shards N or \
                SLURM_ARRAY_TASK_COUNT. Spec errors name the file, key and line, and exit 2.
                """)

        @Argument(help: ArgumentHelp("Experiments to run: spec file names without .toml.", valueName: "name"))
        var names: [String] = []

        @Flag(help: "Run every spec in the experiments folder.")
        var all = false

        @Option(help: ArgumentHelp("Output folder (default: Reports; shards with --shard).", valueName: "dir"))
        var output: String?

        @Flag(help: "Compare a fresh regeneration with the output folder instead of writing; exit 1 if any file differs.")
        var check = false

        @Flag(help: "List the experiments (name, kind, cells, title) and the known kinds.")
        var list = false

        @OptionGroup var sharding: ShardArguments

        @Option(help: ArgumentHelp("Folder of spec files (default: Experiments, in the current folder or the nearest parent that has one).", valueName: "dir"))
        var experiments: String?

        @Option(help: ArgumentHelp("Cells computed in parallel (default: active processors).", valueName: "n"))
        var jobs: Int?

        @Flag(help: "Print compute times per experiment to standard error.")
        var timings = false

        func validate() throws {
            if list && (check || sharding.shard != nil || all || !names.isEmpty) {
                throw ValidationError("--list takes no experiment names and no other mode")
            }
            if check && sharding.shard != nil { throw ValidationError("--check and --shard cannot be combined (check a merge with 'merge --check')") }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            _ = try sharding.selection()
            if !list && !all && names.isEmpty { throw ValidationError("name one or more experiments, or pass --all (see --list)") }
        }

        func run() async throws {
            let runner = LabRunner(experimentsDirectory: experimentsFolder(experiments), concurrency: jobs ?? LabRunner().concurrency,
                                   progress: TerminalProgress())
            do {
                if list {
                    print(try runner.listing(), terminator: "")
                    return
                }
                if let selection = try sharding.selection() {
                    let folder = output ?? "shards"
                    let summary = try await runner.runShard(names: names, all: all, shard: selection, output: folder)
                    if timings { summary.timingLines.forEach(printToStandardError) }
                    return
                }
                let folder = output ?? "Reports"
                if check {
                    let differences = try await runner.differences(names: names, all: all, output: folder)
                    guard differences.isEmpty else {
                        printToStandardError("\(folder) is out of date (\(differences.count) files); regenerate with 'precision-lab run \(all ? "--all" : names.joined(separator: " "))':")
                        differences.forEach { printToStandardError("  \($0)") }
                        throw ExitCode(1)
                    }
                    return
                }
                let summary = try await runner.run(names: names, all: all, output: folder)
                if timings { summary.timingLines.forEach(printToStandardError) }
            } catch let error as RunError {
                printToStandardError("error: \(error)")
                if case .spec = error { throw ExitCode(2) }
                throw ExitCode(1)
            }
        }
    }
}
