@testable import ExperimentRunner
import FastKernels
import Foundation
import Testing

@Suite("Determinism, check and shards")
struct DeterminismTests {
    func runner(_ experiments: String, concurrency: Int = 2) -> LabRunner {
        LabRunner(experimentsDirectory: experiments, concurrency: concurrency)
    }

    @Test func regenerationIsByteIdenticalAtAnyParallelism() async throws {
        let folder = TemporaryFolder("determinism")
        let experiments = SmallSpecs.install(in: folder)
        _ = try await runner(experiments, concurrency: 2).run(names: [], all: true, output: folder.path + "/a")
        _ = try await runner(experiments, concurrency: 1).run(names: [], all: true, output: folder.path + "/b")
        _ = try await runner(experiments, concurrency: 5).run(names: [], all: true, output: folder.path + "/c")
        let a = folder.snapshot("a")
        #expect(!a.isEmpty)
        #expect(a == folder.snapshot("b"))
        #expect(a == folder.snapshot("c"))
        for (name, data) in a where name.hasSuffix(".md") || name.hasSuffix(".csv") || name.hasSuffix(".svg") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(folder.path), "\(name) mentions the output path")
            #expect(text.hasSuffix("\n"), "\(name) ends without a newline")
        }
    }

    @Test func checkListsChangedMissingAndStaleFiles() async throws {
        let folder = TemporaryFolder("check")
        let experiments = SmallSpecs.install(in: folder)
        let output = folder.path + "/Reports"
        let lab = runner(experiments)
        _ = try await lab.run(names: [], all: true, output: output)
        #expect(try await lab.differences(names: [], all: true, output: output).isEmpty)

        folder.write("Reports/sums.csv", "tampered\n")
        try FileManager.default.removeItem(atPath: output + "/range-staircase.svg")
        folder.write("Reports/orphan.csv", "x\n")
        let differences = try await lab.differences(names: [], all: true, output: output)
        #expect(differences == [FileDifference(.stale, "orphan.csv"), FileDifference(.missing, "range-staircase.svg"),
                                FileDifference(.changed, "sums.csv")])
        // A partial check ignores files of other experiments, except that the index rebuilds
        // their findings from their tables: an unreadable sums.csv leaves sums without one.
        #expect(try await lab.differences(names: ["formats"], all: false, output: output) == [FileDifference(.changed, "README.md")])
        _ = try await lab.run(names: ["sums"], all: false, output: output)
        #expect(try await lab.differences(names: ["formats"], all: false, output: output).isEmpty)
    }

    @Test func partialRunKeepsTheIndexWhole() async throws {
        let folder = TemporaryFolder("partial")
        let experiments = SmallSpecs.install(in: folder)
        let output = folder.path + "/Reports"
        let lab = runner(experiments)
        _ = try await lab.run(names: [], all: true, output: output)
        let readme = folder.read("Reports/README.md")
        // The index of a partial run takes the other experiments' findings from their CSV
        // tables, never from their pages: with every other page gone it is still whole.
        for name in SmallSpecs.all.keys where name != "formats" {
            try FileManager.default.removeItem(atPath: output + "/" + name + ".md")
        }
        _ = try await lab.run(names: ["formats"], all: false, output: output)
        #expect(folder.read("Reports/README.md") == readme)
        // Without its tables an experiment is listed as not generated yet.
        try FileManager.default.removeItem(atPath: output + "/sums-trace.csv")
        _ = try await lab.run(names: ["formats"], all: false, output: output)
        #expect(folder.read("Reports/README.md")?.contains("not generated yet — run `precision-lab run sums`") == true)
    }

    @Test(arguments: [1, 2, 3, 7])
    func mergingShardsEqualsOneRun(shardCount: Int) async throws {
        let folder = TemporaryFolder("shards")
        let experiments = SmallSpecs.install(in: folder)
        let lab = runner(experiments)
        _ = try await lab.run(names: [], all: true, output: folder.path + "/single")
        for index in 1...shardCount {
            _ = try await lab.runShard(names: [], all: true, shard: try ShardSelection(index: index, count: shardCount),
                                       output: folder.path + "/shards")
        }
        _ = try await lab.merge(names: [], shards: folder.path + "/shards", output: folder.path + "/merged")
        let single = folder.snapshot("single"), merged = folder.snapshot("merged")
        #expect(single.keys.sorted() == merged.keys.sorted())
        for (name, data) in single { #expect(merged[name] == data, "\(name) differs after merging \(shardCount) shards") }
        #expect(try await lab.mergeDifferences(names: [], shards: folder.path + "/shards", output: folder.path + "/single").isEmpty)
    }

    @Test func mergeRefusesMissingOrStaleShards() async throws {
        let folder = TemporaryFolder("bad-shards")
        let experiments = SmallSpecs.install(in: folder, only: ["sums"])
        let lab = runner(experiments)
        _ = try await lab.runShard(names: ["sums"], all: false, shard: try ShardSelection(index: 1, count: 2), output: folder.path + "/shards")
        await #expect(throws: RunError.self) { _ = try await lab.merge(names: ["sums"], shards: folder.path + "/shards", output: folder.path + "/out") }
        _ = try await lab.runShard(names: ["sums"], all: false, shard: try ShardSelection(index: 2, count: 2), output: folder.path + "/shards")
        folder.write("Experiments/sums.toml", SmallSpecs.all["sums"]!.replacingOccurrences(of: "trace_every = 50", with: "trace_every = 25") + "\n")
        do {
            _ = try await lab.merge(names: ["sums"], shards: folder.path + "/shards", output: folder.path + "/out")
            Issue.record("a merge must refuse shards of an edited spec")
        } catch let error as RunError {
            #expect(error.description.contains("does not match the current spec"))
        }
    }

    @Test func shardSelectionParsing() throws {
        let shard = try ShardSelection(parsing: "2/4")
        #expect((0..<10).filter(shard.contains) == [1, 5, 9])
        #expect(throws: ShardError.self) { try ShardSelection(parsing: "0/4") }
        #expect(throws: ShardError.self) { try ShardSelection(parsing: "5/4") }
        #expect(throws: ShardError.self) { try ShardSelection(parsing: "two") }
    }
}
