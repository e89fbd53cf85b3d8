/// A ``RunProgress`` that reports nothing.
public struct SilentProgress: RunProgress {
    public init() {}
    public func start(total: Int) {}
    public func advance(label: String) {}
    public func finish() {}
}
