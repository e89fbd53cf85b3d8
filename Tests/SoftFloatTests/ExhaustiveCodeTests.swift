import Foundation
import Testing
@testable import SoftFloat

/// Every code of every format of 16 bits or fewer: decoding against an independent formula,
/// the round trip through the rounding core, classification counts, and next up/down.
struct ExhaustiveCodeTests {
    static let smallFormats: [FloatFormat] = FloatFormat.builtIn.filter { $0.bitWidth <= 16 }
        + ["e2m1", "e3m2fnuz", "e5m2:bias=16", "e6m9", "e1m2fn"].map { try! FloatFormat.named($0) }

    /// The value of a code by the textbook formula, in Double, independently of `decode`.
    static func formulaValue(_ bits: UInt64, _ format: FloatFormat) -> Double? {
        let m = format.mantissaBits
        let mantissa = Double(bits & format.mantissaMask)
        let biased = Int((bits >> UInt64(m)) & format.exponentFieldMask)
        let sign: Double = format.isSigned && bits & format.signMask != 0 ? -1 : 1
        let allOnes = (1 << format.exponentBits) - 1
        switch format.nonFinite {
        case .ieee where biased == allOnes:
            return mantissa == 0 ? sign * .infinity : nil
        case .nanAllOnes where bits & format.magnitudeMask == format.magnitudeMask:
            return nil
        case .nanNegativeZero where bits == format.signMask:
            return nil
        default: break
        }
        if biased == 0 && format.hasZero {
            return sign * mantissa * pow(2, Double(1 - format.bias - m))
        }
        return sign * (1 + mantissa / pow(2, Double(m))) * pow(2, Double(biased - format.bias))
    }

    @Test(arguments: smallFormats)
    func decodeMatchesFormulaAndRoundTrips(format: FloatFormat) {
        for bits in 0...format.codeMask {
            let expected = Self.formulaValue(bits, format)
            let value = format.doubleValue(bits)
            guard let expected else {
                #expect(format.classify(bits) == .nan, "\(format.hexString(bits)) should be NaN")
                #expect(value.isNaN)
                continue
            }
            #expect(value == expected && value.sign == expected.sign, "\(format.name) \(format.hexString(bits)): decoded \(value), formula \(expected)")
            let back = FloatFormat.float64.convert(Double(value).bitPattern, to: format)
            #expect(back.bits == bits && back.flags.isEmpty,
                    "\(format.name) \(format.hexString(bits)) → \(value) → \(format.hexString(back.bits)) \(back.flags)")
            let fields = format.fields(of: bits)
            #expect(format.encode(fields) == bits)
        }
    }

    @Test(arguments: smallFormats)
    func classificationCounts(format: FloatFormat) {
        var counts: [FloatClass: UInt64] = [:]
        for bits in 0...format.codeMask { counts[format.classify(bits), default: 0] += 1 }
        let m = UInt64(format.mantissaBits)
        let signs: UInt64 = format.isSigned ? 2 : 1
        let exponents = UInt64(1) << UInt64(format.exponentBits)
        switch format.nonFinite {
        case .ieee:
            #expect(counts[.zero] == 2)
            #expect(counts[.subnormal] == 2 * ((1 << m) - 1))
            #expect(counts[.infinity] == 2)
            #expect(counts[.nan] == 2 * ((1 << m) - 1))
            #expect(counts[.normal] == 2 * (exponents - 2) << m)
        case .nanAllOnes:
            #expect(counts[.nan] == signs)
            #expect(counts[.infinity] == nil)
        case .nanNegativeZero:
            #expect(counts[.nan] == 1)
            #expect(counts[.zero] == 1)
            #expect(counts[.infinity] == nil)
        case .finiteOnly:
            #expect(counts[.nan] == nil && counts[.infinity] == nil)
            #expect(counts[.zero] == 2)
        }
    }

    @Test(arguments: smallFormats)
    func nextUpAndNextDownWalkTheSortedValues(format: FloatFormat) {
        // Sort all non-NaN codes by value; ±0 share a value, the walk uses +0.
        var codes = (0...format.codeMask).filter { !format.classify($0).isNaNClass }
        codes.sort { format.doubleValue($0) < format.doubleValue($1) }
        var distinct: [UInt64] = []
        for code in codes where distinct.last.map({ format.doubleValue($0) != format.doubleValue(code) }) ?? true {
            distinct.append(code)
        }
        for (index, code) in distinct.enumerated() where index + 1 < distinct.count {
            let up = format.nextUp(code)
            #expect(format.doubleValue(up) == format.doubleValue(distinct[index + 1]),
                    "\(format.name) nextUp(\(format.hexString(code))) = \(format.hexString(up))")
            let down = format.nextDown(distinct[index + 1])
            #expect(format.doubleValue(down) == format.doubleValue(code),
                    "\(format.name) nextDown(\(format.hexString(distinct[index + 1]))) = \(format.hexString(down))")
        }
        if let nan = format.nanBits {
            #expect(format.classify(format.nextUp(nan)) == .nan)
        }
    }
}

extension FloatClass {
    var isNaNClass: Bool { self == .nan }
}
