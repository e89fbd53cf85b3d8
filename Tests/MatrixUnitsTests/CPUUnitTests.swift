import SoftFloat
import Testing
@testable import MatrixUnits

/// The CPU units (`amx:tdpbf16ps`, `arm:bfdot`, `arm:bfmmla`): hand-worked cases, and random
/// cases against ``CPUUnitReference`` (the manuals' pseudocode on MPFR).
///
/// bf16 codes used below: 1 = 0x3f80, 1 + 2^-7 = 0x3f81, 2 = 0x4000, 2^24 = 0x4b80,
/// −2^24 = 0xcb80, 2^-24 = 0x3380, 2^-64 = 0x1f80, 2^100 = 0x7180, the smallest subnormal
/// 2^-133 = 0x0001, the largest finite (2 − 2^-7) × 2^127 = 0x7f7f, +inf = 0x7f80.
@Suite struct CPUUnitTests {
    static let cases: [HandWorkedCase] = [
        // AMX: two chains (even and odd indices), then c + (even + odd), nearest-even, DAZ/FTZ.
        HandWorkedCase("amx:tdpbf16ps", a: [0x4b80, 0x3f80, 0xcb80], b: [0x3f80, 0x3f80, 0x3f80], c: 0, 0x3f80_0000,
                       "cancellation: even chain 2^24 − 2^24 = 0, odd chain 1 → 1 (one accumulator in index order would round 2^24 + 1 to 2^24 and give 0)"),
        HandWorkedCase("amx:tdpbf16ps", a: [0x0001], b: [0x7180], c: 0, 0,
                       "DAZ: the subnormal bf16 2^-133 reads as 0, so not 2^-133·2^100 = 2^-33 (0x2f000000)"),
        HandWorkedCase("amx:tdpbf16ps", a: [], b: [], c: 0x0000_0001, 0,
                       "DAZ on C: c = 2^-149 alone gives +0, not 0x00000001"),
        HandWorkedCase("amx:tdpbf16ps", a: [0x1f80], b: [0x1f80], c: 0, 0,
                       "FTZ: 2^-64 · 2^-64 = 2^-128 would be the subnormal 0x00200000; flushed to +0"),
        HandWorkedCase("amx:tdpbf16ps", a: [0x2000, 0, 0x9980], b: [0x2000, 0, 0x1a00], c: 0, 0x0080_0000,
                       "FTZ after rounding: 2^-63·2^-63 − 2^-76·2^-75 = 2^-126 − 2^-151 is tiny, but rounds (tie, to even) to 2^-126 with 24 bits, so it is kept: 0x00800000, not 0"),
        HandWorkedCase("amx:tdpbf16ps", a: [0x3f80, 0, 0x3380], b: [0x3f80, 0, 0x3f80], c: 0, 0x3f80_0000,
                       "nearest-even: even chain 1 + 2^-24 is a tie → 1 (round to odd would give 0x3f800001)"),
        HandWorkedCase("amx:tdpbf16ps", a: [0x7f7f], b: [0x4000], c: 0, 0x7f80_0000,
                       "overflow: (2 − 2^-7)·2^128 rounds to +inf"),
        // Arm: BFDotAdd per pair, round to odd, flush to zero.
        HandWorkedCase("arm:bfdot", a: [0x3f81, 0], b: [0x3f81, 0], c: 0x4c00_0000, 0x4c00_0001,
                       "round to odd: 2^25 + (1 + 2^-6 + 2^-14) truncates to 2^25 (ulp 4), inexact → 2^25 + 4; nearest-even gives 2^25 (0x4c000000)"),
        HandWorkedCase("arm:bfdot", a: [0x4b80, 0x3f80], b: [0x3f80, 0x3f80], c: 0xcb80_0000, 0x4000_0000,
                       "cancellation: the pair sum 2^24 + 1 is made odd, 2^24 + 2; minus 2^24 leaves 2 (the exact result is 1; nearest-even would give 0)"),
        HandWorkedCase("arm:bfdot", a: [0x0001, 0], b: [0x7180, 0], c: 0, 0,
                       "BFUnpack: the subnormal bf16 2^-133 reads as 0, so not 2^-33 (0x2f000000)"),
        HandWorkedCase("arm:bfdot", a: [0x1f80, 0], b: [0x1f80, 0], c: 0, 0,
                       "BFRound: the product 2^-128 has exponent below −126 and becomes +0 (not the subnormal 0x00200000)"),
        HandWorkedCase("arm:bfdot", a: [0x9f80, 0], b: [0x1f80, 0], c: 0x8000_0001, 0,
                       "−2^-128 flushes to −0; −0 + (+0) = +0 (FPAdd_BF16: zeros of different signs); the subnormal c −2^-149 reads as −0; −0 + +0 = +0"),
        HandWorkedCase("arm:bfdot", a: [0x7f7f, 0], b: [0x4000, 0], c: 0, 0x7f80_0000,
                       "BFRound: a product of 2^128 or more is +inf (IEEE round to odd would stop at 0x7f7fffff)"),
        HandWorkedCase("arm:bfdot", a: [0x7f80, 0], b: [0, 0], c: 0, 0x7fc0_0000,
                       "inf · 0 is the default NaN"),
        HandWorkedCase("arm:bfdot", a: [0x7fc1, 0], b: [0x3f80, 0], c: 0x7f80_0001, 0x7fc0_0000,
                       "NaN inputs (payloads 0x41 and 1) give the default NaN 0x7fc00000"),
        HandWorkedCase("arm:bfmmla", a: [0x3f81, 0, 0x3f81, 0], b: [0x3f81, 0, 0x3f81, 0], c: 0x4c00_0000, 0x4c00_0001,
                       "two BFDotAdds: 2^25 → 2^25 + 4 (odd) → 2^25 + 4 + 1.0157… truncates to 2^25 + 4, already odd"),
        HandWorkedCase("arm:bfmmla", a: [0x4b80, 0x3f80, 0xcb80, 0], b: [0x3f80, 0x3f80, 0x3f80, 0], c: 0, 0x4000_0000,
                       "cancellation across the two steps: (2^24 + 1 → 2^24 + 2), then − 2^24 → 2"),
    ]

