import ArgumentParser
import FastKernels
import Foundation

/// `--shard K/N|auto` and `--shards N`, shared by `run` and `verify`.
struct ShardArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Do only shard K of N, or 'auto' in a job array.",
        discussion: "auto: K from SLURM_ARRAY_TASK_ID or PARALLEL_SEQ, N from --shards or SLURM_ARRAY_TASK_COUNT.",
        valueName: "K/N|auto"))
    var shard: String?

    @Option(help: ArgumentHelp("The shard count N for --shard auto (needed with GNU parallel and for a resubmitted single array task).", valueName: "n"))
    var shards: Int?

    /// The shard this process does, or nil without `--shard`; errors name the option or variable.
    ///
    ///     // SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=8, --shard auto   → 3/8
    func selection(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ShardSelection? {
        guard let shard else {
            if shards != nil { throw ValidationError("--shards N goes with --shard auto") }
            return nil
        }
        return try validating { try ShardSelection(parsing: shard, shards: shards, environment: environment) }
    }
}
