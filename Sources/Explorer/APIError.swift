/// A bad request to the explorer's API: the parameter at fault and why. The server answers it
/// with HTTP 400 and `{"error": "format: unknown format 'e9'…", "parameter": "format"}`, and goes
/// on serving.
///
///     APIError(parameter: "bits", message: "0x1ff does not fit in float8_e4m3fn's 8 bits").description
///     // "bits: 0x1ff does not fit in float8_e4m3fn's 8 bits"
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The query parameter at fault (`value`, `format`, `rounding`, …), or `request`.
    public var parameter: String
    public var message: String

    public init(parameter: String, message: String) {
        self.parameter = parameter
        self.message = message
    }

    public var description: String { "\(parameter): \(message)" }
}