    @Test(arguments: cases)
    func handWorked(_ example: HandWorkedCase) throws {
        let d = DotProductEngine(unit: try MatrixUnit.named(example.unit)).evaluate(a: example.a, b: example.b, c: example.c)
        #expect(d == example.expected, "got 0x\(String(d, radix: 16)), expected 0x\(String(example.expected, radix: 16))")
        // The hand-worked value is also what the MPFR reference says.
        let reference = example.unit.hasPrefix("amx:") ? CPUUnitReference.amx(a: example.a, b: example.b, c: example.c)
                                                       : CPUUnitReference.arm(a: example.a, b: example.b, c: example.c)
        #expect(reference == example.expected, "reference 0x\(String(reference, radix: 16))")
    }

    @Test func listedWithTheirK() throws {
        #expect(try MatrixUnit.named("amx:tdpbf16ps").k == 32)
        #expect(try MatrixUnit.named("arm:bfdot").k == 2)
        #expect(try MatrixUnit.named("arm:bfmmla").k == 4)
        let listing = MatrixUnitListing.text(MatrixUnit.catalog)
        #expect(listing.contains("amx:tdpbf16ps") && listing.contains("arm:bfdot") && listing.contains("arm:bfmmla"))
    }

    /// Matrix mode walks K in the unit's chunks, each chunk's D the next C: a 2×3 GEMM with
    /// K = 64 is, element by element, the reference applied chunk after chunk (AMX: 2 tiles;
    /// bfdot: 32 BFDotAdds from C, which is the reference over all 64 at once).
    @Test(arguments: ["amx:tdpbf16ps", "arm:bfdot", "arm:bfmmla"])
    func matrixModeChainsChunks(unit name: String) throws {
        let unit = try MatrixUnit.named(name)
        let (m, n, k) = (2, 3, 64)
        var random = SplitMix64(seed: 5)
        let a = (0..<(m * k)).map { _ in Self.bfloat16(&random, 117...137) }
        let b = (0..<(k * n)).map { _ in Self.bfloat16(&random, 117...137) }
        let c = (0..<(m * n)).map { _ in Self.float32(&random, 117...137) }
        let d = try UnitMatrixProduct(unit: unit, m: m, n: n, k: k, threads: 2).multiply(a: a, b: b, c: c)
        for row in 0..<m {
            for column in 0..<n {
                var accumulator = c[row * n + column]
                for start in stride(from: 0, to: k, by: unit.k) {
                    let aChunk = Array(a[(row * k + start)..<(row * k + start + unit.k)])
                    let bChunk = (start..<(start + unit.k)).map { b[$0 * n + column] }
                    accumulator = unit.architecture == .amx ? CPUUnitReference.amx(a: aChunk, b: bChunk, c: accumulator)
                                                            : CPUUnitReference.arm(a: aChunk, b: bChunk, c: accumulator)
                }
                #expect(d[row * n + column] == accumulator, "\(name) (\(row), \(column))")
            }
        }
    }

