import CNarrowingKernels
import SoftFloat

/// Bulk conversions between float32 buffers and any built-in format, on the fast paths:
/// the F16C instruction for float32 → float16 where the CPU has it (runtime check; a C kernel,
/// since Swift cannot compile one function for extra CPU features; from 4 MiB of output on it
/// writes with streaming stores, which skip reading the destination into the cache: 0.14
/// ns/element instead of 0.17 on 2^26 elements), an AVX2 C kernel for float32 → bfloat16
/// where the CPU has AVX2 (runtime check; streaming stores from 4 MiB of output on, like
/// float16's), ``Float32Narrowing`` for float32 → F otherwise, ``WideningTable`` for F → float32 (F ≤ 16 bits),
/// bit shifts for tf32 and the machine's own conversion for float64. Codes of F are stored in
/// `UInt32` lanes here only for the API; the benchmarks use the natural 1-, 2- or 4-byte width.
public struct BulkConversion: @unchecked Sendable {
    public let format: FloatFormat
    let narrowing: Float32Narrowing
    let widening: WideningTable?

    /// True when float32 → float16 runs on the F16C instruction (checked once at run time).
    public static let hasF16C = precisionlab_has_f16c() != 0

    /// Whether this conversion's float32 → F path is the F16C kernel.
    public var usesF16C: Bool { format == .float16 && Self.hasF16C }

    /// True when the CPU has AVX2 (checked once at run time), for the bfloat16 C kernel.
    public static let hasAVX2 = precisionlab_has_avx2() != 0

    /// Whether this conversion's float32 → F path is the AVX2 bfloat16 C kernel (else the
    /// Swift kernel `Float32Narrowing.narrowBFloat16`, which gives the same bits).
    public var usesBFloat16Kernel: Bool { format == .bfloat16 && Self.hasAVX2 }

    public init(format: FloatFormat) {
        self.format = format
        narrowing = Float32Narrowing(target: format)
        widening = format.bitWidth <= 16 ? WideningTable(source: format) : nil
    }

    /// Bytes one code occupies in memory: 1 for ≤ 8-bit formats, 2 for ≤ 16, 4 for ≤ 32, else 8.
    public var storageBytes: Int {
        switch format.bitWidth {
        case ...8: return 1
        case ...16: return 2
        case ...32: return 4
        default: return 8
        }
    }

    /// The code at `index` of a buffer of little-endian codes `width` bytes wide (the layout
    /// ``narrow(_:into:threads:)`` writes): bytes 0x00 0x3c at index 0, width 2 → 0x3c00.
    public static func code(_ codes: [UInt8], at index: Int, width: Int) -> UInt64 {
        var value: UInt64 = 0
        for byte in 0..<width { value |= UInt64(codes[index * width + byte]) << UInt64(8 * byte) }
        return value
    }

    /// float32 patterns → codes, split over `threads`.
    public func narrow(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutableRawBufferPointer, threads: Int) {
        let count = input.count
        let bytes = storageBytes
        let narrowing = narrowing
        let f16c = usesF16C
        let bf16 = usesBFloat16Kernel
        let inputBase = UInt(bitPattern: input.baseAddress)
        let outputBase = UInt(bitPattern: output.baseAddress)
        ParallelSplit.run(count: count, threads: threads) { range in
            let source = UnsafeBufferPointer(start: UnsafePointer<UInt32>(bitPattern: inputBase)! + range.lowerBound, count: range.count)
            let raw = UnsafeMutableRawPointer(bitPattern: outputBase)! + range.lowerBound * bytes
            switch bytes {
            case 1: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: range.count))
            case 2 where f16c: precisionlab_f16c_narrow(source.baseAddress, raw.assumingMemoryBound(to: UInt16.self), range.count)
            case 2 where bf16: precisionlab_bf16_narrow(source.baseAddress, raw.assumingMemoryBound(to: UInt16.self), range.count)
            case 2: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt16.self), count: range.count))
            case 4: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt32.self), count: range.count))
            default:
                let target = raw.assumingMemoryBound(to: UInt64.self)
                for index in 0..<range.count { target[index] = Double(Float(bitPattern: source[index])).bitPattern }
            }
        }
    }

    /// Codes → float32 patterns, split over `threads`.
    public func widen(_ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutableBufferPointer<UInt32>, threads: Int) {
        let bytes = storageBytes
        let widening = widening
        let format = format
        let inputBase = UInt(bitPattern: input.baseAddress)
        let outputBase = UInt(bitPattern: output.baseAddress)
        ParallelSplit.run(count: count, threads: threads) { range in
            let raw = UnsafeRawPointer(bitPattern: inputBase)! + range.lowerBound * bytes
            let target = UnsafeMutableBufferPointer(start: UnsafeMutablePointer<UInt32>(bitPattern: outputBase)! + range.lowerBound, count: range.count)
            switch bytes {
            case 1: widening!.convert(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: range.count), into: target)
            case 2: widening!.convert(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt16.self), count: range.count), into: target)
            case 4:
                // tf32 (19 bits) widens exactly by shifting its 10-bit mantissa back to 23 bits.
                let source = raw.assumingMemoryBound(to: UInt32.self)
                let shift = UInt32(23 - format.mantissaBits)
                for index in 0..<range.count { target[index] = source[index] &<< shift }
            default:
                let source = raw.assumingMemoryBound(to: UInt64.self)
                for index in 0..<range.count { target[index] = Float(Double(bitPattern: source[index])).bitPattern }
            }
        }
    }
}
