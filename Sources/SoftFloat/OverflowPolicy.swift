/// What a result beyond the largest finite value becomes.
public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
    /// The format's own behaviour. IEEE formats give ±infinity, or ±max where IEEE 754 says so
    /// for the rounding direction (toward zero, odd, and the directed mode pointing back).
    /// `fn`/`fnuz` formats give NaN where IEEE would give infinity. Finite-only formats saturate.
    case `default`
    /// ±max finite for every overflow, like OCP's SAT mode and ONNX `saturate=1`.
    case saturate
}
