import FastKernels
import Foundation
import SoftFloat

/// A whole GEMM `D = A·B + C` as a kernel's main loop issues it on one matrix unit: K is walked
/// in the unit's K-chunks, each chunk's d fed back as the next chunk's c.
///
/// With `promoteEvery = N` (DeepSeek-V3's fine-grained promotion), every N elements of K the
/// unit's partial D is added into a separate FP32 accumulator (an ordinary nearest-even FP32
/// add) and the unit restarts from +0; the accumulator starts at C (widened to f32) and is
/// rounded to D's format (nearest-even) at the end.
///
///     // 2×2 identity times B with c = 0 on a K=16 unit: K = 16 is one chunk.
///     let d = try UnitMatrixProduct(unit: unit, m: 2, n: 2, k: 16).multiply(a: aCodes, b: bCodes, c: nil)
public struct UnitMatrixProduct: Sendable {
    public let engine: DotProductEngine
    public let m: Int
    public let n: Int
    public let k: Int
    public let promoteEvery: Int?
    /// Worker threads (rows are dealt round-robin).
    public let threads: Int

    /// - Throws: a message when K is not a multiple of the unit's K, or N is not a multiple of it.
    public init(unit: MatrixUnit, m: Int, n: Int, k: Int, promoteEvery: Int? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(MatrixProductError) {
        guard unit.scale == nil else {
            throw MatrixProductError("matrix mode does not take block scales; \(unit.name) is block-scaled")
        }
        guard k > 0, k % unit.k == 0 else {
            throw MatrixProductError("K = \(k) must be a positive multiple of the unit's K = \(unit.k)")
        }
        if let promoteEvery {
            guard promoteEvery > 0, promoteEvery % unit.k == 0 else {
                throw MatrixProductError("--promote-every \(promoteEvery) must be a positive multiple of the unit's K = \(unit.k)")
            }
        }
        engine = DotProductEngine(unit: unit)
        self.m = m
        self.n = n
        self.k = k
        self.promoteEvery = promoteEvery
        self.threads = max(1, threads)
    }

    /// D's codes, row-major m×n. `a` holds m×k codes of A's format row-major, `b` k×n codes of
    /// B's format row-major, `c` (optional, else +0) m×n codes of C's format.
    public func multiply(a: [UInt64], b: [UInt64], c: [UInt64]?) -> [UInt64] {
        precondition(a.count == m * k && b.count == k * n && (c == nil || c!.count == m * n))
        // Columns of B, contiguous.
        var columns = [UInt64](repeating: 0, count: k * n)
        for row in 0..<k {
            for column in 0..<n { columns[column * k + row] = b[row * n + column] }
        }
        let unit = engine.unit
        let single = FloatFormat.float32
        let chunk = unit.k
        var d = [UInt64](repeating: 0, count: m * n)
        nonisolated(unsafe) let empty = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
        d.withUnsafeMutableBufferPointer { output in
            let output = UnsafeMutableSendableBuffer(output)
            a.withUnsafeBufferPointer { aBuffer in
                columns.withUnsafeBufferPointer { columnBuffer in
                    // Read-only for every worker; each worker writes its own rows of `output`.
                    nonisolated(unsafe) let aRows = aBuffer, bColumns = columnBuffer
                    ParallelSplit.run(count: m, threads: threads) { rows in
                        for row in rows {
                            let aRow = UnsafeBufferPointer(rebasing: aRows[(row * k)..<((row + 1) * k)])
                            for column in 0..<n {
                                let bColumn = UnsafeBufferPointer(rebasing: bColumns[(column * k)..<((column + 1) * k)])
                                let cCode = c?[row * n + column] ?? 0
                                output[row * n + column] = dot(aRow, bColumn, cCode, chunk: chunk, empty: empty, single: single)
                            }
                        }
                    }
                }
            }
        }
        return d
    }

    func dot(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>, _ c: UInt64, chunk: Int,
             empty: UnsafeBufferPointer<UInt64>, single: FloatFormat) -> UInt64 {
        let unit = engine.unit
        guard let promoteEvery else {
            var accumulator = c
            var start = 0
            while start < k {
                accumulator = engine.evaluate(a: UnsafeBufferPointer(rebasing: a[start..<(start + chunk)]),
                                              b: UnsafeBufferPointer(rebasing: b[start..<(start + chunk)]),
                                              c: accumulator, scalesA: empty, scalesB: empty)
                start += chunk
            }
            return accumulator
        }
        var promoted = unit.c.convert(c, to: single).bits
        var partial: UInt64 = 0
        var start = 0
        while start < k {
            partial = engine.evaluate(a: UnsafeBufferPointer(rebasing: a[start..<(start + chunk)]),
                                      b: UnsafeBufferPointer(rebasing: b[start..<(start + chunk)]),
                                      c: partial, scalesA: empty, scalesB: empty)
            start += chunk
            if start % promoteEvery == 0 || start == k {
                promoted = single.add(promoted, unit.d.convert(partial, to: single).bits).bits
                partial = 0
            }
        }
        return single.convert(promoted, to: unit.d).bits
    }
}

/// A mutable buffer handed to concurrent workers that write disjoint elements.
struct UnsafeMutableSendableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<UInt64>
    init(_ buffer: UnsafeMutableBufferPointer<UInt64>) { self.buffer = buffer }
    subscript(index: Int) -> UInt64 {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
