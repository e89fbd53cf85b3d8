import ArgumentParser
import SoftFloat

/// The rounding options shared by `inspect` and `convert`.
struct RoundingArguments: ParsableArguments {
    @Option(help: ArgumentHelp("Rounding mode; inspect also takes all (every mode but stochastic, one row each).", valueName: "rounding"))
    var rounding: RoundingSelection = .mode(.nearestEven)

    @Option(help: ArgumentHelp(
        "Overflow policy.",
        discussion: "default: the format's own behaviour (IEEE: ±inf, fn/fnuz: NaN, finite-only: ±max); saturate: ±max finite."))
    var overflow: OverflowPolicy = .default

    @Option(help: "Subnormal policy: keep (gradual underflow) or flush (tiny results become ±0).")
    var subnormals: SubnormalPolicy = .keep

    @Option(help: "Seed of the generator used by stochastic rounding (SplitMix64).")
    var seed: UInt64 = 0

    /// The options of the one mode (nearest-even for `all`, whose modes `inspect` sets itself).
    var options: RoundingOptions {
        RoundingOptions(rounding: rounding.mode ?? .nearestEven, overflow: overflow, subnormals: subnormals)
    }

    /// convert and arith round with one mode: `--rounding all` is a usage error there.
    func requireOneMode() throws {
        if rounding == .all { throw ValidationError("--rounding all applies to inspect only; choose one mode") }
    }
}
