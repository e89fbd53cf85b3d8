/// `--shard K/N`: this process does shard K of N of a sweep. `run` computes cells K−1, K−1+N,
/// K−1+2N, … (every N-th cell); `verify --pairs` checks one contiguous slice of the pair space.
///
///     try ShardSelection(parsing: "2/4").contains(cell: 5)   // true: 5 % 4 == 1
///     try ShardSelection(parsing: "2/4").slice(of: 10)       // 2..<5
///
/// `--shard auto` takes K and N from the job's environment (``init(parsing:shards:environment:)``).
public struct ShardSelection: Sendable, Hashable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    public var count: Int

    /// Where `--shard auto` finds K: a Slurm array task's id, else GNU parallel's job number.
    public static let indexVariables = ["SLURM_ARRAY_TASK_ID", "PARALLEL_SEQ"]
    /// Where `--shard auto` finds N when `--shards N` is not given.
    public static let countVariable = "SLURM_ARRAY_TASK_COUNT"

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(index) else { throw .outOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// `K/N` such as `3/8`.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = parts.first.flatMap({ Int($0) }), let count = parts.last.flatMap({ Int($0) }) else {
            throw .malformed(text)
        }
        try self.init(index: index, count: count)
    }

    /// `K/N`, or `auto`: K from `SLURM_ARRAY_TASK_ID` (else `PARALLEL_SEQ`), N from `shards`
    /// (`--shards N`, which wins: a resubmitted single array task sees a task count of 1),
    /// else from `SLURM_ARRAY_TASK_COUNT`.
    ///
    ///     try ShardSelection(parsing: "auto", shards: nil,
    ///                        environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "8"])   // 3/8
    ///     try ShardSelection(parsing: "auto", shards: 4, environment: ["PARALLEL_SEQ": "2"])             // 2/4
    public init(parsing text: String, shards: Int?, environment: [String: String]) throws(ShardError) {
        guard text == "auto" else {
            if shards != nil { throw .shardsWithoutAuto }
            try self.init(parsing: text)
            return
        }
        guard let variable = Self.indexVariables.first(where: { environment[$0] != nil }), let indexText = environment[variable] else {
            throw .noJobEnvironment
        }
        guard let index = Int(indexText) else { throw .badVariable(name: variable, value: indexText) }
        let count: Int
        if let shards {
            count = shards
        } else if let countText = environment[Self.countVariable] {
            guard let value = Int(countText) else { throw .badVariable(name: Self.countVariable, value: countText) }
            count = value
        } else {
            throw .noCount(indexVariable: variable)
        }
        try self.init(index: index, count: count)
    }

    /// 1/1: the whole sweep in one process.
    public static let whole = try! ShardSelection(index: 1, count: 1)

    public func contains(cell: Int) -> Bool { cell % count == index - 1 }

    /// This shard's contiguous part of `0..<total`: the N slices are in order, cover every
    /// item once and differ in length by at most one.
    ///
    ///     (1...3).map { try ShardSelection(index: $0, count: 3).slice(of: 10) }   // [0..<3, 3..<6, 6..<10]
    ///     try ShardSelection(index: 3, count: 16).slice(of: 1 << 32)            // 536870912..<805306368
    ///
    /// `total × K` is formed at double width, so any K/N slices a 2^32-pair space (or larger)
    /// without overflow.
    public func slice(of total: Int) -> Range<Int> {
        Self.boundary(total, index - 1, count)..<Self.boundary(total, index, count)
    }

    /// ⌊total × k ÷ n⌋ for 0 ≤ k ≤ n, exact at 128 bits (the result fits: it is at most total).
    private static func boundary(_ total: Int, _ k: Int, _ n: Int) -> Int {
        let product = UInt(total).multipliedFullWidth(by: UInt(k))
        return Int(UInt(n).dividingFullWidth(product).quotient)
    }

    /// The folder name of this shard's files: `accumulation.shard-3-of-8`.
    public func folderName(experiment: String) -> String { "\(experiment).shard-\(index)-of-\(count)" }

    public var description: String { "\(index)/\(count)" }
}
