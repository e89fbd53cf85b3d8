/// A registered experiment kind: its name, one-line description and a factory from specs.
public struct ExperimentKind: Sendable {
    public var name: String
    public var about: String
    public var make: @Sendable (ExperimentSpec) throws(SpecError) -> any Experiment

    public init<E: Experiment>(_ type: E.Type) {
        name = E.kind
        about = E.about
        make = { spec throws(SpecError) in try E(spec: spec) }
    }

    public init(name: String, about: String, make: @escaping @Sendable (ExperimentSpec) throws(SpecError) -> any Experiment) {
        self.name = name
        self.about = about
        self.make = make
    }
}
