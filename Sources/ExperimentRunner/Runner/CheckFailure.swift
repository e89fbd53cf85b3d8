/// A self-check in a spec's `[checks]` that the computed numbers do not satisfy.
///
///     // Experiments/rounding-one-third.toml:31: key 'checks.nearest_even.float16': expected 0.333251953125, computed 0.3333
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    public var error: SpecError

    public init(_ error: SpecError) {
        self.error = error
    }

    public var description: String { "check failed: \(error)" }
}
