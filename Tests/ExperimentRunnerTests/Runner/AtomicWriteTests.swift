@testable import ExperimentRunner
import Foundation
import Testing

@Suite("Atomic writes")
struct AtomicWriteTests {
    @Test func failedRunLeavesPreviousReportsIntact() async throws {
        let folder = TemporaryFolder("atomic")
        let experiments = SmallSpecs.install(in: folder, only: ["formats"])
        folder.write("Experiments/zz-failing.toml", "kind = \"failing\"\n")
        let registry = ExperimentRegistry.standard.adding(ExperimentKind(FailingExperiment.self))
        let runner = LabRunner(experimentsDirectory: experiments, registry: registry)
        let output = folder.path + "/Reports"

        _ = try await runner.run(names: ["formats"], all: false, output: output)
        let before = folder.snapshot("Reports")
        #expect(before["formats.csv"] != nil)

        // Change the formats spec so a successful run would rewrite formats.csv, then fail in another experiment.
        folder.write("Experiments/formats.toml", SmallSpecs.all["formats"]!.replacingOccurrences(of: "\"int8\", \"int4\"]\nparameter", with: "\"int8\"]\nparameter") + "\n")
        do {
            _ = try await runner.run(names: [], all: true, output: output)
            Issue.record("the failing experiment should fail the run")
        } catch let error as RunError {
            guard case .experimentFailed(let name, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(name == "zz-failing")
            #expect(reason.contains("cell 2") && reason.contains("boom"))
            #expect(error.description.contains("experiment 'zz-failing' failed"))
        }
        #expect(folder.snapshot("Reports") == before, "no file may change when any experiment fails")
    }

    @Test func writerReplacesAtomicallyAndLeavesNoTemporaryFiles() throws {
        let folder = TemporaryFolder("writer")
        let path = folder.path + "/deep/er/report.csv"
        try ReportFileWriter.write("old\n", to: path)
        try ReportFileWriter.write("new\n", to: path)
        #expect(folder.read("deep/er/report.csv") == "new\n")
        #expect(folder.snapshot().keys.sorted() == ["deep/er/report.csv"])
    }

    @Test func unwritableTargetReportsThePathAndKeepsTheOldFile() throws {
        let folder = TemporaryFolder("unwritable")
        folder.write("Reports/x.csv", "old\n")
        // A folder where the file should go makes rename fail (EISDIR), even as root.
        try FileManager.default.createDirectory(atPath: folder.path + "/Reports/y.csv", withIntermediateDirectories: true)
        #expect(throws: RunError.self) { try ReportFileWriter.write("new\n", to: folder.path + "/Reports/y.csv") }
        #expect(folder.read("Reports/x.csv") == "old\n")
        #expect(!(folder.snapshot("Reports").keys.contains { $0.contains(".tmp-") }))
    }
}
