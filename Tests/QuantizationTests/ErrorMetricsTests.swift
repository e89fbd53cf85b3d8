import Foundation
import Testing
@testable import Quantization

@Suite struct ErrorMetricsTests {
    /// x = [3, 4], x̂ = [3, 3]: error [0, 1].
    @Test func formulasByHand() {
        let m = ErrorMetrics(reference: [3, 4], approximation: [3, 3], clampedCount: 2, bitsPerParameter: 8.25)
        #expect(m.meanSquaredError == 0.5)                 // (0² + 1²) / 2
        #expect(m.rootMeanSquaredError == 0.5.squareRoot())
        #expect(m.maxAbsoluteError == 1)
        #expect(m.sqnr == 20 * log10(5.0))                 // ‖x‖ = 5, ‖x − x̂‖ = 1: 13.979… dB
        #expect(m.cosineSimilarity == 21 / (25 * 18.0).squareRoot())  // (9 + 12) / √(25 · 18)
        #expect(m.clampedCount == 2)
        #expect(m.bitsPerParameter == 8.25)
    }

    /// Halving the error adds 20·log10(2) ≈ 6.02 dB.
    @Test func sqnrScalesWithError() {
        let coarse = ErrorMetrics(reference: [1, 1, 1, 1], approximation: [1.5, 1, 1, 1])
        let fine = ErrorMetrics(reference: [1, 1, 1, 1], approximation: [1.25, 1, 1, 1])
        #expect(coarse.sqnr == 20 * log10(2 / 0.5))
        #expect(abs(fine.sqnr - coarse.sqnr - 20 * log10(2.0)) < 1e-12)
    }

    @Test func degenerateCases() {
        let exact = ErrorMetrics(reference: [1, -2], approximation: [1, -2])
        #expect(exact.sqnr == .infinity)
        #expect(exact.cosineSimilarity == 1)
        #expect(exact.meanSquaredError == 0)
        let zeros = ErrorMetrics(reference: [0, 0], approximation: [0, 0])
        #expect(zeros.sqnr == .infinity)
        #expect(zeros.cosineSimilarity == 1)
        let fromZero = ErrorMetrics(reference: [0, 0], approximation: [1, 0])
        #expect(fromZero.sqnr == -.infinity)
        #expect(fromZero.cosineSimilarity == 0)
        let opposite = ErrorMetrics(reference: [1, 0], approximation: [-1, 0])
        #expect(opposite.cosineSimilarity == -1)
    }

    /// The JSON rendering writes non-finite values as strings.
    @Test func json() {
        let m = ErrorMetrics(reference: [1], approximation: [1], clampedCount: 0, bitsPerParameter: 16)
        let text = m.json.rendered()
        #expect(text.contains("\"sqnr_db\": \"inf\""))
        #expect(text.contains("\"mse\": 0.0"))
        #expect(text.contains("\"bits_per_parameter\": 16.0"))
    }
}
