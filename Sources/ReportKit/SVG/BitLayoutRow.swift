/// One format's field widths for a ``BitLayoutDiagram``.
///
///     BitLayoutRow(name: "float16", signBits: 1, exponentBits: 5, mantissaBits: 10, caption: "bias 15")
public struct BitLayoutRow: Sendable, Hashable {
    public var name: String
    /// 1 for signed formats, 0 for unsigned ones (float8_e8m0fnu).
    public var signBits: Int
    public var exponentBits: Int
    public var mantissaBits: Int
    /// A short note printed after the boxes (bias, max), or empty.
    public var caption: String

    public init(name: String, signBits: Int, exponentBits: Int, mantissaBits: Int, caption: String = "") {
        self.name = name
        self.signBits = signBits
        self.exponentBits = exponentBits
        self.mantissaBits = mantissaBits
        self.caption = caption
    }

    public var totalBits: Int { signBits + exponentBits + mantissaBits }
}
