import SoftFloat
import Testing
@testable import PrecisionLabKit

/// The byte-wide and C kernels behind `BulkConversion.narrow` (what `bench` times) give the
/// scalar engine's bits, at every misalignment of the output; the streaming F16C kernel, used
/// from 4 MiB of output on, gives the same codes as the cached one.
@Suite struct BulkKernelTests {
    /// Specials, ties at every narrow format's spacing, float16/e5m2 subnormals and overflow.
    static let inputs: [UInt32] = {
        var random = StochasticRandom(seed: 66)
        var values: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0000, 0xffa0_0000, 0x7fa0_0001,
                                0x7f7f_ffff, 1, 0x3880_0000, 0x387f_ffff, 0x3800_0000, 0x3780_0000, 0x4770_0000,
                                0x476f_ffff, 0x4780_0000, 0x477f_efff, 0x477f_f000, 0x3f90_0000, 0x3fb0_0000]
        for index in 0..<20_000 {
            var bits = UInt32(truncatingIfNeeded: random.next())
            if index % 2 == 0 { bits = (bits & 0x807f_ffff) | UInt32(0x60 + random.next() % 0x40) << 23 }
            if index % 5 == 0 { bits &= 0xfff0_0000 }  // ties and near-ties at e5m2's spacing
            if index % 7 == 0 { bits &= 0xffff_e000 }  // ties at float16's spacing
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
        return (0..<input.count).map { BenchmarkSuite.code(codes, at: $0, width: width) }
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

    /// 2^21 + 37 elements is 4 MiB + 74 bytes of float16 codes: the streaming kernel, with a
    /// head of 0–15 single elements before the first 32-byte-aligned store and a tail of 5.
    @Test(arguments: [0, 2, 6, 30])
    func streamingFloat16MatchesCachedKernel(byteOffset: Int) {
        let conversion = BulkConversion(format: .float16)
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
}
