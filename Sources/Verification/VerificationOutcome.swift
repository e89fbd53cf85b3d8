/// What a verification found: how many results were compared, how many disagreed, and the
/// first five disagreements as examples (the one outcome of `verify`'s checks).
///
///     var outcome = VerificationOutcome<String>()
///     outcome.checked += 1
///     outcome.recordMismatch("add(0x01, 0x02) RNDN: engine 0x03, MPFR 0x04")
///     outcome.mismatches   // 1
public struct VerificationOutcome<Example: Sendable>: MergeableOutcome {
    /// How many examples an outcome keeps.
    public static var exampleLimit: Int { 5 }

    public var checked: UInt64 = 0
    public var mismatches: UInt64 = 0
    /// Exhaustive float16 only: inputs where the machine's own `Float16(Float)` conversion
    /// disagrees with the engine (0 elsewhere).
    public var hardwareMismatches: UInt64 = 0
    public var examples: [Example] = []
    /// Pair verification only: the wrapping sum of one hash per checked case (operands,
    /// direction, the engine's bits and flags), so it does not depend on the order of the
    /// cases and the checksums of disjoint shards add up to the checksum of their union.
    public var checksum: UInt64 = 0

    public init() {}

    /// Counts one mismatch and keeps it while fewer than five examples are kept.
    public mutating func recordMismatch(_ example: @autoclosure () -> Example) {
        mismatches += 1
        if examples.count < Self.exampleLimit { examples.append(example()) }
    }

    /// Counts one disagreement of the hardware conversion, kept as an example like a mismatch.
    public mutating func recordHardwareMismatch(_ example: @autoclosure () -> Example) {
        hardwareMismatches += 1
        if examples.count < Self.exampleLimit { examples.append(example()) }
    }

    /// Adds another worker's counts; keeps the first five examples.
    public mutating func merge(_ part: Self) {
        checked += part.checked
        mismatches += part.mismatches
        hardwareMismatches += part.hardwareMismatches
        checksum &+= part.checksum
        examples += part.examples.prefix(max(0, Self.exampleLimit - examples.count))
    }
}
