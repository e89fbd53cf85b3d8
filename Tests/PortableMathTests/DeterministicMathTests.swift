import Foundation
import PortableMath
import SoftFloat
import Testing

/// The + − × ÷ logarithms held to the C library's (an independent implementation): exact on
/// powers of two, and within a few ulps everywhere on positive normal doubles of every exponent.
@Suite("Deterministic logarithms")
struct DeterministicMathTests {
    @Test(arguments: -1074...1023)
    func log2IsExactOnPowersOfTwo(_ exponent: Int) {
        let x = Double(sign: .plus, exponent: exponent, significand: 1)
        #expect(DeterministicMath.log2(x) == Double(exponent))
    }

    /// 10 000 positive doubles spread over every exponent, drawn from SplitMix64.
    static let samples: [Double] = {
        var random = SplitMix64(seed: 9)
        return (0..<10_000).map { _ in Double(bitPattern: (random.next() >> 2) | 0x0010_0000_0000_0000) }
            .filter { $0.isFinite && $0 > 0 }
    }()

    /// |ours − libm| in units of the last place of libm's result.
    static func ulps(_ ours: Double, _ libm: Double) -> Double {
        abs(ours - libm) / libm.ulp
    }

    @Test func log10MatchesLibmClosely() {
        for x in Self.samples + [1e-300, 3e-7, 0.1, 2.5, 1000, 65504, 1.7976931348623157e308, 0x1p-1074] {
            let ours = DeterministicMath.log10(x), libm = Foundation.log10(x)
            #expect(Self.ulps(ours, libm) <= 3, "log10(\(x)) = \(ours), libm \(libm)")
        }
    }

    @Test(arguments: [(100.0, 2.0), (1e-5, -5.0), (65504, 4.816267820982412), (0.5, -0.3010299956639812)])
    func log10WorkedValues(_ x: Double, _ expected: Double) {
        #expect(abs(DeterministicMath.log10(x) - expected) <= 2 * expected.magnitude.ulp, "log10(\(x)) = \(DeterministicMath.log10(x))")
    }

    @Test func naturalLogIsWithinTwoUlpsOfLibm() {
        for x in Self.samples {
            let ours = DeterministicMath.naturalLog(x), libm = Foundation.log(x)
            #expect(abs(ours - libm) <= 2 * libm.ulp, "ln(\(x)) = \(ours), libm \(libm)")
        }
    }

    @Test func specialValues() {
        #expect(DeterministicMath.log10(0) == -.infinity)
        #expect(DeterministicMath.log10(-1).isNaN)
        #expect(DeterministicMath.log10(.nan).isNaN)
        #expect(DeterministicMath.log10(.infinity) == .infinity)
        #expect(DeterministicMath.naturalLog(1) == 0)
    }

    @Test(arguments: -1074...1023)
    func exp2IsExactOnIntegers(_ exponent: Int) {
        #expect(DeterministicMath.exp2(Double(exponent)) == Double(sign: .plus, exponent: exponent, significand: 1))
    }

    /// exp2 and exp held to libm on [−60, 60] (the lab uses them for random magnitudes).
    @Test func exponentialsMatchLibmClosely() {
        var random = SplitMix64(seed: 4)
        for _ in 0..<10_000 {
            let x = (Double(random.next() >> 11) * 0x1p-53 - 0.5) * 120
            #expect(Self.ulps(DeterministicMath.exp2(x), Foundation.exp2(x)) <= 3, "exp2(\(x))")
            #expect(Self.ulps(DeterministicMath.exp(x), Foundation.exp(x)) <= 200, "exp(\(x))")
        }
        #expect(DeterministicMath.exp2(2000) == .infinity)
        #expect(DeterministicMath.exp2(-2000) == 0)
        #expect(Self.ulps(DeterministicMath.exp2(0.5), 1.4142135623730951) <= 1)
        #expect(DeterministicMath.exp2(0.5) == 1.414213562373095)   // the documented value, pinned
    }
}
