import FastKernels
import SoftFloat

/// The groups of a ``GroupLayout`` whose elements are contiguous in memory (tensor, row and
/// `group:N`), as lines of equal length cut into runs of `groupSize` (the last run of a line
/// may be shorter). Per tensor there is one line, the whole matrix.
///
///     // 3 × 10, group:4 → 3 lines of 10, runs 4, 4, 2; group (line 1, run 2) is number 5
struct Float32Segments: Sendable, Hashable {
    let lines: Int
    let lineLength: Int
    let groupSize: Int
    let groupsPerLine: Int
    /// The matrix's columns, to name an element's row and column in errors.
    let columns: Int

    /// nil for `column` granularity, whose groups are strided.
    init?(layout: GroupLayout) {
        columns = layout.columns
        switch layout.granularity {
        case .tensor:
            lines = 1
            lineLength = layout.rows * layout.columns
            groupSize = lineLength
            groupsPerLine = 1
        case .row:
            lines = layout.rows
            lineLength = layout.columns
            groupSize = layout.columns
            groupsPerLine = 1
        case .group(let size):
            lines = layout.rows
            lineLength = layout.columns
            groupSize = min(size, layout.columns)
            groupsPerLine = layout.groupsPerRow
        case .column, .block:
            return nil
        }
    }

    var groupCount: Int { lines * groupsPerLine }

    /// The first element and the length of run `run` of line `line`.
    @inline(__always)
    func run(line: Int, run: Int) -> (start: Int, count: Int) {
        let offset = run * groupSize
        return (line * lineLength + offset, min(groupSize, lineLength - offset))
    }
}

/// A kernel whose groups are quantized independently from one reduction over the group (its
/// extremes): integers and codebooks. The drivers below run it
/// - per tensor: two passes over slices, each in parallel;
/// - one group per row: each worker owns whole rows, quantizing row r while reducing row r + 1
///   in the same loop (``runPipelined(_:segments:threads:)``);
/// - several groups per row: batches of groups up to 16 KiB, all reduced, then all quantized
///   from L1.
protocol Float32GroupwiseKernel: Sendable {
    associatedtype Parameters: Sendable
    /// The group's extremes (only the parts the scheme needs have to be meaningful).
    func reduce(_ x: UnsafePointer<UInt32>, count: Int) -> Extremes
    /// The group's parameters, exactly as the soft-float kernel computes them.
    func parameters(_ extremes: Extremes, group: Int) throws(QuantizationError) -> Parameters
    /// The scale code and zero point reported for a group.
    func reported(_ parameters: Parameters) -> (scale: UInt32, zeroPoint: Int32)
    /// Quantizes a run into the element storage starting at element `offset`; returns how many
    /// elements were clamped or saturated.
    func quantize(_ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int) -> Int
    /// The same, also reducing the next run of `count` elements (see ``runPipelined(_:segments:threads:)``).
    func quantizeReducingNext(
        _ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int,
        next: UnsafePointer<UInt32>
    ) -> (clamped: Int, next: Extremes)
    /// x̂ for a run, from its stored elements and its group's reported scale and zero point.
    func dequantize(_ elements: UnsafeRawPointer, offset: Int, count: Int, scale: UInt32, zeroPoint: Int32, into output: UnsafeMutablePointer<UInt32>)
}

extension Float32GroupwiseKernel {
    /// Quantizing and reducing in separate passes.
    func quantizeReducingNext(
        _ x: UnsafePointer<UInt32>, count: Int, _ parameters: Parameters, into elements: UnsafeMutableRawPointer, offset: Int,
        next: UnsafePointer<UInt32>
    ) -> (clamped: Int, next: Extremes) {
        (quantize(x, count: count, parameters, into: elements, offset: offset), reduce(next, count: count))
    }

