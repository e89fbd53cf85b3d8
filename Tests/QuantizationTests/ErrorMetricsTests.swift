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
        #expect(Self.close(m.sqnr, 20 * log10(5.0)))       // ‖x‖ = 5, ‖x − x̂‖ = 1: 13.979… dB
        #expect(m.cosineSimilarity == 21 / (25 * 18.0).squareRoot())  // (9 + 12) / √(25 · 18)
        #expect(m.clampedCount == 2)
        #expect(m.bitsPerParameter == 8.25)
    }

    /// Halving the error adds 20·log10(2) ≈ 6.02 dB.
    @Test func sqnrScalesWithError() {
        let coarse = ErrorMetrics(reference: [1, 1, 1, 1], approximation: [1.5, 1, 1, 1])
        let fine = ErrorMetrics(reference: [1, 1, 1, 1], approximation: [1.25, 1, 1, 1])
        #expect(Self.close(coarse.sqnr, 20 * log10(2 / 0.5)))
        #expect(abs(fine.sqnr - coarse.sqnr - 20 * log10(2.0)) < 1e-12)
    }

    /// The SQNR's logarithm is the lab's + − × ÷ one, not libm's: within a few ulps of libm
    /// (the independent oracle here), and the same bits on every machine.
    static func close(_ ours: Double, _ libm: Double) -> Bool {
        abs(ours - libm) <= 4 * libm.ulp
    }

    /// The reports' SQNR columns and the CLI's `quantize`/`matmul` metrics share this code:
    /// the energy form gives the same bits as the vector form.
    @Test func energyFormAgreesWithTheVectorForm() {
        let reference = [1.5, -2.25, 3, 0.125], approximation = [1.4, -2.3, 3.1, 0.1]
        var signal = 0.0, noise = 0.0
        for (x, y) in zip(reference, approximation) { signal += x * x; noise += (x - y) * (x - y) }
        let metrics = ErrorMetrics(reference: reference, approximation: approximation)
        #expect(metrics.sqnr.bitPattern == ErrorMetrics.sqnr(signalEnergy: signal, noiseEnergy: noise).bitPattern)
        #expect(Self.close(metrics.sqnr, 20 * log10(signal.squareRoot() / noise.squareRoot())))
        #expect(Self.close(ErrorMetrics.decibels(powerRatio: 12 * 127 * 127), 10 * log10(12.0 * 127 * 127)))
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
