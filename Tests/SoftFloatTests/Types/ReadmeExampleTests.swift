import Testing
import SoftFloat

/// The README's snippet for the soft-float types, compiled and checked.
struct ReadmeExampleTests {
    @Test func explicitRoundingAndFlags() {
        let a: BFloat16 = 1, b: BFloat16 = 0.00390625            // 2^-8
        let (sum, flags) = a.adding(b, rounding: .towardZero)     // 1.0, [.inexact]
        #expect(sum == 1)
        #expect(flags == .inexact)
        #expect(a + b == 1)                                       // a tie: nearest-even keeps 1
        let x = Float8E4M3FN(bitPattern: 0x7e)                    // 448, the largest finite value
        #expect(x.doubleValue == 448)
    }
}