    /// Biased exponents of one line's codes: near 1 (roundings, cancellation), near 2^-63
    /// (products around 2^-126: flushed and kept tiny results; subnormal inputs), near 2^64
    /// (products around 2^128: overflow), or anywhere.
    static let profiles: [ClosedRange<UInt64>] = [117...137, 117...137, 0...72, 185...200, 0...254]

    /// A random bf16 code (no NaN) with its biased exponent in `exponents`.
    static func bfloat16(_ random: inout SplitMix64, _ exponents: ClosedRange<UInt64>) -> UInt64 {
        let exponent = exponents.lowerBound + random.next() % UInt64(exponents.count)
        return (random.next() & 1) << 15 | exponent << 7 | random.next() & 0x7f
    }

    /// A random f32 code for C: mostly of the line's profile squared, one in eight subnormal.
    static func float32(_ random: inout SplitMix64, _ exponents: ClosedRange<UInt64>) -> UInt64 {
        let product = min(254, max(1, Int(exponents.lowerBound + exponents.upperBound) - 127))
        let exponent = UInt64(max(0, min(254, product + Int(random.next() % 9) - 4)))
        let code = (random.next() & 1) << 31 | exponent << 23 | random.next() & 0x7f_ffff
        return random.next() % 8 == 0 ? code & 0x807f_ffff : code
    }

    /// Each unit over random lines (one exponent profile per line; every fourth built to cancel: the odd elements repeat the
    /// even ones with A negated and one element perturbed) against the MPFR reference; NaN
    /// results of AMX are compared as NaNs (the SDM does not give AMX's NaN payloads).
    @Test(arguments: [("amx:tdpbf16ps", 3000), ("arm:bfdot", 4000), ("arm:bfmmla", 4000)])
    func matchesTheManualsPseudocodeOnMPFR(unit name: String, count: Int) throws {
        let unit = try MatrixUnit.named(name)
        let engine = DotProductEngine(unit: unit)
        var random = SplitMix64(seed: 20261203)
        var mismatches = 0, nans = 0, infinities = 0, zeros = 0
        for trial in 0..<count {
            let profile = Self.profiles[Int(random.next() % UInt64(Self.profiles.count))]
            var a = (0..<unit.k).map { _ in Self.bfloat16(&random, profile) }
            var b = (0..<unit.k).map { _ in Self.bfloat16(&random, profile) }
            if trial % 4 == 0 {
                for index in stride(from: 0, to: unit.k, by: 2) {
                    a[index + 1] = a[index] ^ 0x8000
                    b[index + 1] = b[index]
                }
                b[unit.k - 1] = Self.bfloat16(&random, profile)
            }
            let c = Self.float32(&random, profile)
            let d = engine.evaluate(a: a, b: b, c: c)
            let expected = unit.architecture == .amx ? CPUUnitReference.amx(a: a, b: b, c: c) : CPUUnitReference.arm(a: a, b: b, c: c)
            let bothNaN = FloatFormat.float32.classify(d) == .nan && FloatFormat.float32.classify(expected) == .nan
            if expected == 0x7fc0_0000 { nans += 1 } else if expected & 0x7fff_ffff == 0x7f80_0000 { infinities += 1 }
            if expected & 0x7fff_ffff == 0 { zeros += 1 }
            if d != expected && !(unit.architecture == .amx && bothNaN) {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("\(name) trial \(trial): a \(a.map { String($0, radix: 16) }) b \(b.map { String($0, radix: 16) }) c \(String(c, radix: 16)): got \(String(d, radix: 16)), MPFR \(String(expected, radix: 16))")
                }
            }
        }
        #expect(mismatches == 0)
        // The random cases reach the special outcomes too.
        #expect(nans > 0 && infinities > 0 && zeros > 0, "NaN \(nans), inf \(infinities), zero \(zeros)")
        print("\(name): \(count) random cases vs MPFR, \(mismatches) mismatches (NaN \(nans), inf \(infinities), zero \(zeros))")
    }
}
