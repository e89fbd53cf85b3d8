import SoftFloat

/// A number from a spec, parsed once when the spec is loaded: the text as written (shown in
/// the reports) and its exact value (what the experiments compute with).
///
///     let n = try SpecNumber("1/3")
///     n.text                                   // "1/3"
///     n.value.rounded(to: .float16).bits       // 0x3555
public struct SpecNumber: Sendable, Hashable {
    public let text: String
    public let value: ExactNumber

    /// Parses `text` with the engine's parser (decimal, rational `a/b`, hex-float, inf, nan).
    public init(_ text: String) throws(NumberSyntaxError) {
        self.text = text
        value = try ExactNumber(parsing: text)
    }
}
