/// What a run did: the experiments' outputs (with compute times, for the terminal only), the
/// files it wrote, and the wall-clock time.
public struct RunSummary: Sendable {
    public var outputs: [ExperimentOutput]
    /// Paths written (files whose bytes were already current are included: they are up to date).
    public var files: [String]
    public var wallSeconds: Double

    public init(outputs: [ExperimentOutput], files: [String], wallSeconds: Double) {
        self.outputs = outputs
        self.files = files
        self.wallSeconds = wallSeconds
    }

    /// `formats 0.12 s` lines for `--timings`.
    public var timingLines: [String] {
        outputs.map { "\($0.name) \(Self.seconds($0.computeSeconds)) s (compute, summed over cores)" }
            + ["total \(Self.seconds(wallSeconds)) s wall clock"]
    }

    static func seconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
