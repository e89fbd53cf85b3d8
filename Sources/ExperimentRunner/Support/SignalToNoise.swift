import ReportKit

/// Signal-to-quantization-noise ratios in dB with the logarithm of ``DeterministicMath`` (built
/// from + − × ÷ only), so the printed digits are the same on every machine. The Quantization
/// library's `ErrorMetrics.sqnr` uses the C library's `log10`, which may differ in the last
/// ulp between libm versions; reports use these instead.
///
///     SignalToNoise.sqnr(reference: [3, 4], approximation: [3, 3])   // 20·log10(5 / 1) ≈ 13.9794 dB
///     SignalToNoise.decibels(powerRatio: 100)                        // 10·log10(100) ≈ 20 dB
enum SignalToNoise {
    /// 20·log10(‖x‖₂ / ‖x − x̂‖₂), sums in element order; +∞ when x̂ = x, −∞ when x = 0 ≠ x̂
    /// (the conventions of `ErrorMetrics`).
    static func sqnr(reference: [Double], approximation: [Double]) -> Double {
        precondition(reference.count == approximation.count, "SQNR needs equally long vectors")
        var signal = 0.0
        var noise = 0.0
        for index in reference.indices {
            let x = reference[index]
            let difference = x - approximation[index]
            signal += x * x
            noise += difference * difference
        }
        return sqnr(signalEnergy: signal, noiseEnergy: noise)
    }

    /// 20·log10(√signal / √noise) from the two sums of squares.
    static func sqnr(signalEnergy: Double, noiseEnergy: Double) -> Double {
        if noiseEnergy == 0 { return .infinity }
        if signalEnergy == 0 { return -.infinity }
        return 20 * DeterministicMath.log10(signalEnergy.squareRoot() / noiseEnergy.squareRoot())
    }

    /// 10·log10(ratio) for a ratio of powers.
    static func decibels(powerRatio: Double) -> Double {
        10 * DeterministicMath.log10(powerRatio)
    }
}
