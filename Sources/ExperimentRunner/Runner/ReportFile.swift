/// A file of a report, by name relative to the output folder, with its full contents.
public struct ReportFile: Sendable, Hashable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
