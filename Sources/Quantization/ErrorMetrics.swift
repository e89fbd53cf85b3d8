import PortableMath

/// How far an approximation x̂ is from a reference x, computed in float64 (`Double`
/// arithmetic, sums in element order, no compensation). The lab's one home for error measures
/// of a vector: the CLI's `quantize`/`matmul` metrics and the reports' SQNR columns both come
/// from here, so they agree to the last bit.
///
///     let m = ErrorMetrics(reference: [3, 4], approximation: [3, 3])
///     m.meanSquaredError      // (0² + 1²) / 2 = 0.5
///     m.rootMeanSquaredError  // √0.5 ≈ 0.7071067811865476
///     m.maxAbsoluteError      // 1
///     m.sqnr                  // 20·log10(‖x‖ / ‖x − x̂‖) = 20·log10(5 / 1) ≈ 13.979400086720375 dB
///     m.cosineSimilarity      // (9 + 12) / √(25 · 18) ≈ 0.9899494936611665
///
/// Conventions for the degenerate cases: SQNR is +∞ when x̂ = x exactly (and −∞ when x = 0
/// but x̂ ≠ 0); the cosine similarity is 1 when both vectors are zero and 0 when exactly one is.
///
/// Decibels use ``DeterministicMath/log10(_:)`` (+ − × ÷ only), never the C library's
/// `log10`, whose last ulp differs between glibc, musl and Darwin: the printed SQNR is the
/// same on every machine.
public struct ErrorMetrics: Sendable, Hashable {
    public let count: Int
    /// MSE = Σ(x − x̂)² / n.
    public let meanSquaredError: Double
    /// RMSE = √MSE.
    public let rootMeanSquaredError: Double
    /// max |x − x̂|.
    public let maxAbsoluteError: Double
    /// SQNR in dB = 20·log10(‖x‖₂ / ‖x − x̂‖₂), see ``sqnr(signalEnergy:noiseEnergy:)``.
    public let sqnr: Double
    /// ⟨x, x̂⟩ / (‖x‖₂ ‖x̂‖₂), evaluated as ⟨x, x̂⟩ / √(‖x‖₂² ‖x̂‖₂²).
    public let cosineSimilarity: Double
    /// Values that fell outside the target's range and were clamped or saturated.
    public var clampedCount: Int
    /// Storage bits per element, scales and zero points included.
    public var bitsPerParameter: Double

    public init(reference: [Double], approximation: [Double], clampedCount: Int = 0, bitsPerParameter: Double = .nan) {
        precondition(reference.count == approximation.count, "metrics need equally long vectors")
        self.init(count: reference.count, clampedCount: clampedCount, bitsPerParameter: bitsPerParameter) { reference[$0] } approximation: { approximation[$0] }
    }

    /// The same measures of float32 vectors (each element widened to `Double` exactly), without
    /// building `Double` copies: the model reports measure tensors of millions of elements.
    ///
    ///     ErrorMetrics(float32: [3, 4], approximation: [3, 3]).sqnr   // ≈ 13.979400086720375
    public init(float32 reference: [Float], approximation: [Float], clampedCount: Int = 0, bitsPerParameter: Double = .nan) {
        precondition(reference.count == approximation.count, "metrics need equally long vectors")
        self = reference.withUnsafeBufferPointer { x in
            approximation.withUnsafeBufferPointer { y in
                ErrorMetrics(count: x.count, clampedCount: clampedCount, bitsPerParameter: bitsPerParameter) { Double(x[$0]) } approximation: { Double(y[$0]) }
            }
        }
    }

    /// The one loop: every measure in float64, sums in element order.
    @inline(__always)
    init(count: Int, clampedCount: Int, bitsPerParameter: Double, reference: (Int) -> Double, approximation: (Int) -> Double) {
        var squaredError = 0.0
        var maximum = 0.0
        var referenceSquares = 0.0
        var approximationSquares = 0.0
        var dot = 0.0
        for index in 0..<count {
            let x = reference(index)
            let y = approximation(index)
            let difference = x - y
            squaredError += difference * difference
            maximum = Swift.max(maximum, abs(difference))
            referenceSquares += x * x
            approximationSquares += y * y
            dot += x * y
        }
        self.count = count
        meanSquaredError = count == 0 ? 0 : squaredError / Double(count)
        rootMeanSquaredError = meanSquaredError.squareRoot()
        maxAbsoluteError = maximum
        let referenceNorm = referenceSquares.squareRoot()
        sqnr = Self.sqnr(signalEnergy: referenceSquares, noiseEnergy: squaredError)
        let approximationNorm = approximationSquares.squareRoot()
        if referenceNorm == 0 && approximationNorm == 0 {
            cosineSimilarity = 1
        } else if referenceNorm == 0 || approximationNorm == 0 {
            cosineSimilarity = 0
        } else {
            cosineSimilarity = dot / (referenceSquares * approximationSquares).squareRoot()
        }
        self.clampedCount = clampedCount
        self.bitsPerParameter = bitsPerParameter
    }

    /// 20·log10(√signal / √noise) dB from the two sums of squares Σx² and Σ(x − x̂)²: +∞
    /// when the noise is 0, −∞ when the signal is 0 and the noise is not.
    ///
    ///     ErrorMetrics.sqnr(signalEnergy: 25, noiseEnergy: 1)   // 20·log10(5) ≈ 13.979400086720375
    public static func sqnr(signalEnergy: Double, noiseEnergy: Double) -> Double {
        if noiseEnergy == 0 { return .infinity }
        if signalEnergy == 0 { return -.infinity }
        return 20 * DeterministicMath.log10(signalEnergy.squareRoot() / noiseEnergy.squareRoot())
    }

    /// 10·log10(ratio) dB for a ratio of powers (a predicted SQNR, a gain).
    ///
    ///     ErrorMetrics.decibels(powerRatio: 100)   // 20.0
    public static func decibels(powerRatio: Double) -> Double {
        10 * DeterministicMath.log10(powerRatio)
    }
}
