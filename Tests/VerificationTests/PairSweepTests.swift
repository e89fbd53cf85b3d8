import FastKernels
import Foundation
import SoftFloat
import Testing
@testable import Verification

/// `verify --pairs --shard K/N` and `verify --merge`: shards of float8 pair spaces merge into
/// exactly the summary one process gives, and incomplete or mixed folders are refused.
struct PairSweepTests {
    struct SweepCase: Sendable, CustomTestStringConvertible {
        let format: FloatFormat
        let operation: ArithmeticOperation
        let directions: [String]
        let shardCount: Int
        var testDescription: String { "\(format.name) \(operation.rawValue) \(directions) in \(shardCount) shards" }
    }

    static let sweeps: [SweepCase] = [
        SweepCase(format: .float8_e4m3fn, operation: .add, directions: ["RNDN", "RNDA"], shardCount: 8),
        SweepCase(format: .float8_e5m2, operation: .divide, directions: ["toward-zero"], shardCount: 3),
        SweepCase(format: .float8_e5m2, operation: .squareRoot, directions: ["all"], shardCount: 8),
        SweepCase(format: .float4_e2m1fn, operation: .multiply, directions: [], shardCount: 7),
    ]

    func summary(_ sweep: SweepCase, shard: ShardSelection?) throws -> PairVerificationSummary {
        let space = PairVerification.pairCount(format: sweep.format, operation: sweep.operation)
        let verification = try PairVerification(format: sweep.format, operation: sweep.operation, threads: 2,
                                                directions: try PairVerification.directions(parsing: sweep.directions),
                                                pairs: shard?.slice(of: space))
        return PairVerificationSummary(verification: verification, outcome: verification.run(), shard: shard ?? .whole)
    }

    func shardFiles(_ sweep: SweepCase) throws -> [(path: String, text: String)] {
        try (1...sweep.shardCount).map { index in
            let part = try summary(sweep, shard: try ShardSelection(index: index, count: sweep.shardCount))
            return (part.fileName, part.fileText)
        }
    }

    @Test(arguments: sweeps)
    func mergedShardsEqualOneProcess(_ sweep: SweepCase) throws {
        let single = try summary(sweep, shard: nil)
        let space = PairVerification.pairCount(format: sweep.format, operation: sweep.operation)
        let directionCount = sweep.directions.isEmpty || sweep.directions == ["all"] ? 5 : sweep.directions.count
        #expect(single.cases == UInt64(space * directionCount))
        #expect(single.mismatches == 0, "\(single.examples)")
        #expect(single.checksum != 0)
        let merged = try PairVerificationSummary.merge(try shardFiles(sweep))
        #expect(merged.report == single.report)
        #expect(merged.fileText == single.fileText)
    }

    /// The checksum covers the results: a different direction set or operation changes it.
    @Test func checksumDependsOnWhatWasChecked() throws {
        let nearest = try summary(SweepCase(format: .float4_e2m1fn, operation: .add, directions: ["RNDN"], shardCount: 1), shard: nil)
        let up = try summary(SweepCase(format: .float4_e2m1fn, operation: .add, directions: ["RNDU"], shardCount: 1), shard: nil)
        let sub = try summary(SweepCase(format: .float4_e2m1fn, operation: .subtract, directions: ["RNDN"], shardCount: 1), shard: nil)
        #expect(Set([nearest.checksum, up.checksum, sub.checksum]).count == 3)
    }

    static let small = SweepCase(format: .float8_e5m2, operation: .multiply, directions: ["RNDN"], shardCount: 8)

    @Test func mergeNamesTheMissingShard() throws {
        var files = try shardFiles(Self.small)
        files.remove(at: 2)
        #expect(throws: PairVerificationError.coverage("missing shard 3 of 8 (no merged summary)")) { try PairVerificationSummary.merge(files) }
        files.removeLast()
        #expect(throws: PairVerificationError.coverage("missing shard 3 of 8; missing shard 8 of 8 (no merged summary)")) { try PairVerificationSummary.merge(files) }
    }

