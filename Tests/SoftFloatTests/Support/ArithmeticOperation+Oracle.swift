import MPFRReference
import SoftFloat

/// The oracles of the six correctly rounded operations (``ArithmeticOperation/correctlyRounded``).
extension ArithmeticOperation {
    /// The engine's answer.
    func engine(_ format: FloatFormat, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0, options: RoundingOptions, random: UInt64 = 0) -> Rounded {
        evaluate(a, b, c, format: format, options: options, random: random)
    }

    /// The NaN rule of `NaNPropagation`, restated independently: the first NaN operand quieted
    /// wins, a signaling operand raises invalid. Nil when no operand is NaN and the operation
    /// is not fma(0, ∞, NaN).
    static func expectedNaN(_ format: FloatFormat, _ operands: [UInt64], fusedInvalid: Bool) -> Rounded? {
        func isSignaling(_ bits: UInt64) -> Bool {
            format.nonFinite == .ieee && format.isNaN(bits) && bits & (1 << UInt64(format.mantissaBits - 1)) == 0
        }
        func quiet(_ bits: UInt64) -> UInt64 {
            switch format.nonFinite {
            case .ieee: return bits | 1 << UInt64(format.mantissaBits - 1)
            case .nanNegativeZero: return format.signMask
            default: return bits
            }
        }
        guard let first = operands.first(where: format.isNaN) else { return nil }
        var flags: FloatFlags = operands.contains(where: isSignaling) ? .invalid : []
        if fusedInvalid { flags.insert(.invalid) }
        return Rounded(bits: quiet(first), flags: flags)
    }

    /// The oracle's answer, from hardware Double arithmetic (see ``DoubleOracle``).
    func doubleOracle(_ format: FloatFormat, _ operands: [UInt64], options: RoundingOptions) -> Rounded {
        doubleOracle(format, operands, values: operands.map(format.doubleValue), options: options)
    }

    /// As above, with the operands' values already converted (tests pass a per-format table).
    func doubleOracle(_ format: FloatFormat, _ operands: [UInt64], values: [Double], options: RoundingOptions) -> Rounded {
        if values.allSatisfy({ !$0.isNaN }) {
            // Fast path without NaN operands, the common case.
            return doubleOracleNumbers(format, operands, values: values, options: options)
        }
        let fusedInvalid = self == .fusedMultiplyAdd
            && !format.isNaN(operands[0]) && !format.isNaN(operands[1])
            && ((values[0].isInfinite && values[1] == 0) || (values[0] == 0 && values[1].isInfinite))
        if fusedInvalid && format.isNaN(operands[2]) {
            return Self.expectedNaN(format, [operands[2]], fusedInvalid: true)!
        }
        if let nan = Self.expectedNaN(format, operands, fusedInvalid: false) { return nan }
        return doubleOracleNumbers(format, operands, values: values, options: options)
    }

    private func doubleOracleNumbers(_ format: FloatFormat, _ operands: [UInt64], values: [Double], options: RoundingOptions) -> Rounded {
        var exact: Double
        switch self {
        case .add: exact = DoubleOracle.sum(values[0], values[1])
        case .subtract: exact = DoubleOracle.sum(values[0], -values[1])
        case .multiply: exact = DoubleOracle.product(values[0], values[1])
        case .divide: exact = DoubleOracle.quotient(values[0], values[1])
        case .squareRoot: exact = DoubleOracle.squareRoot(values[0])
        case .fusedMultiplyAdd: exact = DoubleOracle.fusedMultiplyAdd(values[0], values[1], values[2])
        default: preconditionFailure("no Double oracle for \(rawValue)")
        }
        if exact.isNaN { return Rounded(bits: format.nanBits ?? 0, flags: .invalid) }
        let convert = { (value: Double) -> Rounded in
            // The last rounding, from the 53-bit round-to-odd value to the format. nearestAway and
            // odd take MPFR's (derived from its own directions), so that nothing here ends in the
            // engine; the IEEE directions' float64 → format conversion is held to MPFR
            // exhaustively by MPFRConversionTests.
            if options.rounding == .nearestAway || options.rounding == .odd {
                return MPFRReference.round(MPFRValue(value), to: format, rounding: options.rounding,
                                           overflow: options.overflow, subnormals: options.subnormals)!
            }
            return FloatFormat.float64.convert(value.bitPattern, to: format, options: options)
        }
        if self == .divide && values[0].isFinite && values[1] == 0 {
            // ±∞, or the stand-in (with invalid) a format without infinity gives every infinity.
            let infinity = convert(exact)
            return Rounded(bits: infinity.bits, flags: infinity.flags.union(.divideByZero))
        }
        if exact == 0 && exact.sign == .plus && options.rounding == .down {
            // An exact zero sum of opposite-signed terms is −0 under `down` (IEEE 754 §6.3).
            let terms: [Double]
            switch self {
            case .add: terms = [values[0], values[1]]
            case .subtract: terms = [values[0], -values[1]]
            case .fusedMultiplyAdd: terms = [values[0] * values[1], values[2]]
            default: terms = []
            }
            if !terms.isEmpty && !terms.allSatisfy({ $0 == 0 && $0.sign == .plus }) { exact = -0.0 }
        }
        return convert(exact)
    }
}
