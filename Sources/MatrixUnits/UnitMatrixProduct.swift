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
                    // Plain pointers: no reference counting per dot product.
                    nonisolated(unsafe) let aRows = aBuffer.baseAddress!, bColumns = columnBuffer.baseAddress!
                    nonisolated(unsafe) let aSignificands = decodedA?.significands, aExponents = decodedA?.exponents
                    nonisolated(unsafe) let bSignificands = decodedB?.significands, bExponents = decodedB?.exponents
                    ParallelSplit.run(count: m, threads: threads) { rows in
                        for row in rows {
                            for column in 0..<n {
                                var decoded: DecodedPointers?
                                if let aSignificands, let aExponents, let bSignificands, let bExponents {
                                    decoded = DecodedPointers(aSignificands: aSignificands + row * k, aExponents: aExponents + row * k,
                                                              bSignificands: bSignificands + column * k, bExponents: bExponents + column * k)
                                }
                                output[row * n + column] = dot(aCodes: aRows + row * k, bCodes: bColumns + column * k,
                                                               decoded: decoded, c: c?[row * n + column] ?? 0)
                            }
                        }
                    }
                }
            }
        }
        withExtendedLifetime((decodedA, decodedB)) {}
        return d
    }

    /// The unit's d for elements `start ..< start + unit.k` of one row and one column with
    /// accumulator `c`: the fused kernel on the decoded operands when it applies, the engine on
    /// the codes otherwise.
    @inline(__always)
    func chunk(aCodes: UnsafePointer<UInt64>, bCodes: UnsafePointer<UInt64>, decoded: DecodedPointers?, start: Int, c: UInt64) -> UInt64 {
        if let decoded, let kernel = engine.fusedKernel {
            let shifted = DecodedPointers(aSignificands: decoded.aSignificands + start, aExponents: decoded.aExponents + start,
                                          bSignificands: decoded.bSignificands + start, bExponents: decoded.bExponents + start)
            if let d = kernel.instruction(shifted, c: c) { return d }
        }
        let chunk = engine.unit.k
        let empty = UnsafeBufferPointer<UInt64>(start: nil, count: 0)
        return engine.evaluate(a: UnsafeBufferPointer(start: aCodes + start, count: chunk),
                               b: UnsafeBufferPointer(start: bCodes + start, count: chunk),
                               c: c, scalesA: empty, scalesB: empty, cInOutputFormat: start > 0 || promoteEvery != nil)
    }

    func dot(aCodes: UnsafePointer<UInt64>, bCodes: UnsafePointer<UInt64>, decoded: DecodedPointers?, c: UInt64) -> UInt64 {
        guard let promoteEvery else {
            var accumulator = c
            var start = 0
            while start < k {
                accumulator = chunk(aCodes: aCodes, bCodes: bCodes, decoded: decoded, start: start, c: accumulator)
                start += engine.unit.k
            }
            return accumulator
        }
        let unit = engine.unit
        let single = FloatFormat.float32
        var promoted = unit.c.convert(c, to: single).bits
        var partial: UInt64 = 0
        var start = 0
        while start < k {
            partial = chunk(aCodes: aCodes, bCodes: bCodes, decoded: decoded, start: start, c: partial)
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