    /// Quantizes every group; returns the clamped count. Errors are the first in group order,
    /// whatever the thread count.
    func run(_ buffers: Float32KernelBuffers, segments: Float32Segments, threads: Int) throws(QuantizationError) -> Int {
        if segments.groupCount == 1 { return try runSingleGroup(buffers, segments: segments, threads: threads) }
        if segments.groupsPerLine == 1 { return try runPipelined(buffers, segments: segments, threads: threads) }
        let slices = ParallelSplit.slices(count: segments.lines, threads: threads, granule: 1)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        let errors = LockedValue([QuantizationError?](repeating: nil, count: slices.count))
        // Runs are handled in batches of up to 4096 elements (16 KiB, in L1 for the second
        // pass): first every run's reduction and parameters, then every run's elements, so no
        // run's element loop waits on its own reduction → horizontal max → division chain,
        // and consecutive runs overlap in the out-of-order core.
        let batch = Swift.max(1, Swift.min(segments.groupsPerLine, 4096 / Swift.max(1, segments.groupSize)))
        ParallelSplit.run(slices: slices.count) { worker in
            let stored = UnsafeMutablePointer<Parameters>.allocate(capacity: batch)
            defer { stored.deallocate() }
            var total = 0
            for line in slices[worker] {
                var first = 0
                while first < segments.groupsPerLine {
                    let end = Swift.min(segments.groupsPerLine, first + batch)
                    for run in first..<end {
                        let (start, count) = segments.run(line: line, run: run)
                        let group = line * segments.groupsPerLine + run
                        let extremes = reduce(buffers.input + start, count: count)
                        var failure: QuantizationError?
                        if extremes.isNonFinite {
                            failure = Self.nonFiniteError(buffers.input, start: start, count: count, columns: segments.columns)
                        } else {
                            do throws(QuantizationError) {
                                (stored + (run - first)).initialize(to: try self.parameters(extremes, group: group))
                            } catch {
                                failure = error
                            }
                        }
                        if let failure {
                            stored.deinitialize(count: run - first)
                            errors.update { $0[worker] = failure }
                            return
                        }
                        (buffers.scales[group], buffers.zeroPoints[group]) = reported(stored[run - first])
                    }
                    for run in first..<end {
                        let (start, count) = segments.run(line: line, run: run)
                        total += quantize(buffers.input + start, count: count, stored[run - first], into: buffers.elements, offset: start)
                    }
                    stored.deinitialize(count: end - first)
                    first = end
                }
            }
            clamped.update { $0[worker] = total }
        }
        if let error = errors.value.lazy.compactMap({ $0 }).first { throw error }
        return clamped.value.reduce(0, +)
    }

    /// One group per line (per row): each worker reduces its first row, then quantizes row r
    /// while reducing row r + 1 in the same loop, so memory reads never stop for arithmetic.
    func runPipelined(_ buffers: Float32KernelBuffers, segments: Float32Segments, threads: Int) throws(QuantizationError) -> Int {
        let slices = ParallelSplit.slices(count: segments.lines, threads: threads, granule: 1)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        let errors = LockedValue([QuantizationError?](repeating: nil, count: slices.count))
        let length = segments.lineLength
        ParallelSplit.run(slices: slices.count) { worker in
            let lines = slices[worker]
            var total = 0
            var extremes = reduce(buffers.input + lines.lowerBound * length, count: length)
            for line in lines {
                let start = line * length
                if extremes.isNonFinite {
                    let error = Self.nonFiniteError(buffers.input, start: start, count: length, columns: segments.columns)
                    errors.update { $0[worker] = error }
                    return
                }
                let parameters: Parameters
                do throws(QuantizationError) {
                    parameters = try self.parameters(extremes, group: line)
                } catch {
                    errors.update { $0[worker] = error }
                    return
                }
                (buffers.scales[line], buffers.zeroPoints[line]) = reported(parameters)
                if line + 1 < lines.upperBound {
                    let result = quantizeReducingNext(
                        buffers.input + start, count: length, parameters, into: buffers.elements, offset: start,
                        next: buffers.input + start + length)
                    total += result.clamped
                    extremes = result.next
                } else {
                    total += quantize(buffers.input + start, count: length, parameters, into: buffers.elements, offset: start)
                }
            }
            clamped.update { $0[worker] = total }
        }
        if let error = errors.value.lazy.compactMap({ $0 }).first { throw error }
        return clamped.value.reduce(0, +)
    }

