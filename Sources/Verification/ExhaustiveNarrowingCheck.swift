import Dispatch
import CNarrowingKernels
import FastKernels
import SoftFloat

/// Runs every float32 bit pattern (2^32 of them) through the bulk path ``Float32Narrowing``
/// and compares each code with the scalar engine; for float16 also with the machine's own
/// `Float16(Float)` conversion. Where float16 runs on F16C, or bfloat16 on the AVX2 C kernel,
/// both C kernels are checked: the cached one and the streaming one (written at a different
/// misalignment in every chunk, so each of its 16 possible head lengths is covered).
///
/// Work is split into chunks of 2^20 consecutive patterns, spread over `threads` workers.
public struct ExhaustiveNarrowingCheck: Sendable {
    public struct Mismatch: Sendable, Hashable {
        public let input: UInt32
        public let bulk: UInt64
        public let reference: UInt64
        public let referenceName: String
    }

    public struct Outcome: Sendable {
        public var checked: UInt64 = 0
        public var mismatches: UInt64 = 0
        public var hardwareMismatches: UInt64 = 0
        public var examples: [Mismatch] = []
    }

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

    /// Runs the check; `progress` is called after each chunk with the fraction done.
    public func run(progress: @Sendable (Double) -> Void = { _ in }) -> Outcome {
        let narrowing = Float32Narrowing(target: target)
        let compareHardware = target == .float16
        let conversion = BulkConversion(format: target)
        let useF16C = conversion.usesF16C
        let useBF16 = conversion.usesBFloat16Kernel
        let useC = useF16C || useBF16
        let kernelName = useF16C ? "F16C" : "AVX2 bfloat16"
        let collector = OutcomeCollector()
        let chunks = Array(chunkRange)
        let done = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var input = [UInt32](repeating: 0, count: Self.chunkSize)
            var output = [UInt32](repeating: 0, count: Self.chunkSize)
            var halves = [UInt16](repeating: 0, count: useC ? Self.chunkSize : 0)
            var streamed = [UInt16](repeating: 0, count: useC ? Self.chunkSize + 16 : 0)
            var local = Outcome()
            for chunk in stride(from: worker, to: chunks.count, by: threads) {
                let base = UInt32(truncatingIfNeeded: chunks[chunk] * Self.chunkSize)
                for index in 0..<Self.chunkSize { input[index] = base &+ UInt32(index) }
                let streamOffset = chunks[chunk] % 16
                if useC {
                    // The bulk path on this CPU is a C kernel (F16C for float16, AVX2 for
                    // bfloat16): check both variants.
                    input.withUnsafeBufferPointer { source in
                        halves.withUnsafeMutableBufferPointer {
                            if useF16C {
                                precisionlab_f16c_narrow_cached(source.baseAddress, $0.baseAddress, Self.chunkSize)
                            } else {
                                precisionlab_bf16_narrow_cached(source.baseAddress, $0.baseAddress, Self.chunkSize)
                            }
                        }
                        streamed.withUnsafeMutableBufferPointer {
                            if useF16C {
                                precisionlab_f16c_narrow_streaming(source.baseAddress, $0.baseAddress! + streamOffset, Self.chunkSize)
                            } else {
                                precisionlab_bf16_narrow_streaming(source.baseAddress, $0.baseAddress! + streamOffset, Self.chunkSize)
                            }
                        }
                    }
                    for index in 0..<Self.chunkSize { output[index] = UInt32(halves[index]) }
                } else {
                    input.withUnsafeBufferPointer { source in
                        output.withUnsafeMutableBufferPointer { narrowing.convert(source, into: $0) }
                    }
                }
                for index in 0..<Self.chunkSize {
                    let bits = input[index]
                    let bulk = UInt64(output[index])
                    let scalar = FloatFormat.float32.convert(UInt64(bits), to: target).bits
                    if useC && UInt64(streamed[streamOffset + index]) != scalar {
                        local.mismatches += 1
                        if local.examples.count < 5 {
                            local.examples.append(Mismatch(input: bits, bulk: UInt64(streamed[streamOffset + index]), reference: scalar,
                                                           referenceName: "scalar engine (bulk: the streaming \(kernelName) kernel)"))
                        }
                    }
                    if bulk != scalar {
                        local.mismatches += 1
                        if local.examples.count < 5 {
                            local.examples.append(Mismatch(input: bits, bulk: bulk, reference: scalar, referenceName: "scalar engine"))
                        }
                    }
                    if compareHardware {
                        let hardware = Float16(Float(bitPattern: bits))
                        let agrees = hardware.isNaN ? FloatFormat.float16.isNaN(bulk) : UInt64(hardware.bitPattern) == bulk
                        if !agrees {
                            local.hardwareMismatches += 1
                            if local.examples.count < 5 {
                                local.examples.append(Mismatch(input: bits, bulk: bulk, reference: UInt64(hardware.bitPattern), referenceName: "hardware Float16"))
                            }
                        }
                    }
                }
                local.checked += UInt64(Self.chunkSize)
                progress(Double(done.increment()) / Double(chunks.count))
            }
            collector.add(local)
        }
        return collector.outcome
    }
}
