import SoftFloat

/// Reproducible random operands for one format: half uniformly random encodings, the rest
/// drawn from the regions where rounding is hard — near 1, near overflow, subnormal or tiny,
/// special codes — plus, on request, partners that make sums cancel.
struct OperandGenerator {
    let format: FloatFormat
    var random: SplitMix64

    init(format: FloatFormat, seed: UInt64) {
        self.format = format
        random = SplitMix64(seed: seed)
    }

    /// A code with the given biased exponent, random sign and mantissa.
    mutating func code(biasedExponent: Int) -> UInt64 {
        let exponent = UInt64(min(max(biasedExponent, 0), Int(format.exponentFieldMask)))
        let mantissa = random.next() & format.mantissaMask
        let sign = random.next() & format.signMask
        return sign | exponent << UInt64(format.mantissaBits) | mantissa
    }

    mutating func next() -> UInt64 {
        let maxBiased = format.maxFiniteBiasedExponent
        switch random.next() % 16 {
        case 0..<8:
            return random.next() & format.codeMask
        case 8, 9:
            return code(biasedExponent: format.bias - 3 + Int(random.next() % 7))
        case 10:
            return code(biasedExponent: maxBiased - Int(random.next() % 3))
        case 11, 12:
            return code(biasedExponent: Int(random.next() % 3))
        default:
            let specials: [UInt64] = [
                0, format.signMask, format.maxFiniteBits, format.maxFiniteBits | format.signMask,
                1, 1 | format.signMask, UInt64(1) << UInt64(format.mantissaBits),
                format.infinityBits ?? 0, (format.infinityBits ?? 0) | format.signMask,
                format.nanBits ?? 0, format.codeMask, format.round(1).bits, format.round(-1).bits,
            ]
            return specials[Int(random.next() % UInt64(specials.count))]
        }
    }

    /// Operands for `operation`, with cancellation arranged a quarter of the time.
    mutating func operands(for operation: ArithmeticOperation) -> [UInt64] {
        var operands = (0..<operation.arity).map { _ in next() }
        guard random.next() % 4 == 0 else { return operands }
        let nudge = Int64(random.next() % 5) - 2
        switch operation {
        case .add:
            operands[1] = nudged(format.negate(operands[0]), by: nudge)
        case .subtract:
            operands[1] = nudged(operands[0], by: nudge)
        case .fusedMultiplyAdd:
            let product = format.multiply(operands[0], operands[1]).bits
            operands[2] = nudged(format.negate(product), by: nudge)
        default:
            break
        }
        return operands
    }

    private func nudged(_ code: UInt64, by steps: Int64) -> UInt64 {
        let moved = Int64(bitPattern: code) &+ steps
        return UInt64(bitPattern: moved) & format.codeMask
    }
}
