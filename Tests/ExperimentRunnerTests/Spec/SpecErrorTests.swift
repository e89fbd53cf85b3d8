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
        // Malformed check values fail when the spec is loaded, before any cell is computed.
        BadSpec(label: "check key with two parts of three", text: "kind = \"accumulation\"\n[checks.sum_between]\n\"bfloat16 running\" = [250, 260]\n",
                key: "checks.sum_between.\"bfloat16 running\"", line: 3, fragment: "expected a key '<accumulator> <method> <count>'"),
        BadSpec(label: "check range of strings", text: "kind = \"matmul-error\"\n[checks.float16_columns]\n\n\"20\" = [\"2\", \"4\"]\n",
                key: "checks.float16_columns.20", line: 4, fragment: "expected [lower, upper] with numbers"),
        BadSpec(label: "check range upside down", text: "kind = \"matmul-error\"\n[checks.sqnr_between]\n\"llm-int8 20\" = [40, 30]\n",
                key: "checks.sqnr_between.\"llm-int8 20\"", line: 3, fragment: "lower bound above upper bound"),
        BadSpec(label: "check selector", text: "kind = \"quantization-error\"\n[checks.sqnr_between]\nnormal = [30, 40]\n",
                key: "checks.sqnr_between.normal", line: 3, fragment: "expected 'theory' or 'DISTRIBUTION SCHEME"),
        BadSpec(label: "check tolerance", text: "kind = \"quantization-error\"\n[checks.model_within_db]\ntheory = \"0.3\"\n",
                key: "checks.model_within_db.theory", line: 3, fragment: "expected a tolerance in dB"),
        BadSpec(label: "check scale as a number", text: "kind = \"quantization-error\"\n[checks.absmax_example]\nscale = 0.0425\n",
                key: "checks.absmax_example.scale", line: 3, fragment: "expected the exact decimal as a string"),
        BadSpec(label: "case check without a format", text: "kind = \"overflow-underflow\"\n[checks.cases]\n\"10000*10000\" = \"inf\"\n",
                key: "checks.cases.\"10000*10000\"", line: 3, fragment: "expected a key 'CASE FORMAT'"),
        BadSpec(label: "case check under its alias", text: "kind = \"overflow-underflow\"\n[checks.seed]\n\"10000*10000\" = \"inf\"\n",
                key: "checks.seed.\"10000*10000\"", line: 3, fragment: "expected a key 'CASE FORMAT'"),
        BadSpec(label: "memory check not a table", text: "kind = \"formats\"\n[checks.memory_gb]\nfloat32 = \"28\"\n",
                key: "checks.memory_gb.float32", line: 3, fragment: "expected a table"),
    ]

    @Test(arguments: cases)
    func badSpecIsLocated(_ example: BadSpec) {
        let file = "Experiments/bad.toml"
        do {
            let spec = try SpecLoader.parse(text: example.text, name: "bad", file: file)
            _ = try ExperimentRegistry.standard.make(spec)
            Issue.record("expected an error for \(example.label)")
        } catch {
            check(error, example, file: file)
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
        let runner = LabRunner(experimentsDirectory: experiments)
        do {
            _ = try await runner.run(names: ["formats"], all: false, output: folder.path + "/Reports")
            Issue.record("expected a spec error")
        } catch let error as RunError {
            guard case .spec(let specError) = error else { Issue.record("wrong error \(error)"); return }
            #expect(specError.description == "Experiments/broken.toml:3: key 'parameters.counts': expected an array of integers, got a string")
        }
        #expect(folder.snapshot("Reports").isEmpty)
    }

    /// A malformed check value costs no compute: the run stops while loading the specs, with
    /// the `file:line: key …` message, and writes nothing.
    @Test func malformedCheckFailsBeforeComputingAnything() async throws {
        let folder = TemporaryFolder("bad-check")
        let experiments = SmallSpecs.install(in: folder, only: ["formats", "sums"])
        folder.write("Experiments/sums.toml", SmallSpecs.all["sums"]! + "\n[checks.sum_between]\n\"bfloat16 running\" = [250, 260]\n")
        let runner = LabRunner(experimentsDirectory: experiments)
        for names in [["sums"], ["formats"]] {
            do {
                _ = try await runner.run(names: names, all: false, output: folder.path + "/Reports")
                Issue.record("expected a spec error")
            } catch let error as RunError {
                guard case .spec(let specError) = error else { Issue.record("wrong error \(error)"); return }
                #expect(specError.description == "Experiments/sums.toml:9: key 'checks.sum_between.\"bfloat16 running\"': expected a key '<accumulator> <method> <count>'")
            }
        }
        #expect(folder.snapshot("Reports").isEmpty)
    }
}
