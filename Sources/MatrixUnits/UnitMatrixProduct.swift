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
        try self.init(engine: DotProductEngine(unit: unit), m: m, n: n, k: k, promoteEvery: promoteEvery, threads: threads)
    }

    /// The same on an existing engine (callers that multiply many small products on one unit
    /// build its operand tables once).
    public init(engine: DotProductEngine, m: Int, n: Int, k: Int, promoteEvery: Int? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(MatrixProductError) {
        let unit = engine.unit
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
        self.engine = engine
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
        // Fused units: every operand decoded once (sign, exponent, integer significand).
        let decodedA = engine.fusedKernel == nil ? nil : a.withUnsafeBufferPointer { DecodedOperands(codes: $0, operand: engine.operandA) }
        let decodedB = engine.fusedKernel == nil ? nil : columns.withUnsafeBufferPointer { DecodedOperands(codes: $0, operand: engine.operandB) }
        var d = [UInt64](repeating: 0, count: m * n)
        d.withUnsafeMutableBufferPointer { output in
            let output = UnsafeMutableSendableBuffer(output)
            a.withUnsafeBufferPointer { aBuffer in
                columns.withUnsafeBufferPointer { columnBuffer in
                    // Read-only for every worker; each worker writes its own rows of `output`.
                    nonisolated(unsafe) let aRows = aBuffer, bColumns = columnBuffer
                    ParallelSplit.run(count: m, threads: threads) { rows in
                        for row in rows {
                            for column in 0..<n {
                                let chunk = ChunkSource(engine: engine, aCodes: aRows.baseAddress! + row * k,
                                                        bCodes: bColumns.baseAddress! + column * k,
                                                        decodedA: decodedA, decodedB: decodedB,
                                                        aOffset: row * k, bOffset: column * k)
                                output[row * n + column] = dot(chunk, c?[row * n + column] ?? 0)
                            }
                        }
                    }
                }
            }
        }
        return d
    }

    /// One row of A and one column of B, chunk by chunk: the fused kernel on the decoded
    /// operands when it applies, the engine on the codes otherwise.
    struct ChunkSource {
        let engine: DotProductEngine
        let aCodes: UnsafePointer<UInt64>
        let bCodes: UnsafePointer<UInt64>
        let decodedA: DecodedOperands?
        let decodedB: DecodedOperands?
        let aOffset: Int
        let bOffset: Int

        /// The unit's d for elements `start ..< start + unit.k` with accumulator `c`.
        @inline(__always) func d(start: Int, c: UInt64) -> UInt64 {
            let k = engine.unit.k
            if let kernel = engine.fusedKernel, let decodedA, let decodedB {
                let fast = kernel.instruction(DecodedPointers(aSignificands: decodedA.significands + aOffset + start,
                                                              aExponents: decodedA.exponents + aOffset + start,
                                                              bSignificands: decodedB.significands + bOffset + start,
                                                              bExponents: decodedB.exponents + bOffset + start), c: c)
                if let fast { return fast }
            }
            let empty = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
            return engine.evaluate(a: UnsafeBufferPointer(start: aCodes + start, count: k),
                                   b: UnsafeBufferPointer(start: bCodes + start, count: k),
                                   c: c, scalesA: empty, scalesB: empty)
        }
    }

    func dot(_ chunk: ChunkSource, _ c: UInt64) -> UInt64 {
        let unit = engine.unit
        let single = FloatFormat.float32
        guard let promoteEvery else {
            var accumulator = c
            var start = 0
            while start < k {
                accumulator = chunk.d(start: start, c: accumulator)
                start += unit.k
            }
            return accumulator
        }
        var promoted = unit.c.convert(c, to: single).bits
        var partial: UInt64 = 0
        var start = 0
        while start < k {
            partial = chunk.d(start: start, c: partial)
            start += unit.k
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
