import FastKernels
import MPFRReference
import SoftFloat

/// Random float32 and float64 inputs converted to a format by the engine and by MPFR's
/// emulation, in every MPFR direction and both overflow policies; bits and flags must agree.
///
/// Half the inputs are raw bit patterns (specials included), half are values near the target's
/// range, so rounding, underflow and overflow are all exercised. MPFR's RNDA (away from zero)
/// is the engine's `up` for positive inputs and `down` for negative ones.
public struct ConversionVerification: Sendable {
    public let target: FloatFormat
    public let count: Int
    public let threads: Int
    public let seed: UInt64

    public init(target: FloatFormat, count: Int, threads: Int, seed: UInt64 = 2026) {
        self.target = target
        self.count = max(1, count)
        self.threads = max(1, threads)
        self.seed = seed
    }

    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> PairVerification.Outcome {
        let target = target
        let chunk = 10_000
        let chunks = (count + chunk - 1) / chunk
        let seed = seed
        let count = count
        return PairVerification.Outcome.collect(count: chunks, threads: threads, progress: progress) { slice, finished in
            var local = PairVerification.Outcome()
            for index in slice {
                var random = SplitMix64(seed: seed &+ UInt64(index))
                for item in 0..<min(chunk, count - index * chunk) {
                    let source: FloatFormat = item % 2 == 0 ? .float64 : .float32
                    var bits = random.next() & source.codeMask
                    if item % 4 < 2 {
                        let span = UInt64(target.maxExponent - target.minNormalExponent + 8)
                        let exponent = Int(random.next() % span) + target.minNormalExponent - 6
                        let value = Double(sign: random.next() & 1 == 0 ? .plus : .minus, exponent: exponent,
                                           significand: 1 + Double(random.next() >> 11) * 0x1p-53)
                        bits = source == .float64 ? value.bitPattern : UInt64(Float(value).bitPattern)
                    }
                    let negative = source.fields(of: bits).negative
                    for direction in MPFRRounding.allCases {
                        for overflow in [OverflowPolicy.default, .saturate] {
                            let oracle = MPFRReference.convert(bits: bits, from: source, to: target, direction: direction, overflow: overflow)
                            let mode = direction.engineMode(negative: negative)
                            let ours = source.convert(bits, to: target, options: RoundingOptions(rounding: mode, overflow: overflow))
                            local.checked += 1
                            let agrees = target.isNaN(oracle.bits) ? target.isNaN(ours.bits) && ours.flags == oracle.flags : ours == oracle
                            if !agrees {
                                local.recordMismatch("\(source.name) \(source.hexString(bits)) \(direction.rawValue) \(overflow): engine \(target.hexString(ours.bits)) [\(ours.flags)], MPFR \(target.hexString(oracle.bits)) [\(oracle.flags)]")
                            }
                        }
                    }
                }
                finished()
            }
            return local
        }
    }
}
