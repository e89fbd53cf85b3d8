/// Why a `--shard` value cannot be used. Every case names the value or variable at fault.
public enum ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not `K/N` (nor `auto`).
    case malformed(String)
    /// K outside 1…N.
    case outOfRange(index: Int, count: Int)
    /// `--shard auto` outside a Slurm array task or GNU parallel job.
    case noJobEnvironment
    /// `--shard auto` found K but no N.
    case noCount(indexVariable: String)
    /// An environment variable that is not a whole number.
    case badVariable(name: String, value: String)
    /// `--shards N` with an explicit `--shard K/N`.
    case shardsWithoutAuto

    public var description: String {
        switch self {
        case .malformed(let text): return "--shard expects K/N such as 3/8, or auto, got '\(text)'"
        case .outOfRange(let index, let count): return "--shard K/N needs 1 ≤ K ≤ N, got \(index)/\(count)"
        case .noJobEnvironment:
            return "--shard auto takes K from SLURM_ARRAY_TASK_ID (a Slurm array task) or PARALLEL_SEQ (GNU parallel), and neither is set; outside a job pass --shard K/N"
        case .noCount(let variable):
            return "--shard auto found \(variable) but no shard count: SLURM_ARRAY_TASK_COUNT is not set; pass --shards N"
        case .badVariable(let name, let value): return "--shard auto: \(name) is '\(value)', not a whole number"
        case .shardsWithoutAuto: return "--shards N goes with --shard auto; with --shard K/N the count is already given"
        }
    }
}
