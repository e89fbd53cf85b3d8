import CMPFR
import MPFRReference
import SoftFloat
import Testing
@testable import MatrixUnits

/// The exact dot product the experiments measure against, checked against MPFR: the sum of
/// the products computed with 2400-bit MPFR values (exact for these formats), rounded once to
/// float64, must be the same double bit for bit.
@Suite struct ExactDotProductTests {
    /// Codes across each format's whole range: random bit patterns (finite ones kept), so
    /// subnormals, the largest values and both signs all occur; every fourth dot product is
    /// built to cancel (the second half negates the first, one product perturbed).
    @Test(arguments: [FloatFormat.float16, .bfloat16, .float8_e4m3fn, .float8_e5m2, .float32])
    func matchesMPFR(format: FloatFormat) {
        var random = SplitMix64(seed: 41)
        var checked = 0
        for trial in 0..<200 {
            let k = 1 + Int(random.next() % 64)
            func finiteCode() -> UInt64 {
                while true {
                    let code = random.next() & format.codeMask
                    if format.classify(code) != .nan && format.classify(code) != .infinity { return code }
                }
            }
            var a = (0..<k).map { _ in finiteCode() }, b = (0..<k).map { _ in finiteCode() }
            if trial % 4 == 0 {
                a += a.map { $0 ^ format.signMask }
                b += b
                b[b.count - 1] = finiteCode()
            }
            var exact = ExactDotProduct()
            let sum = MPFRValue(precision: 2400)
            let product = MPFRValue(precision: 2400)
            let target = UnsafeMutablePointer(mutating: sum.withUnsafeMPFRPointer { $0 })
            let scratch = UnsafeMutablePointer(mutating: product.withUnsafeMPFRPointer { $0 })
            mpfr_set_zero(target, 1)
            for (x, y) in zip(a, b) {
                exact.addProduct(x, format, y, format)
                let left = MPFRValue(bits: x, format: format), right = MPFRValue(bits: y, format: format)
                left.withUnsafeMPFRPointer { l in right.withUnsafeMPFRPointer { r in _ = mpfr_mul(scratch, l, r, MPFR_RNDN) } }
                #expect(mpfr_add(target, target, scratch, MPFR_RNDN) == 0, "MPFR sum inexact")
            }
            let expected = mpfr_get_d(target, MPFR_RNDN)
            #expect(exact.double.bitPattern == expected.bitPattern || (exact.double == 0 && expected == 0),
                    "\(format.name) trial \(trial): \(exact.double) vs MPFR \(expected)")
            checked += 1
        }
        #expect(checked == 200)
    }

    @Test func relativeErrorIsComputedMinusExactOverExact() {
        var exact = ExactDotProduct()
        exact.addProduct(0x3c01, .float16, 0x3c01, .float16)   // (1 + 2^-10)² = 1 + 2^-9 + 2^-20
        exact.add(0xbc00, .float16)                             // − 1 → 2^-9 + 2^-20
        #expect(exact.double == 0x1p-9 + 0x1p-20)
        // 2^-9 (float32 0x3b000000) is short by 2^-20: relative error −2^-20 / (2^-9 + 2^-20) = −1/2049.
        #expect(exact.relativeError(of: 0x3b00_0000, in: .float32) == -1.0 / 2049)
        #expect(ExactDotProduct().relativeError(of: 0, in: .float32).isNaN)
        #expect(exact.relativeError(of: 0x7f80_0000, in: .float32) == .infinity)
    }
}
