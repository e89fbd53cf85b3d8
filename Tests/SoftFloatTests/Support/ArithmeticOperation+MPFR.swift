import MPFRReference
import SoftFloat

extension ArithmeticOperation {
    /// MPFR's answer, or nil for stochastic rounding.
    func mpfrOracle(_ format: FloatFormat, _ operands: [UInt64], options: RoundingOptions) -> Rounded? {
        MPFRReference.evaluate(self, operands, format: format, rounding: options.rounding,
                               overflow: options.overflow, subnormals: options.subnormals)
    }

    /// True when the engine agrees with MPFR. NaN results compare by NaN-ness and flags only:
    /// the reference returns the canonical NaN, while the engine keeps the first NaN's payload
    /// (``NaNPropagation``, checked against its own restatement in the Double-oracle tests).
    ///
    /// One documented difference: fma(0, ∞, qNaN) raises `invalid` in the engine (as in
    /// Berkeley SoftFloat and on ARM; IEEE 754 §7.2 leaves it to the implementation) but not
    /// in the reference, so `invalid` is ignored for that case.
    func agrees(_ got: Rounded, _ expected: Rounded, operands: [UInt64], format: FloatFormat) -> Bool {
        var expected = expected
        if self == .fusedMultiplyAdd && Self.isZeroTimesInfinity(operands, format: format) { expected.flags.insert(.invalid) }
        if format.isNaN(expected.bits) { return format.isNaN(got.bits) && got.flags == expected.flags }
        return got == expected
    }

    static func isZeroTimesInfinity(_ operands: [UInt64], format: FloatFormat) -> Bool {
        let classes = operands.prefix(2).map(format.classify)
        return classes.contains(.zero) && classes.contains(.infinity)
    }
}
