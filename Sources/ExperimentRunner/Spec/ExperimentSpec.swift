/// One experiment spec file (`Experiments/<name>.toml`), parsed and checked at the top level.
///
/// ```toml
/// kind = "accumulation"                 # which experiment implementation runs it
/// title = "Summation error by accumulator format"
/// summary = "One paragraph for the top of the report."
///
/// [parameters]                           # kind-specific, documented in Experiments/README.md
/// accumulators = ["bfloat16", "float16", "float32"]
///
/// [checks]                               # optional self-checks; a failed check fails the run
/// bfloat16_running_10000 = [250.0, 260.0]
/// ```
///
/// The experiment's name is the file name without `.toml`; reports are `<name>.csv`, `<name>.md`, ….
public struct ExperimentSpec: Sendable, Hashable {
    public var name: String
    /// The path as shown in messages and reports (`Experiments/formats.toml`).
    public var file: String
    /// The folder the spec was read from, as given to the runner (absolute, or relative to
    /// the current folder); empty for a spec parsed from text. Experiments that read files
    /// named in the spec resolve them against its parent, the repository.
    public var folder: String = ""
    public var kind: String
    /// The line of the `kind` key, for errors about it.
    public var kindLine: Int?
    public var title: String
    public var summary: String
    public var parameters: SpecTable
    public var checks: SpecTable
    /// FNV-1a 64 of the file's bytes: shard manifests record it so that a merge refuses
    /// shards computed from a different spec.
    public var fingerprint: UInt64

    public static let topLevelKeys = ["kind", "title", "summary", "parameters", "checks"]

    public init(name: String, file: String, kind: String, kindLine: Int? = nil, title: String, summary: String,
                parameters: SpecTable, checks: SpecTable, fingerprint: UInt64) {
        self.name = name
        self.file = file
        self.kind = kind
        self.kindLine = kindLine
        self.title = title
        self.summary = summary
        self.parameters = parameters
        self.checks = checks
        self.fingerprint = fingerprint
    }
}
