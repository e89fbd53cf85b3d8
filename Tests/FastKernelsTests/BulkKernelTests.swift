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
    /// signaling NaNs of both signs (quieted, top payload bits kept).
    static let inputs: [UInt32] = {
        var random = SplitMix64(seed: 66)
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

    /// Layouts the fast paths do not know go through the engine: a 26-bit e5m20 stored in 4
    /// bytes is not tf32 (a shift by 3 would read its 5-bit exponent as 8 bits), and a 40-bit
    /// e8m31 stored in 8 bytes is not float64. Both directions, every sampled code, against the
    /// scalar engine. (Before widening was chosen by layout, e5m20's 1.0, code 0x0f00000, widened
    /// by the tf32 shift to 0x07800000, 2^-112.)
    @Test(arguments: [(5, 20), (8, 31), (6, 9)])
    func userDefinedLayoutsGiveTheEnginesBits(exponentBits: Int, mantissaBits: Int) throws {
        let format = try FloatFormat(name: "e\(exponentBits)m\(mantissaBits)", exponentBits: exponentBits, mantissaBits: mantissaBits)
        let conversion = BulkConversion(format: format)
        let narrowed = Self.narrow(conversion, Self.inputs, byteOffset: 0)
        for (index, bits) in Self.inputs.enumerated() {
            let scalar = FloatFormat.float32.convert(UInt64(bits), to: format).bits
            #expect(narrowed[index] == scalar, "float32 0x\(String(bits, radix: 16)) → \(format.name)")
            if narrowed[index] != scalar { break }
        }
        var random = SplitMix64(seed: 5020)
        let codes = (0..<4096).map { _ in random.next() & format.codeMask } + [0, format.maxFiniteBits, format.nanBits ?? 0, 1]
        let width = conversion.storageBytes
        var packed = [UInt8](repeating: 0, count: codes.count * width)
        packed.withUnsafeMutableBytes { bytes in
            for (index, code) in codes.enumerated() { FastPath.store(code, at: bytes.baseAddress!, index: index, width: width) }
        }
        var widened = [UInt32](repeating: 0, count: codes.count)
        packed.withUnsafeBytes { source in
            widened.withUnsafeMutableBufferPointer { conversion.widen(source, count: codes.count, into: $0, threads: 2) }
        }
        for (index, code) in codes.enumerated() {
            let scalar = UInt32(format.convert(code, to: .float32).bits)
            #expect(widened[index] == scalar, "\(format.name) \(format.hexString(code)) → float32: bulk 0x\(String(widened[index], radix: 16)), engine 0x\(String(scalar, radix: 16))")
            if widened[index] != scalar { break }
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

    /// The one overflow search behind `Float32Narrowing` and the MX kernel: float16 overflows
    /// from 65520 (the tie between 65504 and 2^16, which rounds to the even 2^16); e4m3fn with
    /// saturation from just above 464 (the tie between 448 and 480 rounds to the even 448).
    @Test func overflowThresholds() {
        #expect(Float32Narrowing.overflowThreshold(to: .float16) == 0x477f_f000)
        #expect(Float32Narrowing.overflowThreshold(to: .float8_e4m3fn, options: RoundingOptions(overflow: .saturate)) == 0x43e8_0001)
        #expect(Float32Narrowing.overflowThreshold(to: .float64) == 0x7f80_0000)
    }

    /// The C kernels of the registry (F16C float16, AVX2 bfloat16; cached and streaming
    /// stores) called for every count 0…40 at every output misalignment 0…15 codes: the
    /// cached kernel's tail and the streaming kernel's head (single elements up to the first
    /// 32-byte boundary), body and tail agree with the scalar engine.
    @Test(arguments: [FloatFormat.float16, .bfloat16])
    func cKernelsEveryShortCount(format: FloatFormat) throws {
        let kernels = FastPathRegistry.paths(from: .float32, to: format).filter { $0.name.hasPrefix("F16C") || $0.name.hasPrefix("AVX2") }
        try #require(kernels.count == 2, "no F16C / AVX2 on this CPU: \(format.name) runs on the Swift kernel")
        for kernel in kernels {
            for count in 0...40 {
                let input = Self.inputs[0..<count].map { UInt64($0) }
                let expected = input.map(kernel.engineCode)
                for misalignment in 0..<16 {
                    #expect(kernel.outputs(for: input, misalignment: misalignment) == expected, "\(kernel.name): count \(count), misalignment \(misalignment)")
                }
            }
        }
    }
}
