/// The experiment kinds a runner knows, by `kind` name.
///
/// To add a kind: write one `Experiment` file under `Experiments/` (the Swift folder), add
/// it to ``standard`` below, and add a spec `Experiments/<name>.toml` (the repository
/// folder).
public struct ExperimentRegistry: Sendable {
    public private(set) var kinds: [ExperimentKind]

    public init(_ kinds: [ExperimentKind]) {
        self.kinds = kinds
    }

    /// The kinds behind `Reports/`.
    public static let standard = ExperimentRegistry([
        ExperimentKind(FormatsExperiment.self),
        ExperimentKind(RoundingExperiment.self),
        ExperimentKind(OverflowUnderflowExperiment.self),
        ExperimentKind(AccumulationExperiment.self),
        ExperimentKind(QuantizationErrorExperiment.self),
        ExperimentKind(MatmulErrorExperiment.self),
        ExperimentKind(MatrixUnitsExperiment.self),
        ExperimentKind(ModelExperiment.self),
        ExperimentKind(GGUFCodecsExperiment.self),
        ExperimentKind(BlockScaledFormatsExperiment.self),
        ExperimentKind(FP8TrainingRecipesExperiment.self),
        ExperimentKind(ModelFidelityExperiment.self),
    ])

    /// A copy with one more kind (tests register failing or tiny kinds this way).
    public func adding(_ kind: ExperimentKind) -> ExperimentRegistry {
        ExperimentRegistry(kinds + [kind])
    }

    /// Builds the experiment a spec describes.
    ///
    /// - Throws: ``SpecError`` at the `kind` key when the kind is unknown, or whatever the
    ///   experiment's parameter checks throw.
    public func make(_ spec: ExperimentSpec) throws(SpecError) -> any Experiment {
        guard let kind = kinds.first(where: { $0.name == spec.kind }) else {
            let root = SpecTable(file: spec.file, path: "", line: nil, entries: [])
            var error = root.error("kind", "unknown experiment kind '\(spec.kind)'; known kinds: \(kinds.map(\.name).joined(separator: ", "))")
            error.line = spec.kindLine
            throw error
        }
        return try kind.make(spec)
    }
}
