import SoftFloat

/// NF4 and bitsandbytes FP4 with blockwise absmax in hardware float32, step for step
/// ``CodebookKernel``: absmax = max|x| per block; n = x / absmax (textbook; 0 for an all-zero
/// block); position = the number of thresholds t with n > t among the table's distinct values
/// in ascending order, code = the code at that position; x̂ = table[code] · absmax. (The
/// bitsandbytes convention blocks the flattened matrix and stays on
/// ``BitsandbytesCodebookKernel``.)
///
/// The nearest code with ties to the lower value means "n > midpoint sends n up", for the
/// midpoints of neighboring table values (exact in `Double`). For a float32 n, n > m exactly
/// when n > t, t being the largest float32 ≤ m; so t = m rounded down.
///
///     // NF4 codes 7 (0.0) and 8 (0.0795803): midpoint 0.03979015 → code 7 for n ≤ it
///
/// NF4's table is sorted by code, so the position is the code. bitsandbytes' FP4 is
/// sign-magnitude with ±0: its 15 distinct values (±0 as code 0, the lowest, as
/// ``Codebook/sortedTable(in:)`` keeps it) give 14 thresholds, padded with +∞ (never below a
/// finite n), and a pass over the block's bytes maps positions to codes:
///
///     // FP4 ascending: −1 (code 11), −2/3 (10), −1/2 (13), … 0 (0), 1/192 (1), … 1 (3)
///
/// Why it is fast: 15 packed compares (`cmpltps`) and mask subtractions per four elements, no
/// table lookup and no branch, after one divide; the block's absmax is an integer
/// max reduction over its 64 elements, which are then still in L1 for the second pass.
struct Float32CodebookKernel: Float32GroupwiseKernel {
    let thresholds: Float32Thresholds
    /// The table in float32, indexed by code, for x̂.
    let table: [Float]
    /// |n| above this is counted as clamped (the table's largest magnitude, 1 for NF4).
    let largestMagnitude: Float
    /// The code at each ascending position, when it is not the position itself (FP4).
    let codeAtPosition: [UInt8]?
    /// NF4 or bitsandbytes' FP4 (the output's element kind).
    let codebook: Codebook

    /// nil for a codebook of more than 16 values, or another convention than textbook.
    init?(configuration: QuantizationConfiguration, codebook: Codebook) {
        let float32 = ComputeFormat(.float32)
        let sorted = codebook.sortedTable(in: float32)
        guard codebook.values.count == 16, (2...16).contains(sorted.codes.count) else { return nil }
        guard configuration.convention == .textbook else { return nil }
        let midpoints = (0..<(sorted.values.count - 1)).map { index in
            let midpoint = (sorted.values[index] + sorted.values[index + 1]) / 2
            let nearest = Float(midpoint)
            return Double(nearest) > midpoint ? nearest.nextDown : nearest
        }
        thresholds = Float32Thresholds(midpoints + Array(repeating: Float.infinity, count: 15 - midpoints.count))
        table = codebook.values.map { Float(bitPattern: UInt32($0)) }
        largestMagnitude = Float(codebook.maximumMagnitude)
        codeAtPosition = sorted.codes == Array(0..<16) ? nil : sorted.codes.map { UInt8($0) }
        self.codebook = codebook
    }

    struct Parameters: Sendable {
        var absmax: Float
    }

    func reduce(_ x: UnsafePointer<UInt32>, count: Int) -> Extremes {
        Float32Bits.extremes(x, count: count, symmetric: true)
    }

    func parameters(_ extremes: Extremes, group: Int) throws(QuantizationError) -> Parameters {
        let absmax = extremes.maximumMagnitude
        return Parameters(absmax: absmax)
    }

    func reported(_ parameters: Parameters) -> (scale: UInt32, zeroPoint: Int32) {
        (parameters.absmax.bitPattern, 0)
    }

