@testable import ExperimentRunner
import Foundation
import Testing

/// A bad spec and where its error must point.
struct BadSpec: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var key: String?
    var line: Int?
    var fragment: String
    var testDescription: String { label }
}

@Suite("Spec errors name the file, the key and the line")
struct SpecErrorTests {
    static let cases: [BadSpec] = [
        BadSpec(label: "TOML syntax", text: "kind = \"formats\"\ntitle = \"x\n", key: nil, line: 2, fragment: "TOML syntax error"),
        BadSpec(label: "missing kind", text: "title = \"x\"\n", key: "kind", line: nil, fragment: "missing"),
        BadSpec(label: "unknown top-level key", text: "kind = \"formats\"\n\ntitel = \"x\"\n", key: "titel", line: 3, fragment: "unknown key"),
        BadSpec(label: "unknown kind", text: "# c\nkind = \"formatz\"\n", key: "kind", line: 2, fragment: "unknown experiment kind 'formatz'"),
        BadSpec(label: "unknown parameter", text: "kind = \"accumulation\"\n[parameters]\ncounts = [10]\nseedz = [1]\n",
                key: "parameters.seedz", line: 4, fragment: "unknown key"),
        BadSpec(label: "wrong type", text: "kind = \"accumulation\"\n[parameters]\n\ncounts = \"many\"\n",
                key: "parameters.counts", line: 4, fragment: "expected an array of integers, got a string"),
        BadSpec(label: "wrong element type in a multi-line array", text: "kind = \"accumulation\"\n[parameters]\ncounts = [\n  10,\n  \"x\",\n]\n",
                key: "parameters.counts", line: 3, fragment: "element 1 is a string"),
        BadSpec(label: "out of range", text: "kind = \"accumulation\"\n[parameters]\ncounts = [0]\n",
                key: "parameters.counts", line: 3, fragment: "out of range"),
        BadSpec(label: "unknown format", text: "kind = \"rounding\"\n[parameters]\nvalues = [\"1/3\"]\nformats = [\"float16\", \"float17\"]\n",
                key: "parameters.formats", line: 4, fragment: "element 1: unknown format 'float17'"),
        BadSpec(label: "unparsable value", text: "kind = \"rounding\"\n[parameters]\nvalues = [\"1/3\", \"one third\"]\n",
                key: "parameters.values", line: 3, fragment: "element 1"),
        BadSpec(label: "unknown rounding mode", text: "kind = \"rounding\"\n[parameters]\nmodes = [\"nearest\"]\n",
                key: "parameters.modes", line: 3, fragment: "unknown rounding mode 'nearest'"),
        BadSpec(label: "inline table key", text: "kind = \"rounding\"\n[parameters]\nvalues = [\"1/3\"]\n[checks]\nnearest_even = { \"1/3\" = { float16 = 1 } }\n",
                key: "checks.nearest_even.\"1/3\".float16", line: 5, fragment: "expected a string"),
        BadSpec(label: "bad check key", text: "kind = \"accumulation\"\n[checks]\nsum_betwen = [1, 2]\n",
                key: "checks.sum_betwen", line: 3, fragment: "unknown key"),
    ]

    @Test(arguments: cases)
    func badSpecIsLocated(_ example: BadSpec) {
        let file = "Experiments/bad.toml"
        do {
            let spec = try SpecLoader.parse(text: example.text, name: "bad", file: file)
            let experiment = try ExperimentRegistry.standard.make(spec)
            // Check-table problems surface when the report is assembled.
            if example.fragment == "expected a string" {
                let tables = experiment.tables.map { $0.emptyTable() }
                _ = try experiment.makeReport(from: tables)
            }
            Issue.record("expected an error for \(example.label)")
        } catch let error as SpecError {
            check(error, example, file: file)
        } catch let failure as CheckFailure {
            check(failure.error, example, file: file)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    private func check(_ error: SpecError, _ example: BadSpec, file: String) {
        #expect(error.file == file)
        #expect(error.key == example.key)
        #expect(error.line == example.line)
        #expect(error.message.contains(example.fragment), "message: \(error.message)")
        var expected = file + (example.line.map { ":\($0)" } ?? "") + ": "
        if let key = example.key { expected += "key '\(key)': " }
        #expect(error.description.hasPrefix(expected), "description: \(error.description)")
    }

    @Test func runnerRefusesABadSpecBeforeComputingAnything() async throws {
        let folder = TemporaryFolder("bad-spec")
        let experiments = SmallSpecs.install(in: folder, only: ["formats"])
        folder.write("Experiments/broken.toml", "kind = \"accumulation\"\n[parameters]\ncounts = \"many\"\n")
        let runner = LabRunner(experimentsDirectory: experiments, progress: ProgressReporter(enabled: false))
        do {
            _ = try await runner.run(names: ["formats"], all: false, output: folder.path + "/Reports")
            Issue.record("expected a spec error")
        } catch let error as RunError {
            guard case .spec(let specError) = error else { Issue.record("wrong error \(error)"); return }
            #expect(specError.description == "Experiments/broken.toml:3: key 'parameters.counts': expected an array of integers, got a string")
        }
        #expect(folder.snapshot("Reports").isEmpty)
    }
}
