/// torch's CPU float32 `sum` of a contiguous 1-D tensor, addition for addition
/// (`cascade_sum` in aten/src/ATen/native/cpu/SumKernel.cpp, with `TensorIterator`'s
/// `parallel_reduce`), so that `tensor.mean()` = sum / n comes out with the same bits.
///
/// - With n ≥ `lanes` (8: `Vectorized<float>` on AVX2 and the default build): the tensor is
///   read as vectors of 8, four vectors per row (`row_sum`, ilp 4), summed lane-wise by
///   `multi_row_sum`: accumulators on 4 levels, level 0 taking 2^p rows (p = max(4,
///   ⌈log2 rows⌉ / 4)) before it is added into level 1, and so on (a cascade); leftover vectors
///   go into vector 0, vectors 1…3 are added into it, then the leftover scalars and the 8 lanes
///   are added one by one to a float 0.
/// - With n < `lanes`: the same `row_sum` on scalars.
/// - With n ≥ 32768 (`GRAIN_SIZE`) and `threads` > 1: `two_pass_reduction` — each of
///   min(threads, ⌈n / 32768⌉) threads sums one contiguous chunk of ⌈n / threads⌉, and the
///   per-thread results (slot order) are summed the same way.
///
/// Every addition is one float32 rounding (no fused operations), so hardware `Float` is exact.
///
///     TorchCPUSum().sum([1, 2, 3])   // 6
///     // 4,096 block absmaxes of a 256 × 1024 N(0,1) matrix (blocksize 64): the mean is
///     // 2.6085439 here and in torch; a sequential float32 sum gives 2.6085367.
public struct TorchCPUSum: Sendable, Hashable {
    /// `at::get_num_threads()` when torch ran; matters only for n ≥ 32768.
    public var threads: Int
    /// `Vectorized<float>::size()`: 8 except in torch's AVX-512 build (16, not verified here).
    public var lanes: Int

    static let grainSize = 32768

    public init(threads: Int = 1, lanes: Int = 8) {
        self.threads = max(1, threads)
        self.lanes = lanes
    }

    public func sum(_ values: [Float]) -> Float {
        let n = values.count
        guard n >= Self.grainSize, threads > 1 else { return 0 + chunkSum(values[...]) }
        let used = min(threads, (n + Self.grainSize - 1) / Self.grainSize)
        let chunk = (n + used - 1) / used
        var partials = [Float](repeating: 0, count: threads)
        for thread in 0..<used where thread * chunk < n {
            partials[thread] += chunkSum(values[(thread * chunk)..<min(n, (thread + 1) * chunk)])
        }
        return 0 + chunkSum(partials[...])
    }

    /// One call of cascade_sum's loop: `vectorized_inner_sum` or the scalar `row_sum`.
    func chunkSum(_ values: ArraySlice<Float>) -> Float {
        let base = values.startIndex
        let n = values.count
        guard n >= lanes else {
            return rowSum(width: 1, count: n) { index, _ in values[base + index] }[0]
        }
        let vectors = n / lanes
        let lanes = self.lanes
        let vectorSum = rowSum(width: lanes, count: vectors) { vector, lane in values[base + vector * lanes + lane] }
        var total: Float = 0
        for index in (vectors * lanes)..<n { total += values[base + index] }
        for lane in 0..<lanes { total += vectorSum[lane] }
        return total
    }

    /// `row_sum`: `count` items (scalars, or vectors of `width` lanes), as rows of 4 items for
    /// `multi_row_sum`, the leftover items added into item 0, then items 1…3 into item 0.
    func rowSum(width: Int, count: Int, load: (Int, Int) -> Float) -> [Float] {
        let ilp = 4
        let rows = count / ilp
        var partial = multiRowSum(width: width, rows: rows) { row, item, lane in load(row * ilp + item, lane) }
        for item in (rows * ilp)..<count {
            for lane in 0..<width { partial[0][lane] += load(item, lane) }
        }
        for item in 1..<ilp {
            for lane in 0..<width { partial[0][lane] += partial[item][lane] }
        }
        return partial[0]
    }

    /// `multi_row_sum` with 4 items per row and 4 cascade levels.
    func multiRowSum(width: Int, rows: Int, load: (Int, Int, Int) -> Float) -> [[Float]] {
        let levels = 4, items = 4
        let ceilLog2 = rows <= 2 ? 1 : (Int.bitWidth - (rows - 1).leadingZeroBitCount)
        let levelPower = max(4, ceilLog2 / levels)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        let zero = [[Float]](repeating: [Float](repeating: 0, count: width), count: items)
        var accumulators = [[[Float]]](repeating: zero, count: levels)
        var row = 0
        while row + levelStep <= rows {
            for _ in 0..<levelStep {
                for item in 0..<items {
                    for lane in 0..<width { accumulators[0][item][lane] += load(row, item, lane) }
                }
                row += 1
            }
            for level in 1..<levels {
                for item in 0..<items {
                    for lane in 0..<width { accumulators[level][item][lane] += accumulators[level - 1][item][lane] }
                }
                accumulators[level - 1] = zero
                if row & (levelMask << (level * levelPower)) != 0 { break }
            }
        }
        while row < rows {
            for item in 0..<items {
                for lane in 0..<width { accumulators[0][item][lane] += load(row, item, lane) }
            }
            row += 1
        }
        for level in 1..<levels {
            for item in 0..<items {
                for lane in 0..<width { accumulators[0][item][lane] += accumulators[level][item][lane] }
            }
        }
        return accumulators[0]
    }
}
