import SoftFloat

/// Operand codes decoded once into the form the fused kernel multiplies: a signed integer
/// significand and the exponent of the significand's leading position, in two parallel arrays.
///
/// The value of element i is `significands[i] × 2^(exponents[i] − mantissaBits)` — the same
/// decomposition as ``UnitOperand`` (a zero keeps magnitude 0 and exponent −126, MMA-Sim's
/// convention). An infinity or NaN gets the exponent ``nonFiniteExponent``, so that any step
/// holding one sees a largest exponent far beyond every finite one and leaves the fast path.
/// The arrays live in memory this object owns, read by the workers through plain pointers.
///
///     // f16 codes 0x3c01 and 0x8001:
///     // significands [0x401, −1], exponents [0, −14]: (1 + 2^-10) and −2^-24
final class DecodedOperands: @unchecked Sendable {
    /// Half of it is still larger than twice any finite exponent of a ≤ 32-bit format, so a
    /// product with one non-finite factor has an exponent of at least `nonFiniteExponent / 2`.
    static let nonFiniteExponent: Int32 = 1 << 20

    let significands: UnsafeMutablePointer<Int32>
    let exponents: UnsafeMutablePointer<Int32>

    /// Decodes `codes` with `operand` (the engine's ``DotProductEngine/operandA(_:)`` or
    /// ``DotProductEngine/operandB(_:)``: table look-ups, tf32 truncation).
    init(codes: UnsafeBufferPointer<UInt64>, operand: (UInt64) -> UnitOperand) {
        significands = .allocate(capacity: max(codes.count, 1))
        exponents = .allocate(capacity: max(codes.count, 1))
        for (index, code) in codes.enumerated() {
            (significands[index], exponents[index]) = Self.split(operand(code))
        }
    }

    deinit {
        significands.deallocate()
        exponents.deallocate()
    }

    @inline(__always) static func split(_ operand: UnitOperand) -> (Int32, Int32) {
        guard operand.kind == .finite else { return (0, nonFiniteExponent) }
        let magnitude = Int32(truncatingIfNeeded: operand.magnitude)
        return (operand.negative ? -magnitude : magnitude, operand.exponent)
    }
}
