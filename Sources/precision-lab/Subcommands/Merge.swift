import ArgumentParser
import ExperimentRunner
import LabCommands

extension PrecisionLab {
    /// `precision-lab merge [NAME...] [--shards DIR] [--output DIR] [--check]`
    struct Merge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine shard outputs of 'run --shard K/N' into the reports a single run gives.",
            discussion: """
                Reads SHARDS/NAME.shard-K-of-N/ for K = 1…N, checks that every shard is present and \
                was computed from the current spec, and writes the same bytes 'precision-lab run \
                NAME' would. Without names, merges every experiment that has shards in SHARDS.
                """)

        @Argument(help: ArgumentHelp("Experiments to merge (default: every experiment with shards).", valueName: "name"))
        var names: [String] = []

        @Option(help: ArgumentHelp("Folder holding the shard folders.", valueName: "dir"))
        var shards: String = "shards"

        @Option(help: ArgumentHelp("Output folder.", valueName: "dir"))
        var output: String = "Reports"

        @Flag(help: "Compare the merged reports with the output folder instead of writing; exit 1 if any file differs.")
        var check = false

        @Option(help: ArgumentHelp("Folder of spec files (default: Experiments, in the current folder or the nearest parent that has one).", valueName: "dir"))
        var experiments: String?

        func run() async throws {
            let runner = LabRunner(experimentsDirectory: experimentsFolder(experiments), progress: TerminalProgress())
            do {
                if check {
                    let differences = try await runner.mergeDifferences(names: names, shards: shards, output: output)
                    guard differences.isEmpty else {
                        printToStandardError("merged reports differ from \(output) (\(differences.count) files):")
                        differences.forEach { printToStandardError("  \($0)") }
                        throw ExitCode(1)
                    }
                    return
                }
                _ = try await runner.merge(names: names, shards: shards, output: output)
            } catch let error as RunError {
                printToStandardError("error: \(error)")
                if case .spec = error { throw ExitCode(2) }
                throw ExitCode(1)
            }
        }
    }
}
