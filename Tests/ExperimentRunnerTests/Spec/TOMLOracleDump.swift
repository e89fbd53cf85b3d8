@testable import ExperimentRunner
import Foundation
import ReportKit
import Testing

/// The hook of `Scripts/oracles/toml_oracle.py`, which compares ``TOMLReader`` with Python's
/// `tomllib` on thousands of generated documents; skipped unless `TOML_ORACLE_DIR` is set.
/// The script writes the documents as `DIR/NAME.toml` and runs
/// `TOML_ORACLE_DIR=DIR swift test --filter TOMLOracleDump`; this writes `DIR/NAME.swift.json`
/// for each: `{"ok": TAGGED}` (``TaggedTOML``) or `{"error": "…", "line": N}`.
@Suite struct TOMLOracleDump {
    static let folder = ProcessInfo.processInfo.environment["TOML_ORACLE_DIR"]

    @Test(.enabled(if: folder != nil)) func dumpEveryDocument() throws {
        let folder = try #require(Self.folder)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".toml") {
            let data = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            let output: String
            do {
                let root = try TOMLReader.read(String(decoding: data, as: UTF8.self), file: name)
                output = "{\"ok\": " + TaggedTOML.json(root) + "}"
            } catch {
                output = "{\"error\": " + JSONText.string(error.message) + ", \"line\": \(error.line ?? 0)}"
            }
            try output.write(toFile: folder + "/" + name.dropLast(5) + ".swift.json", atomically: false, encoding: .utf8)
        }
    }
}
