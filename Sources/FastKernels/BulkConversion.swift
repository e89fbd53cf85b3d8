import CNarrowingKernels
import SoftFloat

/// Bulk conversions between float32 buffers and any built-in format, on the fast paths:
/// the F16C instruction for float32 → float16 where the CPU has it (runtime check; a C kernel,
/// since Swift cannot compile one function for extra CPU features; from 4 MiB of output on it
/// writes with streaming stores, which skip reading the destination into the cache: 0.14
/// ns/element instead of 0.17 on 2^26 elements), an AVX2 C kernel for float32 → bfloat16
/// where the CPU has AVX2 (runtime check; streaming stores from 4 MiB of output on, like
/// float16's), ``Float32Narrowing`` for float32 → F otherwise, ``WideningTable`` for F → float32 (F ≤ 16 bits),
/// bit shifts for formats with float32's exponent layout (tf32) and the machine's own conversion
/// for float64. Every other layout (a user-defined e5m20, a 40-bit format) goes element by
/// element through the engine's scalar conversion, so the result is the engine's for every
/// format: the fast paths are chosen by layout, never by byte width alone. Codes of F are
/// stored in their natural 1-, 2-, 4- or 8-byte width (``storageBytes``).
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
    public var storageBytes: Int { Self.storageBytes(of: format) }

    /// Bytes one code of `format` occupies in memory: float8 1, bfloat16 2, tf32 4, float64 8.
    public static func storageBytes(of format: FloatFormat) -> Int {
        switch format.bitWidth {
        case ...8: return 1
        case ...16: return 2
        case ...32: return 4
        default: return 8
        }
    }

    /// True when codes widen to float32 by a shift: float32's sign, 8-bit exponent with bias
    /// 127 and IEEE specials, and at most 23 mantissa bits (tf32: 19 bits, shift by 13).
    var widensByShift: Bool {
        format.isSigned && format.hasZero && format.nonFinite == .ieee && format.exponentBits == 8
            && format.bias == 127 && format.mantissaBits <= 23
    }

    /// True when the format is float64's layout, which the machine converts in hardware.
    var isFloat64Layout: Bool {
        format.isSigned && format.hasZero && format.nonFinite == .ieee && format.exponentBits == 11
            && format.bias == 1023 && format.mantissaBits == 52
    }

    /// How many workers split `count` elements: at most one per 4096, so small buffers stay on
    /// one thread.
    public static func workers(count: Int, threads: Int) -> Int {
        max(1, min(threads, count / 4096 + 1))
    }

    /// The code at `index` of a buffer of little-endian codes `width` bytes wide (the layout
    /// ``narrow(_:into:threads:)`` writes): bytes 0x00 0x3c at index 0, width 2 → 0x3c00.
    public static func code(_ codes: [UInt8], at index: Int, width: Int) -> UInt64 {
        codes.withUnsafeBytes { FastPath.load(from: $0.baseAddress!, index: index, width: width) }
    }

    /// float32 patterns → codes, split over `threads`.
    public func narrow(_ input: UnsafeBufferPointer<UInt32>, into output: UnsafeMutableRawBufferPointer, threads: Int) {
        let count = input.count
        let bytes = storageBytes
        let narrowing = narrowing
        let f16c = usesF16C
        let bf16 = usesBFloat16Kernel
        let float64 = isFloat64Layout
        let format = format
        let inputBase = UInt(bitPattern: input.baseAddress)
        let outputBase = UInt(bitPattern: output.baseAddress)
        ParallelSplit.run(count: count, threads: Self.workers(count: count, threads: threads), granule: 64) { range in
            let source = UnsafeBufferPointer(start: UnsafePointer<UInt32>(bitPattern: inputBase)! + range.lowerBound, count: range.count)
            let raw = UnsafeMutableRawPointer(bitPattern: outputBase)! + range.lowerBound * bytes
            switch bytes {
            case 1: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: range.count))
            case 2 where f16c: precisionlab_f16c_narrow(source.baseAddress, raw.assumingMemoryBound(to: UInt16.self), range.count)
            case 2 where bf16: precisionlab_bf16_narrow(source.baseAddress, raw.assumingMemoryBound(to: UInt16.self), range.count)
            case 2: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt16.self), count: range.count))
            case 4: narrowing.convert(source, into: UnsafeMutableBufferPointer(start: raw.assumingMemoryBound(to: UInt32.self), count: range.count))
            case 8 where float64:
                let target = raw.assumingMemoryBound(to: UInt64.self)
                for index in 0..<range.count { target[index] = Double(Float(bitPattern: source[index])).bitPattern }
            default:
                Self.convertByEngine(UnsafeRawPointer(source.baseAddress!), width: 4, from: .float32,
                                     into: raw, width: bytes, to: format, count: range.count)
            }
        }
    }

    /// Codes → float32 patterns, split over `threads`.
    public func widen(_ input: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutableBufferPointer<UInt32>, threads: Int) {
        let bytes = storageBytes
        let widening = widening
        let format = format
        let byShift = widensByShift
        let float64 = isFloat64Layout
        let inputBase = UInt(bitPattern: input.baseAddress)
        let outputBase = UInt(bitPattern: output.baseAddress)
        ParallelSplit.run(count: count, threads: Self.workers(count: count, threads: threads), granule: 64) { range in
            let raw = UnsafeRawPointer(bitPattern: inputBase)! + range.lowerBound * bytes
            let target = UnsafeMutableBufferPointer(start: UnsafeMutablePointer<UInt32>(bitPattern: outputBase)! + range.lowerBound, count: range.count)
            switch bytes {
            case 1: widening!.convert(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt8.self), count: range.count), into: target)
            case 2: widening!.convert(UnsafeBufferPointer(start: raw.assumingMemoryBound(to: UInt16.self), count: range.count), into: target)
            case 4 where byShift:
                // tf32 (19 bits) widens exactly by shifting its 10-bit mantissa back to 23 bits;
                // a NaN gets the quiet bit, as the engine's conversion gives it
                // (signaling 0x7f801 → 0x7fc02000).
                let source = raw.assumingMemoryBound(to: UInt32.self)
                let shift = UInt32(23 - format.mantissaBits)
                for index in 0..<range.count {
                    let bits = source[index] &<< shift
                    target[index] = bits & 0x7fff_ffff > 0x7f80_0000 ? bits | 0x40_0000 : bits
                }
            case 8 where float64:
                let source = raw.assumingMemoryBound(to: UInt64.self)
                for index in 0..<range.count { target[index] = Float(Double(bitPattern: source[index])).bitPattern }
            default:
                Self.convertByEngine(raw, width: bytes, from: format,
                                     into: UnsafeMutableRawPointer(target.baseAddress!), width: 4, to: .float32, count: range.count)
            }
        }
    }

    /// The one fallback of both directions, for any layout no fast path covers (a user-defined
    /// e5m20, a 40-bit format): the engine's scalar conversion, element by element, reading
    /// and writing codes of the given byte widths.
    static func convertByEngine(_ input: UnsafeRawPointer, width inputWidth: Int, from source: FloatFormat,
                                into output: UnsafeMutableRawPointer, width outputWidth: Int, to target: FloatFormat, count: Int) {
        for index in 0..<count {
            let code = FastPath.load(from: input, index: index, width: inputWidth)
            FastPath.store(source.convert(code, to: target).bits, at: output, index: index, width: outputWidth)
        }
    }
}
