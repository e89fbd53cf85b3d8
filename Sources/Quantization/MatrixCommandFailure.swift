/// Why `quantize` or `matmul` failed, as the one line to print after `error: ` (see
/// ``MatrixInputs/run(reading:format:_:)``).
public struct MatrixCommandFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}
