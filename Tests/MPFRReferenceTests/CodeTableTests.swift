import MPFRReference
import SoftFloat
import Testing

/// Exhaustive checks over every code of the small formats: decoding is monotonic, encoding
/// inverts decoding, and every midpoint between neighbors rounds the way each mode says.
/// Every value and midpoint of these formats is exact in a Double.
@Suite struct CodeTableTests {
    static let smallFormats = FloatFormat.builtIn.filter { $0.bitWidth <= 8 }

    /// The non-NaN codes of a format with their values, sorted by value (−0 before +0).
    static func sortedCodes(_ format: FloatFormat) -> [(code: UInt64, value: Double)] {
        (UInt64(0)...format.codeMask).compactMap { code -> (code: UInt64, value: Double)? in
            let value = MPFRValue(bits: code, format: format)
            return value.isNaN ? nil : (code, value.doubleValue)
        }.sorted { ($0.value, $0.value.sign == .minus ? 0 : 1) < ($1.value, $1.value.sign == .minus ? 0 : 1) }
    }

    @Test(arguments: smallFormats)
    func codeCounts(_ format: FloatFormat) {
        let nanCount = (UInt64(0)...format.codeMask).filter { MPFRValue(bits: $0, format: format).isNaN }.count
        let expected: Int
        switch format.nonFinite {
        case .ieee: expected = 2 * (Int(format.mantissaMask) + 1) - 2    // all-ones exponent minus ±inf
        case .nanAllOnes: expected = format.isSigned ? 2 : 1             // 0x7f/0xff; 0xff for e8m0
        case .nanNegativeZero: expected = 1                              // 0x80
        case .finiteOnly: expected = 0
        }
        #expect(nanCount == expected)
    }

    @Test(arguments: smallFormats)
    func decodingIsMonotonicAndEncodingInvertsIt(_ format: FloatFormat) {
        let codes = Self.sortedCodes(format)
        for (lower, upper) in zip(codes, codes.dropFirst()) {
            let bothZero = lower.value == 0 && upper.value == 0
            #expect(lower.value < upper.value || bothZero, "\(hex(lower.code, format)) \(lower.value) ≥ \(hex(upper.code, format)) \(upper.value)")
        }
        #expect(codes.last!.code == format.maxFiniteBits || codes.last!.value.isInfinite)
        for (code, value) in codes {
            let rounded = MPFRReference.round(MPFRValue(value), to: format)!
            #expect(rounded == Rounded(bits: code), "\(hex(code, format)) = \(value) re-encodes as \(hex(rounded.bits, format)) [\(rounded.flags)]")
        }
    }

    /// For neighbors a < b, the midpoint goes to the even code under nearest-even (MPFR sends
    /// precision-1 ties away from zero), to a or b under the directed modes, and a hair above
    /// the midpoint always goes to b.
    @Test(arguments: smallFormats)
    func midpointsRoundByMode(_ format: FloatFormat) {
        let positives = Self.sortedCodes(format).filter { $0.value >= 0 && $0.value.isFinite && $0.code & format.signMask == 0 }
        for (lower, upper) in zip(positives, positives.dropFirst()) {
            let midpoint = (lower.value + upper.value) / 2
            let mantissaOf = { (code: UInt64) in code & format.mantissaMask }
            let even = format.mantissaBits == 0 ? upper.code : (mantissaOf(lower.code) & 1 == 0 ? lower.code : upper.code)
            let expectations: [(RoundingMode, UInt64)] = [(.nearestEven, even), (.towardZero, lower.code), (.down, lower.code), (.up, upper.code)]
            for (mode, expected) in expectations {
                let rounded = MPFRReference.round(MPFRValue(midpoint), to: format, rounding: mode)!
                #expect(rounded.bits == expected && rounded.flags.contains(.inexact),
                        "\(midpoint) \(mode) → \(hex(rounded.bits, format)), expected \(hex(expected, format))")
                if format.isSigned && (format.hasNegativeZero || expected != 0) {
                    // Mirror image: −midpoint under the mirrored mode gives the negated code.
                    let mirrored: RoundingMode = mode == .up ? .down : mode == .down ? .up : mode
                    let negative = MPFRReference.round(MPFRValue(-midpoint), to: format, rounding: mirrored)!
                    #expect(negative.bits == expected | format.signMask, "−\(midpoint) \(mirrored)")
                }
            }
            let above = MPFRReference.round(MPFRValue(midpoint.nextUp), to: format)!
            #expect(above.bits == upper.code, "\(midpoint.nextUp) → \(hex(above.bits, format))")
        }
    }

    /// float32 → bfloat16 against the classic bit trick: add 0x7fff plus the kept LSB, then
    /// drop the low 16 bits (round to nearest even, overflowing into infinity by itself).
    @Test func bfloat16MatchesBitTrick() {
        var sampler = CodeSampler(format: .float32, seed: 16)
        for _ in 0..<3000 {
            let bits = UInt32(sampler.next())
            guard !Float(bitPattern: bits).isNaN else { continue }
            let trick = (bits &+ 0x7fff &+ ((bits >> 16) & 1)) >> 16
            let rounded = MPFRReference.convert(bits: UInt64(bits), from: .float32, to: .bfloat16)!
            #expect(rounded.bits == UInt64(trick), "\(hex(UInt64(bits), .float32))")
            // Widening back is a 16-bit shift.
            let widened = MPFRReference.convert(bits: UInt64(trick), from: .bfloat16, to: .float32)!
            #expect(widened == Rounded(bits: UInt64(trick) << 16))
        }
    }
}
