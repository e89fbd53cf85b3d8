import ReportKit

/// What an experiment contributes to its report page: the one-line finding (also shown in
/// `README.md`), the results body, two or three sentences of discussion, the self-checks it
/// passed, and extra files (SVG plots, derived CSVs).
public struct ExperimentReport: Sendable, Hashable {
    public var finding: String
    public var body: MarkdownDocument
    public var discussion: String
    /// Human-readable descriptions of passed checks (a failed check throws instead).
    public var checks: [String]
    public var files: [ReportFile]
    /// One line per extra file for the page's file list, keyed by file name.
    public var fileNotes: [String: String]

    public init(finding: String, body: MarkdownDocument, discussion: String, checks: [String] = [],
                files: [ReportFile] = [], fileNotes: [String: String] = [:]) {
        self.finding = finding
        self.body = body
        self.discussion = discussion
        self.checks = checks
        self.files = files
        self.fileNotes = fileNotes
    }
}
