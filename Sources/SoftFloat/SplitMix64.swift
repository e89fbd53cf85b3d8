/// The lab's own seeded generator, SplitMix64 (Steele, Lea & Flood 2014): a 64-bit counter
/// advanced by the golden-ratio increment and finalised by two xor-shift-multiply rounds.
///
/// Used for stochastic rounding and for every random input in experiments, so results depend
/// only on the seed, never on the platform's generator.
///
///     var random = SplitMix64(seed: 0)
///     random.next()   // 0xe220a8397b1dcdaf
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The generator's name before it was named for its algorithm; kept so existing code compiles.
@available(*, deprecated, renamed: "SplitMix64")
public typealias StochasticRandom = SplitMix64
