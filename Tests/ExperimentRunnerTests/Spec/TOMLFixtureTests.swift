@testable import ExperimentRunner
import Foundation
import Testing

/// ``TOMLReader`` against Python's tomllib without Python: `Fixtures/toml/NAME.toml` with
/// `NAME.json`, written by `Scripts/oracles/toml_oracle.py --write-fixtures` from tomllib's
/// reading — `{"valid": TAGGED}` (``TaggedTOML``) or `{"invalid": tomllib's message}`. A
/// document tomllib reads but the lab refuses (a date, an integer beyond 64 bits) is stored
/// as `{"refused": why}`.
@Suite struct TOMLFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/toml").standardized.path

    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()

    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 10)
    }

    @Test(arguments: names)
    func readsLikeTomllib(_ name: String) throws {
        let text = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name + ".toml"))
        let expectedData = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name + ".json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: expectedData) as? [String: Any])
        let result = Result { () throws(SpecError) -> SpecTable in
            try TOMLReader.read(String(decoding: text, as: UTF8.self), file: name + ".toml")
        }
        switch (result, expected["valid"]) {
        case (.success(let root), let tagged?):
            #expect(TaggedTOML.difference(.table(root), tagged) == nil)
        case (.failure(let error), nil):
            #expect(error.message.hasPrefix("TOML syntax error: ") || expected["refused"] != nil, "\(error)")
        case (.success, nil):
            Issue.record("read, but tomllib says: \(expected["invalid"] ?? expected["refused"] ?? "?")")
        case (.failure(let error), _?):
            Issue.record("tomllib reads it; the lab says: \(error)")
        }
    }
}
