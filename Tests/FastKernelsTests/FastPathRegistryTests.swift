import FastKernels
import SoftFloat
import Testing

/// Every entry of ``FastPathRegistry`` against the engine's scalar conversion
/// (`FloatFormat.convert`, i.e. `RoundingCore`) on a sampled set: specials, every rounding
/// boundary of the target (each code, the midpoint to its neighbor and the patterns around
/// it, so every tie both ways; subsampled for 16-bit targets), the overflow and underflow
/// thresholds, and seeded random codes; every code of a source of at most 19 bits. Outputs are
/// written at three misalignments. `precision-lab verify float32->F` repeats this for all 2^32
/// float32 inputs (release build).
@Suite struct FastPathRegistryTests {
    @Test func registryHoldsEveryKindOfPath() {
        let names = FastPathRegistry.all.map(\.name)
        for kind in ["Float32Narrowing", "BulkConversion", "WideningTable", "MX element rounding"] {
            #expect(names.contains { $0.hasPrefix(kind) }, "no \(kind) entry")
        }
        #expect(FastPathRegistry.paths(from: .float32, to: .float8_e4m3fn).count == 3)
    }

    @Test(arguments: FastPathRegistry.all)
    func agreesWithTheEngine(path: FastPath) {
        let inputs = Self.samples(for: path).filter(path.covers)
        #expect(UInt64(inputs.count) > min(1000, path.source.codeMask), "too few samples for \(path.name)")
        let expected = inputs.map(path.engineCode)
        for misalignment in [0, 1, 7] {
            let observed = path.outputs(for: inputs, misalignment: misalignment)
            var mismatches = 0
            for index in inputs.indices where observed[index] != expected[index] {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("\(path.name): \(path.source.hexString(inputs[index])) gave \(path.target.hexString(observed[index])), the engine \(path.target.hexString(expected[index])) (misalignment \(misalignment))")
                }
            }
            #expect(mismatches == 0, "\(mismatches) of \(inputs.count) at misalignment \(misalignment)")
        }
    }

    /// The sampled inputs (codes of the path's source format).
    static func samples(for path: FastPath) -> [UInt64] {
        let source = path.source
        if source.bitWidth <= 19 { return Array(0...source.codeMask) }
        var random = SplitMix64(seed: 0xfa57)
        var codes: [UInt64] = []
        // Specials and extremes of the source: ±0, ±min subnormal, ±max finite, ±∞, quiet and
        // signaling NaNs with payloads, the all-ones pattern.
        for magnitude in [0, 1, source.maxFiniteBits, source.magnitudeMask] {
            codes += [magnitude, magnitude | source.signMask]
        }
        let infinity = source.magnitudeMask ^ ((1 << UInt64(source.mantissaBits)) - 1)
        let quietBit: UInt64 = 1 << UInt64(source.mantissaBits - 1)
        for nan in [infinity | 1, infinity | (quietBit >> 1), infinity | quietBit, infinity | quietBit | 1] {
            codes += [nan, nan | source.signMask]
        }
        // Every rounding boundary of the target, as source codes: each target code, the
        // midpoint to the next one (a tie) and its neighbors, both signs.
        let target = path.target
        let step = max(1, target.maxFiniteBits / 2048)
        var boundaries = Array(stride(from: UInt64(0), through: target.maxFiniteBits, by: Int(step)))
        boundaries += (max(0, Int64(target.maxFiniteBits) - 64)...Int64(target.maxFiniteBits)).map { UInt64($0) }
        boundaries += (0...64).map { UInt64($0) } // subnormal and underflow thresholds
        for code in boundaries {
            let low = target.convert(code, to: .float64).bits
            let high = target.convert(code + 1, to: .float64).bits  // past max: ∞ or NaN, skipped below
            let lowValue = Double(bitPattern: low)
            var highValue = Double(bitPattern: high)
            if code == target.maxFiniteBits || !highValue.isFinite {
                // The overflow threshold: max + half an ulp of the top binade.
                highValue = lowValue + (lowValue - Double(bitPattern: target.convert(code - 1, to: .float64).bits))
            }
            guard lowValue.isFinite, highValue.isFinite else { continue }
            for value in [lowValue, (lowValue + highValue) / 2] {
                let center = FloatFormat.float64.convert(value.bitPattern, to: source, options: RoundingOptions(rounding: .towardZero)).bits
                for offset in -3...3 {
                    let magnitude = UInt64(max(0, Int64(center) + Int64(offset))) & source.magnitudeMask
                    codes += [magnitude, magnitude | source.signMask]
                }
            }
        }
        for _ in 0..<20_000 { codes.append(random.next() & source.codeMask) }
        return codes
    }
}
