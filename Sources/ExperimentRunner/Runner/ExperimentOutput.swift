/// Every file of one experiment's report, ready to write, with its one-line finding.
public struct ExperimentOutput: Sendable, Hashable {
    public var name: String
    public var finding: String
    /// CSVs, `<name>.md` and plots, in a fixed order.
    public var files: [ReportFile]
    /// Time spent computing cells plus assembling (summed over cores); never written to reports.
    public var computeSeconds: Double

    public init(name: String, finding: String, files: [ReportFile], computeSeconds: Double = 0) {
        self.name = name
        self.finding = finding
        self.files = files
        self.computeSeconds = computeSeconds
    }
}
