import Foundation

/// Reads spec files: TOML via the lab's ``TOMLReader`` into Sendable ``SpecTable`` values whose
/// keys carry their source lines.
///
///     let spec = try SpecLoader.load(path: "Experiments/formats.toml")
///     spec.kind        // "formats"
///
/// Every problem is a ``SpecError`` naming the file, the key and the line.
public enum SpecLoader {
    /// Loads one spec file. `displayPath` is how the file is named in messages and reports
    /// (defaults to `path`).
    public static func load(path: String, displayPath: String? = nil) throws(SpecError) -> ExperimentSpec {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SpecError(file: shown, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SpecError(file: shown, message: "the file is not UTF-8")
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var spec = try parse(text: text, name: name, file: shown)
        spec.folder = (path as NSString).deletingLastPathComponent
        return spec
    }

    /// Parses spec text; `name` is the experiment name, `file` the path shown in messages.
    public static func parse(text: String, name: String, file: String) throws(SpecError) -> ExperimentSpec {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }), !name.isEmpty else {
            throw SpecError(file: file, message: "the file name '\(name)' must use only letters, digits, '-' and '_' (it names the report files)")
        }
        let root = try TOMLReader.read(text, file: file)
        try root.requireOnly(ExperimentSpec.topLevelKeys)
        let kind = try root.string("kind")
        let title = try root.string("title", default: name)
        let summary = try root.string("summary", default: "")
        let parameters = try root.table("parameters") ?? SpecTable(file: file, path: "parameters", line: nil, entries: [])
        let checks = try root.table("checks") ?? SpecTable(file: file, path: "checks", line: nil, entries: [])
        return ExperimentSpec(name: name, file: file, kind: kind, kindLine: root.entry("kind")?.line, title: title, summary: summary,
                              parameters: parameters, checks: checks, fingerprint: Fingerprint.fnv1a64(Array(text.utf8)))
    }
}
