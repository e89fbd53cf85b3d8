import SoftFloat

/// An operand as the units see it: `(−1)^negative × magnitude × 2^(exponent − mantissaBits)`,
/// where `exponent` is the exponent of the significand in [1, 2) — a subnormal keeps its
/// format's minimum exponent (f16 −14, e4m3 −6) and a magnitude below `2^mantissaBits`.
///
/// **A zero has exponent −126 in every format.** This follows MMA-Sim (commit c785138), which
/// decomposes every operand with `frexp` and then sets the exponent of a zero to −126; whether
/// the hardware does the same is not established. It matters because alignment uses the largest
/// exponent of all terms, zero products included: in bf16, `0 × 2^100` is a term of exponent
/// −26 that truncates every product below 2^−51 away.
///
///     UnitOperand(code: 0x3c01, format: .float16)  // magnitude 0x401, exponent 0: (1 + 2^-10) × 2^0
///     UnitOperand(code: 0x0001, format: .float16)  // magnitude 1, exponent −14: 2^-10 × 2^-14 = 2^-24
///     UnitOperand(code: 0x00, format: .float8_e4m3fn)  // magnitude 0, exponent −126
struct UnitOperand: Sendable, Hashable {
    enum Kind: UInt8, Sendable { case finite, infinity, nan }

    /// The exponent every zero gets (MMA-Sim's convention; see the type's documentation).
    static let zeroExponent = -126

    var magnitude: UInt64
    var exponent: Int32
    var negative: Bool
    var kind: Kind

    var isZero: Bool { kind == .finite && magnitude == 0 }

    init(magnitude: UInt64, exponent: Int32, negative: Bool, kind: Kind) {
        self.magnitude = magnitude
        self.exponent = exponent
        self.negative = negative
        self.kind = kind
    }

    init(code: UInt64, format: FloatFormat) {
        switch format.decode(code) {
        case .zero(let negative):
            self.init(magnitude: 0, exponent: Int32(Self.zeroExponent), negative: negative, kind: .finite)
        case .finite(let negative, let significand, let exponent):
            self.init(magnitude: significand, exponent: Int32(exponent + format.mantissaBits), negative: negative, kind: .finite)
        case .infinity(let negative):
            self.init(magnitude: 0, exponent: 0, negative: negative, kind: .infinity)
        case .nan(let negative, _):
            self.init(magnitude: 0, exponent: 0, negative: negative, kind: .nan)
        }
    }

}

/// Every code of a format of at most 16 bits, decoded once: the engine's operand lookup. The
/// entries live in memory this object owns, so the hot loop reads them through a plain pointer
/// (no reference counting per lookup).
final class UnitOperandTable: @unchecked Sendable {
    let entries: UnsafeMutableBufferPointer<UnitOperand>

    init?(format: FloatFormat) {
        guard format.bitWidth <= 16 else { return nil }
        let count = 1 << format.bitWidth
        entries = .allocate(capacity: count)
        for code in 0..<count {
            entries.initializeElement(at: code, to: UnitOperand(code: UInt64(code), format: format))
        }
    }

    deinit { entries.deallocate() }
}
