import ArgumentParser
import SoftFloat

/// The rounding options shared by `inspect` and `convert`.
struct RoundingArguments: ParsableArguments {
    @Option(help: "Rounding mode.")
    var rounding: RoundingMode = .nearestEven

    @Option(help: ArgumentHelp(
        "Overflow policy.",
        discussion: "default: the format's own behaviour (IEEE: ±inf, fn/fnuz: NaN, finite-only: ±max); saturate: ±max finite."))
    var overflow: OverflowPolicy = .default

    @Option(help: "Subnormal policy: keep (gradual underflow) or flush (tiny results become ±0).")
    var subnormals: SubnormalPolicy = .keep

    @Option(help: "Seed of the generator used by stochastic rounding (SplitMix64).")
    var seed: UInt64 = 0

    var options: RoundingOptions {
        RoundingOptions(rounding: rounding, overflow: overflow, subnormals: subnormals)
    }
}
