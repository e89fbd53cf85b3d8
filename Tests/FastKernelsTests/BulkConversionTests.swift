import Testing
import FastKernels
import SoftFloat

/// The bulk paths give exactly the scalar engine's bits (the release command
/// `precision-lab verify float32->F` repeats this for all 2^32 inputs).
struct BulkConversionTests {
    static let targets = FloatFormat.builtIn.filter { $0.bitWidth <= 19 && $0 != .float32 }

    static let inputs: [UInt32] = {
        var random = SplitMix64(seed: 6)
        var values: [UInt32] = [0, 0x8000_0000, 0x7f80_0000, 0xff80_0000, 0x7fc0_0001, 0xffa0_0000, 0x7f7f_ffff, 1, 0x0060_0000, 0x0040_0000, 0x005f_ffff]
        for index in 0..<60_000 {
            var bits = UInt32(truncatingIfNeeded: random.next())
            if index % 3 != 0 { bits = (bits & 0x807f_ffff) | UInt32(0x40 + random.next() % 0x80) << 23 }
            if index % 7 == 0 { bits &= 0xffff_e000 }  // many exact ties at narrow formats' spacing
            values.append(bits)
        }
        return values
    }()

    @Test(arguments: targets)
    func narrowingMatchesScalarEngine(target: FloatFormat) {
        let narrowing = Float32Narrowing(target: target)
        var output = [UInt32](repeating: 0, count: Self.inputs.count)
        Self.inputs.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { narrowing.convert(input, into: $0) }
        }
        var mismatches = 0
        for (index, bits) in Self.inputs.enumerated() {
            let scalar = FloatFormat.float32.convert(UInt64(bits), to: target).bits
            if scalar != UInt64(output[index]) {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("float32 0x\(String(bits, radix: 16)) → \(target.name): bulk \(target.hexString(UInt64(output[index]))), scalar \(target.hexString(scalar))")
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test(arguments: FloatFormat.builtIn.filter { $0.bitWidth <= 16 })
    func wideningTableMatchesScalarEngine(source: FloatFormat) {
        let table = WideningTable(source: source)
        let codes = (0...source.codeMask).map { UInt16($0) }
        var output = [UInt32](repeating: 0, count: codes.count)
        codes.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { table.convert(input, into: $0) }
        }
        for code in codes {
            let scalar = source.convert(UInt64(code), to: .float32).bits
            #expect(UInt64(output[Int(code)]) == scalar)
        }
    }
}
