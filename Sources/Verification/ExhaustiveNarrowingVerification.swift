import FastKernels
import SoftFloat

/// Runs every float32 bit pattern (2^32 of them) through every float32 → `target` path of
/// ``FastPathRegistry`` (the Swift kernels, `BulkConversion` as `bench` runs it, the MX element
/// rounding on its domain, and the F16C or AVX2 bfloat16 C kernels with cached and streaming
/// stores where the CPU has them) and compares each code with the engine's scalar conversion
/// (``FastPath/engineCode(_:)``). For float16 the engine is also compared with the machine's own
/// `Float16(Float)` conversion. Each chunk writes the outputs at a different misalignment, so
/// all 16 head lengths of the streaming C kernels are covered.
///
/// Work is split into chunks of 2^20 consecutive patterns, spread over `threads` workers.
public struct ExhaustiveNarrowingVerification: Sendable {
    public struct Mismatch: Sendable, Hashable {
        public let input: UInt32
        public let bulk: UInt64
        public let expected: UInt64
        public let expectedName: String
    }

    public typealias Outcome = VerificationOutcome<Mismatch>

    public let target: FloatFormat
    public let threads: Int
    /// Which inputs to check: the full 2^32 by default; tests use a smaller range.
    public let chunkRange: Range<Int>

    public static let chunkSize = 1 << 20
    public static let chunkCount = (1 << 32) / chunkSize

    public init(target: FloatFormat, threads: Int, chunkRange: Range<Int> = 0..<chunkCount) {
        self.target = target
        self.threads = max(1, threads)
        self.chunkRange = chunkRange
    }

    /// The paths this check runs.
    public var paths: [FastPath] { FastPathRegistry.paths(from: .float32, to: target) }

    /// Runs the check; `progress` is called after each chunk with the fraction done.
    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> Outcome {
        let paths = paths
        let target = target
        let compareHardware = target == .float16
        let chunkRange = chunkRange
        return Outcome.collect(count: chunkRange.count, threads: threads, progress: progress) { slice, finished in
            let size = Self.chunkSize
            var input = [UInt32](repeating: 0, count: size)
            var output = [UInt8](repeating: 0, count: size * 8 + 160)
            var engine = [UInt64](repeating: 0, count: size)
            var local = Outcome()
            for chunk in slice.map({ chunkRange.lowerBound + $0 }) {
                let base = UInt32(truncatingIfNeeded: chunk * size)
                for index in 0..<size {
                    input[index] = base &+ UInt32(index)
                    engine[index] = FloatFormat.float32.convert(UInt64(input[index]), to: target).bits
                }
                for path in paths {
                    let standard = path.options == .standard
                    let misalignment = chunk % 16
                    input.withUnsafeBytes { source in
                        output.withUnsafeMutableBytes { bytes in
                            let aligned = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: bytes.baseAddress!) + 31) & ~31)!
                            let codes = aligned + misalignment * path.outputWidth
                            path.run(source.baseAddress!, into: codes, count: size)
                            for index in 0..<size where path.covers(UInt64(input[index])) {
                                let bulk = FastPath.load(from: UnsafeRawPointer(codes), index: index, width: path.outputWidth)
                                let expected = standard ? engine[index] : path.engineCode(UInt64(input[index]))
                                if bulk != expected {
                                    local.recordMismatch(Mismatch(input: input[index], bulk: bulk, expected: expected,
                                                                  expectedName: "scalar engine (bulk: \(path.name))"))
                                }
                            }
                        }
                    }
                }
                if compareHardware {
                    for index in 0..<size {
                        let hardware = Float16(Float(bitPattern: input[index]))
                        let agrees = hardware.isNaN ? FloatFormat.float16.isNaN(engine[index]) : UInt64(hardware.bitPattern) == engine[index]
                        if !agrees {
                            local.recordHardwareMismatch(Mismatch(input: input[index], bulk: engine[index], expected: UInt64(hardware.bitPattern),
                                                                  expectedName: "hardware Float16 (against the scalar engine)"))
                        }
                    }
                }
                local.checked += UInt64(size)
                finished()
            }
            return local
        }
    }
}
