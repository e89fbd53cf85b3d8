/// `--shard K/N`: this process computes cells K−1, K−1+N, K−1+2N, … (every N-th cell).
///
///     try ShardSelection(parsing: "2/4").contains(cell: 5)   // true: 5 % 4 == 1
public struct ShardSelection: Sendable, Hashable, CustomStringConvertible {
    /// 1-based shard number.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(RunError) {
        guard count >= 1, (1...count).contains(index) else {
            throw RunError.shard("--shard K/N needs 1 ≤ K ≤ N, got \(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws(RunError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = parts.first.flatMap({ Int($0) }), let count = parts.last.flatMap({ Int($0) }) else {
            throw RunError.shard("--shard expects K/N such as 3/8, got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    public func contains(cell: Int) -> Bool { cell % count == index - 1 }

    /// The folder name of this shard's files: `accumulation.shard-3-of-8`.
    public func folderName(experiment: String) -> String { "\(experiment).shard-\(index)-of-\(count)" }

    public var description: String { "\(index)/\(count)" }
}