    @Test func mergeRefusesADuplicate() throws {
        var files = try shardFiles(Self.small)
        files.append(("copy/" + files[1].path, files[1].text))
        #expect(throws: PairVerificationError.coverage("duplicate shard 2 of 8: \(files[1].path) and copy/\(files[1].path)")) {
            try PairVerificationSummary.merge(files)
        }
    }

    struct Corruption: Sendable, CustomTestStringConvertible {
        let name: String
        let edit: @Sendable (String) -> String
        let message: String
        var testDescription: String { name }
    }

    static let corruptions: [Corruption] = [
        Corruption(name: "truncated", edit: { String($0.dropLast(5)) }, message: "truncated: no 'end' line"),
        Corruption(name: "other operation", edit: { $0.replacingOccurrences(of: "operation = mul", with: "operation = add") }, message: "disagree on operation: mul vs add"),
        Corruption(name: "other directions", edit: { $0.replacingOccurrences(of: "directions = RNDN", with: "directions = RNDU") }, message: "disagree on directions: RNDN vs RNDU"),
        Corruption(name: "other version", edit: { $0.replacingOccurrences(of: "version = 1", with: "version = 2") }, message: "disagree on version: 1 vs 2"),
        Corruption(name: "other shard count", edit: { $0.replacingOccurrences(of: "shard = 4/8", with: "shard = 4/9") }, message: "disagree on shard count: 8 vs 9"),
        Corruption(name: "wrong slice", edit: { $0.replacingOccurrences(of: "slice = 24576..<32768", with: "slice = 24576..<32000") }, message: "is not shard 4/8's slice"),
        Corruption(name: "cases short", edit: { $0.replacingOccurrences(of: "cases = 8192", with: "cases = 8191") }, message: "8191 cases, but 8192 pairs × 1 directions is 8192"),
        Corruption(name: "not a summary", edit: { _ in "hello\n" }, message: "not a verify --pairs shard summary"),
        Corruption(name: "bad number", edit: { $0.replacingOccurrences(of: "mismatches = 0", with: "mismatches = none") }, message: "mismatches 'none' is not a number"),
        Corruption(name: "shard beyond N", edit: { $0.replacingOccurrences(of: "shard = 4/8", with: "shard = 9/8") }, message: "--shard K/N needs 1 ≤ K ≤ N, got 9/8"),
    ]

    @Test(arguments: corruptions)
    func mergeRefusesABadShard(_ corruption: Corruption) throws {
        var files = try shardFiles(Self.small)
        files[3].text = corruption.edit(files[3].text)
        do {
            _ = try PairVerificationSummary.merge(files)
            Issue.record("merged despite: \(corruption.name)")
        } catch {
            #expect(error.description.contains(corruption.message), "\(error)")
        }
    }

    @Test func mergeOfNothingIsRefused() {
        #expect(throws: PairVerificationError.self) { try PairVerificationSummary.merge([]) }
    }

    /// Mismatch examples survive the file and a merge keeps the first five in shard (pair) order.
    @Test func examplesRoundTripAndMergeInPairOrder() throws {
        var files: [(path: String, text: String)] = []
        for index in 1...2 {
            var part = try summary(SweepCase(format: .float4_e2m1fn, operation: .add, directions: ["RNDN"], shardCount: 2),
                                   shard: try ShardSelection(index: index, count: 2))
            part.mismatches = 3
            part.examples = (0..<3).map { "add(0x\(index), 0x\($0)) RNDN: engine 0x1 [], MPFR 0x2 []" }
            #expect(try PairVerificationSummary(parsing: part.fileText, path: "x") == part)
            files.append((part.fileName, part.fileText))
        }
        let merged = try PairVerificationSummary.merge(files.reversed())
        #expect(merged.mismatches == 6)
        #expect(merged.examples == ["add(0x1, 0x0)", "add(0x1, 0x1)", "add(0x1, 0x2)", "add(0x2, 0x0)", "add(0x2, 0x1)"].map { $0 + " RNDN: engine 0x1 [], MPFR 0x2 []" })
        #expect(merged.report.hasPrefix("verify --pairs float4_e2m1fn add (RNDN): 256 pairs, 256 cases, 6 mismatches, checksum "))
    }

    @Test func writeThenMergeAFolder() throws {
        let folder = NSTemporaryDirectory() + "pair-sweep-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sweep = SweepCase(format: .float4_e2m1fn, operation: .divide, directions: [], shardCount: 4)
        for index in 1...4 { _ = try summary(sweep, shard: try ShardSelection(index: index, count: 4)).write(to: folder) }
        #expect(try PairVerificationSummary.merge(directory: folder).report == (try summary(sweep, shard: nil)).report)
    }

    @Test(arguments: [(["up", "RNDA"], [MPFRRoundingName.up, .awayFromZero]), (["all"], MPFRRoundingName.all), ([], MPFRRoundingName.all)])
    func directionNames(_ names: [String], _ expected: [MPFRRoundingName]) throws {
        #expect(try PairVerification.directions(parsing: names).map(\.rawValue) == expected.map(\.rawValue))
    }

    @Test func unknownDirectionIsNamed() {
        #expect(throws: PairVerificationError.unknownDirection("nearest-away")) { try PairVerification.directions(parsing: ["nearest-away"]) }
    }
}

/// MPFR's direction names as the tests spell them (the tests do not link MPFRReference).
enum MPFRRoundingName: String, Sendable, CaseIterable {
    case nearestEven = "RNDN", towardZero = "RNDZ", up = "RNDU", down = "RNDD", awayFromZero = "RNDA"
    static var all: [MPFRRoundingName] { allCases }
}
