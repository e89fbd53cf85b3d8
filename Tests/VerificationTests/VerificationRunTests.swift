import FastKernels
import SoftFloat
import Testing
@testable import Verification

/// Small runs of what `precision-lab verify` runs in full: the counts say every item was
/// compared, and the engine agrees with MPFR and the fast paths agree with the engine.
struct VerificationRunTests {
    /// float4_e2m1fn: 16 × 16 pairs (16 codes for sqrt) in MPFR's five directions.
    @Test(arguments: PairVerification.operations)
    func pairsOfFloat4(operation: ArithmeticOperation) throws {
        let outcome = try PairVerification(format: .float4_e2m1fn, operation: operation, threads: 2).run()
        #expect(outcome.checked == (operation == .squareRoot ? 16 : 256) * 5)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    @Test(arguments: [FloatFormat.float32, .float64, .tf32])
    func pairsRefuseAFormatWiderThan16Bits(format: FloatFormat) {
        #expect(throws: PairVerificationError.formatTooWide(format.name, bits: format.bitWidth)) {
            try PairVerification(format: format, operation: .add, threads: 1)
        }
        #expect(PairVerificationError.formatTooWide("float32", bits: 32).description
            == "--pairs enumerates every pair of codes, so it takes a format of at most 16 bits (float16, bfloat16: 2^32 pairs); float32 has 32 bits")
    }

    struct SixteenBitSlice: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        /// The row (first operand) and the first column of 4096 pairs.
        let a: Int
        let firstB: Int
        var testDescription: String { "\(format.name) \(operation.rawValue) a=\(format.hexString(UInt64(a))) b from \(format.hexString(UInt64(firstB)))" }
    }

    /// Slices of 4096 pairs of the 2^32 float16 and bfloat16 pair spaces where the rounding is
    /// hard: ±0 and subnormals, 1, the largest finite values against infinities and NaNs.
    static let sixteenBitSlices: [SixteenBitSlice] = [
        SixteenBitSlice(format: .float16, operation: .add, a: 0x3c00, firstB: 0x0000),      // 1 + tiny: sticky bits
        SixteenBitSlice(format: .float16, operation: .subtract, a: 0x0001, firstB: 0x8000), // subnormal − (−0, −subnormals)
        SixteenBitSlice(format: .float16, operation: .multiply, a: 0x7bff, firstB: 0x3800), // max × [0.5, 1): overflow edge
        SixteenBitSlice(format: .float16, operation: .multiply, a: 0x0400, firstB: 0x3000), // smallest normal × small: underflow
        SixteenBitSlice(format: .float16, operation: .divide, a: 0xfc00, firstB: 0x7000),   // −inf ÷ large, inf, NaNs
        SixteenBitSlice(format: .float16, operation: .divide, a: 0x3555, firstB: 0x0000),   // ÷ 0 and ÷ subnormals
        SixteenBitSlice(format: .bfloat16, operation: .multiply, a: 0x7f7f, firstB: 0x3f00),
        SixteenBitSlice(format: .bfloat16, operation: .add, a: 0x8001, firstB: 0x0000),
        SixteenBitSlice(format: .bfloat16, operation: .divide, a: 0x0080, firstB: 0x4f00),
    ]

    @Test(arguments: sixteenBitSlices)
    func pairsOfSixteenBitFormats(_ slice: SixteenBitSlice) throws {
        let start = slice.a << 16 | slice.firstB
        let verification = try PairVerification(format: slice.format, operation: slice.operation, threads: 2, pairs: start..<start + 4096)
        let outcome = verification.run()
        #expect(outcome.checked == 4096 * 5)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    /// A slice that starts and ends inside rows (a = 0x3bff … 0x3c01): split in 3 parts it gives
    /// the counts and checksum of one run, and the checksum is the sum of the case hashes of
    /// exactly these pairs, recomputed here from the engine alone (so every pair index is right).
    @Test func aSliceAcrossRowsCoversExactlyItsPairs() throws {
        let pairs = 0x3bff_f000..<0x3c01_0800
        let directions = try PairVerification.directions(parsing: ["RNDZ", "RNDA"])
        let whole = try PairVerification(format: .float16, operation: .add, threads: 2, directions: directions, pairs: pairs).run()
        var parts = VerificationOutcome<String>()
        for index in 1...3 {
            let part = try ShardSelection(index: index, count: 3).slice(of: pairs.count)
            parts.merge(try PairVerification(format: .float16, operation: .add, threads: 1, directions: directions,
                                             pairs: pairs.lowerBound + part.lowerBound..<pairs.lowerBound + part.upperBound).run())
        }
        #expect(whole.checked == UInt64(pairs.count * 2) && whole.mismatches == 0)
        #expect(parts.checked == whole.checked && parts.checksum == whole.checksum)
        var expected: UInt64 = 0
        let format = FloatFormat.float16
        for pair in pairs {
            let a = UInt64(pair >> 16), b = UInt64(pair & 0xffff)
            let exact = format.doubleValue(a) + format.doubleValue(b)
            expected &+= PairVerification.caseHash(pair: pair, directionIndex: 1, result: format.add(a, b, options: RoundingOptions(rounding: .towardZero)))
            let away: RoundingMode = exact.sign == .minus && !exact.isNaN ? .down : .up
            expected &+= PairVerification.caseHash(pair: pair, directionIndex: 4, result: format.add(a, b, options: RoundingOptions(rounding: away)))
        }
        #expect(whole.checksum == expected)
    }

    /// sqrt of every float16 code: 65,536 codes in five directions.
    @Test func squareRootOfEveryFloat16Code() throws {
        let outcome = try PairVerification(format: .float16, operation: .squareRoot, threads: 2, directions: [.nearestEven, .awayFromZero]).run()
        #expect(outcome.checked == 65536 * 2)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    /// 1000 random inputs × 5 directions × 2 overflow policies.
    @Test(arguments: [FloatFormat.float8_e4m3fn, .float8_e5m2, .bfloat16])
    func randomConversions(target: FloatFormat) {
        let outcome = ConversionVerification(target: target, count: 1000, threads: 2).run()
        #expect(outcome.checked == 1000 * 5 * 2)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }

    /// The first chunk (2^20 float32 codes, zero and the positive subnormals) through every
    /// float32 → bfloat16 fast path.
    @Test func firstChunkOfTheExhaustiveBFloat16Run() {
        let verification = ExhaustiveNarrowingVerification(target: .bfloat16, threads: 2, chunkRange: 0..<1)
        #expect(!verification.paths.isEmpty)
        let outcome = verification.run()
        #expect(outcome.checked == 1 << 20)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
        #expect(outcome.hardwareMismatches == 0)
    }

    /// One chunk of 2^20 float32 codes around 1.0 (0x3f800000…) through the float32
    /// shortest-digit printer against `Float.description`.
    @Test func oneChunkOfTheShortestFloat32Run() {
        let chunk = 0x3f80_0000 / ShortestFloat32Verification.chunkSize
        let outcome = ShortestFloat32Verification(threads: 2, chunkRange: chunk..<(chunk + 1)).run()
        #expect(outcome.checked == 1 << 20)
        #expect(outcome.mismatches == 0, "\(outcome.examples)")
    }
}