    /// One group over the whole input: reduce slices in parallel, combine, then quantize slices
    /// in parallel. The input is read twice; at 64 MiB that is two streams from memory.
    func runSingleGroup(_ buffers: Float32KernelBuffers, segments: Float32Segments, threads: Int) throws(QuantizationError) -> Int {
        let count = segments.lineLength * segments.lines
        let slices = ParallelSplit.slices(count: count, threads: threads, granule: 4096)
        let partial = LockedValue([Extremes](repeating: .empty, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            let extremes = reduce(buffers.input + slices[worker].lowerBound, count: slices[worker].count)
            partial.update { $0[worker] = extremes }
        }
        let extremes = partial.value.reduce(Extremes.empty) { $0.combined(with: $1) }
        if extremes.isNonFinite {
            throw Self.nonFiniteError(buffers.input, start: 0, count: count, columns: segments.columns)
        }
        let parameters = try self.parameters(extremes, group: 0)
        (buffers.scales[0], buffers.zeroPoints[0]) = reported(parameters)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            let slice = slices[worker]
            let count = quantize(buffers.input + slice.lowerBound, count: slice.count, parameters,
                                 into: buffers.elements, offset: slice.lowerBound)
            clamped.update { $0[worker] = count }
        }
        return clamped.value.reduce(0, +)
    }

    /// Dequantizes every group from the stored elements, scales and zero points.
    func dequantize(_ buffers: Float32DequantizeBuffers, segments: Float32Segments, threads: Int) {
        if segments.groupCount == 1 {
            let count = segments.lineLength * segments.lines
            let slices = ParallelSplit.slices(count: count, threads: threads, granule: 4096)
            ParallelSplit.run(slices: slices.count) { worker in
                let slice = slices[worker]
                dequantize(buffers.elements, offset: slice.lowerBound, count: slice.count,
                           scale: buffers.scales[0], zeroPoint: buffers.zeroPoints[0], into: buffers.output + slice.lowerBound)
            }
            return
        }
        let slices = ParallelSplit.slices(count: segments.lines, threads: threads, granule: 1)
        ParallelSplit.run(slices: slices.count) { worker in
            for line in slices[worker] {
                for run in 0..<segments.groupsPerLine {
                    let (start, count) = segments.run(line: line, run: run)
                    let group = line * segments.groupsPerLine + run
                    dequantize(buffers.elements, offset: start, count: count, scale: buffers.scales[group],
                               zeroPoint: buffers.zeroPoints[group], into: buffers.output + start)
                }
            }
        }
    }

    /// The soft-float path's message for the first NaN or ±∞ of a run.
    static func nonFiniteError(_ input: UnsafePointer<UInt32>, start: Int, count: Int, columns: Int) -> QuantizationError {
        var index = start
        while index < start + count - 1 && input[index] & 0x7fff_ffff < 0x7f80_0000 { index += 1 }
        return .nonFiniteInput(
            row: index / columns, column: index % columns, value: FloatFormat.float32.shortestDecimal(UInt64(input[index])),
            reason: "is not finite; this kernel needs finite inputs (only the MX schemes define NaN and ±inf: the block decodes to NaN)")
    }
}

/// The buffers of one dequantize call (see ``Float32KernelBuffers``).
struct Float32DequantizeBuffers: @unchecked Sendable {
    let elements: UnsafeRawPointer
    let scales: UnsafePointer<UInt32>
    let zeroPoints: UnsafePointer<Int32>
    let output: UnsafeMutablePointer<UInt32>
}
