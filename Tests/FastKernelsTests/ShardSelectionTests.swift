import FastKernels
import Testing

/// `--shard K/N` and `--shard auto` as `run` and `verify` resolve them.
struct ShardSelectionTests {
    struct AutoCase: Sendable, CustomTestStringConvertible {
        let environment: [String: String]
        let shards: Int?
        let expected: Result<ShardSelection, ShardError>
        var testDescription: String { "\(environment.sorted { $0.key < $1.key }) --shards \(shards.map(String.init) ?? "-")" }
    }

    static let autoCases: [AutoCase] = [
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8"], shards: nil, expected: .success(try! ShardSelection(index: 3, count: 8))),
        // A resubmitted single task (sbatch --array=3) sees a count of 1: --shards wins.
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "1"], shards: 8, expected: .success(try! ShardSelection(index: 3, count: 8))),
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "1"], shards: nil, expected: .failure(.outOfRange(index: 3, count: 1))),
        AutoCase(environment: ["PARALLEL_SEQ": "2"], shards: 4, expected: .success(try! ShardSelection(index: 2, count: 4))),
        AutoCase(environment: ["PARALLEL_SEQ": "2"], shards: nil, expected: .failure(.noCount(indexVariable: "PARALLEL_SEQ"))),
        AutoCase(environment: ["PARALLEL_SEQ": "5"], shards: 4, expected: .failure(.outOfRange(index: 5, count: 4))),
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "8"], shards: nil, expected: .failure(.outOfRange(index: 0, count: 8))),
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "8"], shards: nil, expected: .failure(.badVariable(name: "SLURM_ARRAY_TASK_ID", value: "x"))),
        AutoCase(environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8x"], shards: nil, expected: .failure(.badVariable(name: "SLURM_ARRAY_TASK_COUNT", value: "8x"))),
        AutoCase(environment: ["SLURM_JOB_ID": "17"], shards: 8, expected: .failure(.noJobEnvironment)),
    ]

    @Test(arguments: autoCases)
    func auto(_ item: AutoCase) {
        let result = Result { () throws(ShardError) in try ShardSelection(parsing: "auto", shards: item.shards, environment: item.environment) }
        #expect(result == item.expected)
    }

    @Test func outsideAJobTheErrorNamesTheVariables() {
        let error = ShardError.noJobEnvironment.description
        #expect(error.contains("SLURM_ARRAY_TASK_ID") && error.contains("PARALLEL_SEQ"))
    }

    @Test(arguments: ["3/8", "8/8", "1/1"])
    func explicit(_ text: String) throws {
        #expect(try ShardSelection(parsing: text, shards: nil, environment: ["SLURM_ARRAY_TASK_ID": "1"]).description == text)
    }

    @Test(arguments: [("9/8", ShardError.outOfRange(index: 9, count: 8)), ("0/8", .outOfRange(index: 0, count: 8)),
                      ("3", .malformed("3")), ("3/", .malformed("3/")), ("a/b", .malformed("a/b")), ("3/8/1", .malformed("3/8/1")),
                      ("Auto", .malformed("Auto"))])
    func rejected(_ text: String, _ error: ShardError) {
        #expect(throws: error) { try ShardSelection(parsing: text, shards: nil, environment: [:]) }
    }

    @Test func shardsNeedsAuto() {
        #expect(throws: ShardError.shardsWithoutAuto) { try ShardSelection(parsing: "3/8", shards: 8, environment: [:]) }
    }

    /// Slices cover 0..<total once, in order; lengths differ by at most one.
    @Test(arguments: [(10, 3), (65536, 8), (256, 7), (3, 8), (1, 1), (1 << 32, 16), (1 << 32, 4099)])
    func slicesCoverEverythingOnce(total: Int, count: Int) throws {
        let slices = try (1...count).map { try ShardSelection(index: $0, count: count).slice(of: total) }
        #expect(slices.first?.lowerBound == 0 && slices.last?.upperBound == total)
        #expect(zip(slices, slices.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        let lengths = slices.map(\.count)
        #expect(lengths.max()! - lengths.min()! <= 1)
    }

    @Test func sliceWorkedValues() throws {
        #expect(try (1...3).map { try ShardSelection(index: $0, count: 3).slice(of: 10) } == [0..<3, 3..<6, 6..<10])
        #expect(try ShardSelection(index: 3, count: 16).slice(of: 1 << 32) == 536_870_912..<805_306_368)
    }

    /// A 2^32-pair space in up to 2^32 shards: total × K does not overflow 64 bits.
    @Test func slicesOfAHugeSpaceInManyShards() throws {
        let total = 1 << 32
        #expect(try ShardSelection(index: 1 << 32, count: 1 << 32).slice(of: total) == total - 1..<total)
        #expect(try ShardSelection(index: 3_000_000_000, count: 4_000_000_000).slice(of: total) == 3_221_225_470..<3_221_225_472)
        #expect(try ShardSelection(index: 5, count: 1 << 40).slice(of: total) == 0..<0)
    }
}
