/// How the operands of an int8 matmul get their scales.
public enum MatmulScheme: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A row-wise absmax for A and a column-wise absmax for B (LLM.int8's vector-wise
    /// quantization, tutorial 004).
    case vectorwise
    /// One absmax for all of A and one for all of B.
    case tensorwise

    public var description: String { rawValue }
}
