import CNarrowingKernels
import SoftFloat
import Testing
@testable import FastKernels

/// The byte-wide and C kernels behind `BulkConversion.narrow` (what `bench` times) give the
/// scalar engine's bits, at every misalignment of the output; the streaming F16C and AVX2
/// bfloat16 kernels, used from 4 MiB of output on, give the same codes as the cached ones.
@Suite struct BulkKernelTests {
    /// Specials, ties at every narrow format's spacing, float16/e5m2 subnormals and overflow;
    /// bfloat16's ties (low half 0x8000, odd and even), its overflow tie 0x7f7f8000 and
    /// signalling NaNs of both signs (quieted, top payload bits kept).
    static let inputs: [UInt32] = {
        var random = StochasticRandom(seed: 66)
        var values: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0xffa0_0000, 0x7fa0_0001,
                                0x7f7f_ffff, 1, 0x3880_0000, 0x387f_ffff, 0x3800_0000, 0x3780_0000, 0x4770_0000,
                                0x476f_ffff, 0x4780_0000, 0x477f_efff, 0x477f_f000, 0x3f90_0000, 0x3fb0_0000,
                                0x7f7f_8000, 0xff7f_8000, 0x7f7f_7fff, 0x3f80_8000, 0x3f81_8000, 0x0000_8000,
                                0x0001_8000, 0x807f_ffff, 0xff80_0001, 0x7fbf_ffff, 0xffff_ffff, 0x7fff_ffff]
        for index in 0..<20_000 {
            var bits = UInt32(truncatingIfNeeded: random.next())
            if index % 2 == 0 { bits = (bits & 0x807f_ffff) | UInt32(0x60 + random.next() % 0x40) << 23 }
            if index % 5 == 0 { bits &= 0xfff0_0000 }  // ties and near-ties at e5m2's spacing
            if index % 7 == 0 { bits &= 0xffff_e000 }  // ties at float16's spacing
            if index % 11 == 0 { bits = (bits & 0xffff_0000) | 0x8000 }  // ties at bfloat16's spacing
            values.append(bits)
        }
        return values
    }()

    static func narrow(_ conversion: BulkConversion, _ input: [UInt32], byteOffset: Int) -> [UInt64] {
        let width = conversion.storageBytes
        var storage = [UInt8](repeating: 0, count: input.count * width + 64)
        // Start 32-byte aligned plus `byteOffset`, so each offset gives a known misalignment.
        let shift = input.withUnsafeBufferPointer { source in
            storage.withUnsafeMutableBytes { bytes in
                let base = UnsafeMutableRawPointer(bitPattern: (UInt(bitPattern: bytes.baseAddress!) + 31) & ~31)! + byteOffset
                conversion.narrow(source, into: UnsafeMutableRawBufferPointer(start: base, count: input.count * width), threads: 1)
                return base - bytes.baseAddress!
            }
        }
        let codes = Array(storage[shift..<(shift + input.count * width)])
        return (0..<input.count).map { BulkConversion.code(codes, at: $0, width: width) }
    }

    @Test(arguments: [FloatFormat.float16, .float8_e5m2, .bfloat16, .float8_e4m3fn])
    func narrowMatchesScalarEngine(format: FloatFormat) {
        let conversion = BulkConversion(format: format)
        for byteOffset in stride(from: 0, through: 30, by: 6) {
            let codes = Self.narrow(conversion, Self.inputs, byteOffset: byteOffset)
            var mismatches = 0
            for (index, bits) in Self.inputs.enumerated() {
                let scalar = FloatFormat.float32.convert(UInt64(bits), to: format).bits
                if codes[index] != scalar {
                    mismatches += 1
                    if mismatches <= 3 {
                        Issue.record("float32 0x\(String(bits, radix: 16)) → \(format.name) (offset \(byteOffset)): bulk \(format.hexString(codes[index])), scalar \(format.hexString(scalar))")
                    }
                }
            }
            #expect(mismatches == 0)
        }
    }

    /// 2^21 + 37 elements is 4 MiB + 74 bytes of float16 or bfloat16 codes: the streaming
    /// kernel, with a head of 0–15 single elements before the first 32-byte-aligned store and
    /// a tail of 5 (on machines without F16C / AVX2 both sides are the Swift kernel).
    @Test(arguments: [FloatFormat.float16, .bfloat16], [0, 2, 6, 30])
    func streamingMatchesCachedKernel(format: FloatFormat, byteOffset: Int) {
        let conversion = BulkConversion(format: format)
        let count = (1 << 21) + 37
        let input = (0..<count).map { Self.inputs[$0 % Self.inputs.count] &+ UInt32(truncatingIfNeeded: $0 / Self.inputs.count) }
        let streamed = Self.narrow(conversion, input, byteOffset: byteOffset)
        var cached: [UInt64] = []
        cached.reserveCapacity(count)
        for start in stride(from: 0, to: count, by: 1 << 16) {
            cached += Self.narrow(conversion, Array(input[start..<min(count, start + (1 << 16))]), byteOffset: 0)
        }
        #expect(streamed == cached)
    }

    /// Both bfloat16 C kernels called directly, for every count 0…40 at every even output
    /// misalignment: the cached kernel's tail and the streaming kernel's head (single elements
    /// up to the first 32-byte boundary), body and tail agree with the scalar engine.
    @Test func bfloat16KernelsEveryShortCount() throws {
        try #require(BulkConversion.hasAVX2, "no AVX2: bfloat16 runs on the Swift kernel")
        var storage = [UInt16](repeating: 0, count: 40 + 32)
        for count in 0...40 {
            let input = Array(Self.inputs[0..<count])
            let expected = input.map { UInt16(FloatFormat.float32.convert(UInt64($0), to: .bfloat16).bits) }
            for offset in 0..<16 {
                for streaming in [false, true] {
                    let codes = input.withUnsafeBufferPointer { source in
                        storage.withUnsafeMutableBufferPointer { buffer in
                            let aligned = UnsafeMutablePointer<UInt16>(bitPattern: (UInt(bitPattern: buffer.baseAddress!) + 31) & ~31)! + offset
                            if streaming {
                                precisionlab_bf16_narrow_streaming(source.baseAddress, aligned, count)
                            } else {
                                precisionlab_bf16_narrow_cached(source.baseAddress, aligned, count)
                            }
                            return Array(UnsafeBufferPointer(start: aligned, count: count))
                        }
                    }
                    #expect(codes == expected, "count \(count), offset \(offset), streaming \(streaming)")
                }
            }
        }
    }
}
