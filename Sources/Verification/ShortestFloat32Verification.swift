import SoftFloat

/// Prints every float32 bit pattern (2^32 of them) with the lab's float32 shortest-digit
/// printer (``SoftFloat/FloatFormat/appendPrintedDecimal(_:to:)``, SoftFloat's
/// `Float32ShortestDecimal`) and compares the bytes with Swift's own `Float.description`
/// laid out again in the lab's layout (SoftFloat's `ShortestDecimal.systemFloat32String`, the
/// printer it replaced); zeros, infinities and NaNs with the engine's words.
///
///     ShortestFloat32Verification(threads: 2).run().mismatches   // 0 (2^32 checked)
///
/// Work is split into chunks of 2^20 consecutive patterns, spread over `threads` workers.
public struct ShortestFloat32Verification: Sendable {
    public struct Mismatch: Sendable, Hashable {
        public let input: UInt32
        public let printed: String
        public let expected: String
    }

    public typealias Outcome = VerificationOutcome<Mismatch>

    public let threads: Int
    /// Which chunks of 2^20 patterns to check: all 4096 by default; tests use a few.
    public let chunkRange: Range<Int>

    public static let chunkSize = 1 << 20
    public static let chunkCount = (1 << 32) / chunkSize

    public init(threads: Int, chunkRange: Range<Int> = 0..<chunkCount) {
        self.threads = max(1, threads)
        self.chunkRange = chunkRange
    }

    /// Runs the check; `progress` is called after each chunk with the fraction done.
    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> Outcome {
        let chunkRange = chunkRange
        return Outcome.collect(count: chunkRange.count, threads: threads, progress: progress) { slice, finished in
            var local = Outcome()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(64)
            for chunk in slice.map({ chunkRange.lowerBound + $0 }) {
                let base = UInt32(truncatingIfNeeded: chunk * Self.chunkSize)
                for index in 0..<UInt32(Self.chunkSize) {
                    let bits = base &+ index
                    bytes.removeAll(keepingCapacity: true)
                    FloatFormat.float32.appendPrintedDecimal(UInt64(bits), to: &bytes)
                    var expected = ShortestDecimal.systemFloat32String(bits)
                    let agrees = expected.withUTF8 { $0.elementsEqual(bytes) }
                    if !agrees {
                        local.recordMismatch(Mismatch(input: bits, printed: String(decoding: bytes, as: UTF8.self), expected: expected))
                    }
                }
                local.checked += UInt64(Self.chunkSize)
                finished()
            }
            return local
        }
    }
}