    func quantize(_ x: UnsafePointer<UInt32>, count: Int, _ p: Parameters, into elements: UnsafeMutableRawPointer, offset: Int) -> Int {
        let output = elements.assumingMemoryBound(to: UInt8.self) + offset
        if p.absmax == 0 {
            // n = 0 (no 0/0 is evaluated), not counted as clamped.
            let position = Int(thresholds.count(above: Float(0)))
            output.update(repeating: codeAtPosition.map { $0[position] } ?? UInt8(truncatingIfNeeded: position), count: count)
            return 0
        }
        // n is monotone in x, so if n(±absmax) stays within the table's range no element can
        // be clamped (always so for n = x / absmax).
        let clamped = (p.absmax / p.absmax).magnitude > largestMagnitude
            ? elementLoop(x, count: count, factor: p.absmax, into: output, counts: true)
            : elementLoop(x, count: count, factor: p.absmax, into: output, counts: false)
        if let codeAtPosition {
            codeAtPosition.withUnsafeBufferPointer { codes in
                for index in 0..<count { output[index] = codes[Int(output[index] & 15)] }
            }
        }
        return clamped
    }

    /// 16 lanes at a time: one `divps`, then 15 × (`cmpltps`, `psubd`) counting the thresholds
    /// below n, and a byte store. With a nonzero absmax n is finite.
    @inline(__always)
    func elementLoop(
        _ x: UnsafePointer<UInt32>, count: Int, factor: Float, into output: UnsafeMutablePointer<UInt8>, counts: Bool
    ) -> Int {
        let t = thresholds
        let scale = Float32x16(repeating: factor)
        let limit = Float32x16(repeating: largestMagnitude)
        var clamped = Int32x16(repeating: 0)
        @inline(__always) func lanes(_ value: Float32x16) -> Int32x16 {
            let n = value / scale
            if counts { clamped &+= Float32Bits.minusOnes((n .> limit) .| (n .< -limit)) }
            return t.count(above: n)
        }
        var index = 0
        while index &+ Float32Bits.lanes <= count {
            Float32Bits.store(lanes(Float32Bits.load(x + index)), to: output + index)
            index &+= Float32Bits.lanes
        }
        if index < count {
            let rest = count &- index
            let counted = clamped
            let codes = lanes(Float32Bits.loadPartial(x + index, count: rest, padding: 0))
            clamped = counted &+ (clamped &- counted).replacing(with: 0, where: .!Float32Bits.firstLanes(rest))
            Float32Bits.storePartial(codes, to: output + index, count: rest)
        }
        return -Float32Bits.sum(clamped)
    }

    func dequantize(_ elements: UnsafeRawPointer, offset: Int, count: Int, scale: UInt32, zeroPoint: Int32, into output: UnsafeMutablePointer<UInt32>) {
        let codes = elements.assumingMemoryBound(to: UInt8.self) + offset
        let absmax = Float(bitPattern: scale)
        table.withUnsafeBufferPointer { table in
            for index in 0..<count { output[index] = (table[Int(codes[index] & 15)] * absmax).bitPattern }
        }
    }
}

/// 15 ascending float32 thresholds, held as named values so that the lane count below is
/// straight-line code (a loop over an array would be a nested loop with loads).
struct Float32Thresholds: Sendable, Hashable {
    let t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14: Float

    init(_ values: [Float]) {
        precondition(values.count == 15, "a 16-entry codebook has 15 thresholds")
        (t0, t1, t2, t3, t4) = (values[0], values[1], values[2], values[3], values[4])
        (t5, t6, t7, t8, t9) = (values[5], values[6], values[7], values[8], values[9])
        (t10, t11, t12, t13, t14) = (values[10], values[11], values[12], values[13], values[14])
    }

    /// The number of thresholds t with n > t (0 for NaN).
    func count(above n: Float) -> Int32 {
        [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14].reduce(0) { $0 + (n > $1 ? 1 : 0) }
    }

    /// The same on 16 lanes: each comparison's mask is −1 where n > t, so subtracting the
    /// masks counts.
    @inline(__always)
    func count(above n: Float32x16) -> Int32x16 {
        var c = Int32x16(repeating: 0)
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t0))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t1))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t2))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t3))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t4))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t5))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t6))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t7))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t8))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t9))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t10))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t11))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t12))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t13))
        c &-= Float32Bits.minusOnes(n .> Float32x16(repeating: t14))
        return c
    }
}
