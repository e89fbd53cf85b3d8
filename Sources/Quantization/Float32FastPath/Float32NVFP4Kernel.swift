import FastKernels
import SoftFloat

/// NVFP4 with 1 × 16 blocks (`--granularity group:16`, the default), torchao and Transformer
/// Engine conventions, tensor scale on or off, in hardware float32: ``NVFP4Kernel``'s steps
/// one for one, each a single correctly rounded float32 operation (see there for the
/// formulas), so the bits are the soft-float kernel's:
///
/// - vmax per block: integer maxima of magnitude bit patterns (a NaN or ±∞ shows as bits ≥
///   0x7f800000 and is the soft path's error). The first pass stores every block's vmax in
///   the scale buffer; the matrix's amax (for the tensor scale) is the largest of them, so
///   nothing is reduced twice and the second pass reads eight blocks' vmax with one load.
/// - The E4M3 block scale: the clamped float32 value (torchao [2^-6, 448], TE [0, 448]: vmax
///   is never negative) rounded by ``Float32MXElementRounding`` (nearest-even, subnormal
///   scales included, as TE allows), which also gives the rounded value exactly: no table.
/// - Elements: y = fl32(x · multiplier); |y| > 6 is counted and clamped to 6; then the E2M1
///   rounding with the sign put back; TE's exact −0 gives +0.
/// - A NaN y is possible only in torchao with a tensor scale below about 2^-122 (1/t, or 1/t
///   over a block scale ≥ 2^-6, overflows, and 0 · ∞ = NaN): such matrices take the same
///   code with the NaN checks compiled in (`careful`): a NaN y gives code +0, uncounted, and
///   torchao's NaN block scale (vmax 0 with t = 0) gives scale 0 and zero codes.
/// - x̂ = fl32(e2m1 value · decode), decode = fl32(s · t) (s alone without a tensor scale).
///
///     // the worked block of NVFP4Kernel: vmax 0.03 beside a block holding 2688 (t = 1):
///     // torchao s = 2^-6 (0x08), q = 2; TE s = 0.005859375 (0x03), q = 6 — here as there
///
/// Speed: with a tensor scale the matrix is read twice (vmax, then the elements); the second
/// pass runs over each worker's rows last to first, so the rows the first pass read last are
/// still in the cache. Without one, each row's two passes run back to back (16 KiB, in L1).
/// Eight blocks' scales and multipliers come from one set of SIMD8 operations (two or three
/// divisions each, side by side); a block's 16 elements are two SIMD8 halves and one 16-byte
/// store. The helpers are `@inline(always)`: with `@inline(__always)` (a hint in Swift 6.3)
/// the compiler kept `quantizeBlock` and `blockScales` as calls, one per 16 elements, with
/// every live vector register spilled around each. 16 × 16 tiles keep the soft-float path.
struct Float32NVFP4Kernel: Sendable {
    let isTransformerEngine: Bool
    let hasTensorScale: Bool
    let scaleRounding: Float32MXElementRounding
    let elementRounding: Float32MXElementRounding
    let decodedScales: [Float]
    let decodedElements: [Float]

    static let blockSize = 16
    static let six: Float = 6
    static let fourFortyEight: Float = 448
    static let twentySixEightyEight: Float = 2688
    static let smallestNormalE4M3: Float = 0x1p-6

    init(convention: QuantizationConvention, hasTensorScale: Bool) {
        let e4m3 = FloatFormat.float8_e4m3fn, e2m1 = FloatFormat.float4_e2m1fn
        isTransformerEngine = convention == .transformerEngine
        self.hasTensorScale = isTransformerEngine || hasTensorScale
        // Both formats have −0, at most 8 bits and ranges inside float32's: covered.
        scaleRounding = Float32MXElementRounding(format: e4m3)!
        elementRounding = Float32MXElementRounding(format: e2m1)!
        decodedScales = (0...e4m3.codeMask).map { Float(bitPattern: UInt32(e4m3.convert($0, to: .float32).bits)) }
        decodedElements = (0...e2m1.codeMask).map { Float(bitPattern: UInt32(e2m1.convert($0, to: .float32).bits)) }
    }

    /// Quantizes every row; returns the clamped count. `tensorScale` receives the float32
    /// tensor scale (nil without one).
    func run(_ buffers: Float32KernelBuffers, rows: Int, columns: Int, threads: Int, tensorScale: inout UInt32?) throws(QuantizationError) -> Int {
        try NVFP4Kernel.checkShape(columns: columns)
        let groupsPerRow = columns / Self.blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        defer { buffers.zeroPoints.update(repeating: 0, count: rows * groupsPerRow) }
        guard hasTensorScale else {
            tensorScale = nil
            return try runRowByRow(buffers, columns: columns, slices: slices)
        }
        // Pass 1: every block's vmax into the scale buffer, each worker's largest.
        let maxima = LockedValue([UInt32](repeating: 0, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            var amax: UInt32 = 0
            for row in slices[worker] {
                amax = Swift.max(amax, Self.blockMaxima(buffers.input + row &* columns, groups: groupsPerRow,
                                                        into: buffers.scales + row &* groupsPerRow))
            }
            maxima.update { $0[worker] = amax }
        }
        let amax = maxima.value.max() ?? 0
        if amax >= 0x7f80_0000 {
            throw Float32IntegerKernel.nonFiniteError(buffers.input, start: 0, count: rows &* columns, columns: columns)
        }
        // Per-matrix constants, in NVFP4Kernel's order.
        let t: Float, inverse: Float, blockMultiplier: Float
        if isTransformerEngine {
            var encode = Swift.min(Self.twentySixEightyEight / Float(bitPattern: amax), .greatestFiniteMagnitude)
            if encode == 0 { encode = 1 }
            t = 1 / encode
            inverse = encode
            blockMultiplier = encode * (1 / Self.six)
        } else {
            t = Float(bitPattern: amax) / Self.twentySixEightyEight
            inverse = 1 / t
            blockMultiplier = 0
        }
        tensorScale = t.bitPattern
        let constants = BlockConstants(t: t, inverse: inverse, blockMultiplier: blockMultiplier)
        // torchao's multiplier fl32(inverse / s), s ≥ 2^-6, is at most inverse · 64: finite
        // when that is, and then no y is NaN (finite · finite). TE's multiplier is capped.
        let careful = !isTransformerEngine && !(t > 0 && inverse * 64 <= .greatestFiniteMagnitude)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            var total = 0
            // Pass 2, last row first: the first pass read those last, so they may still be cached.
            for row in slices[worker].reversed() {
                let x = buffers.input + row &* columns
                let scales = buffers.scales + row &* groupsPerRow
                let codes = buffers.elements.assumingMemoryBound(to: UInt8.self) + row &* columns
                // Each variant compiled on its own (the flags are literals), so the element
                // loop carries no test of them.
                if isTransformerEngine {
                    total &+= quantizeRow(x, groups: groupsPerRow, scales: scales, codes: codes, constants, transformerEngine: true, careful: false)
                } else if careful {
                    total &+= quantizeRow(x, groups: groupsPerRow, scales: scales, codes: codes, constants, transformerEngine: false, careful: true)
                } else {
                    total &+= quantizeRow(x, groups: groupsPerRow, scales: scales, codes: codes, constants, transformerEngine: false, careful: false)
                }
            }
            clamped.update { $0[worker] = total }
        }
        return clamped.value.reduce(0, +)
    }

    /// torchao without a tensor scale: both passes on one row before the next (the row is
    /// still in L1 for the second). The first row holding a NaN or ±∞ stops its worker; the
    /// error names the first one of the matrix.
    private func runRowByRow(_ buffers: Float32KernelBuffers, columns: Int, slices: [Range<Int>]) throws(QuantizationError) -> Int {
        let groupsPerRow = columns / Self.blockSize
        let constants = BlockConstants(t: 1, inverse: 1, blockMultiplier: 0)
        let results = LockedValue([(clamped: Int, nonFiniteRow: Int?)](repeating: (0, nil), count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            var total = 0
            var nonFiniteRow: Int?
            for row in slices[worker] {
                let x = buffers.input + row &* columns
                let scales = buffers.scales + row &* groupsPerRow
                if Self.blockMaxima(x, groups: groupsPerRow, into: scales) >= 0x7f80_0000 {
                    nonFiniteRow = row
                    break
                }
                let codes = buffers.elements.assumingMemoryBound(to: UInt8.self) + row &* columns
                total &+= quantizeRow(x, groups: groupsPerRow, scales: scales, codes: codes, constants, transformerEngine: false, careful: false)
            }
            results.update { $0[worker] = (total, nonFiniteRow) }
        }
        if let row = results.value.lazy.compactMap(\.nonFiniteRow).min() {
            throw Float32IntegerKernel.nonFiniteError(buffers.input, start: row &* columns, count: columns, columns: columns)
        }
        return results.value.reduce(0) { $0 + $1.clamped }
    }

    /// Stores each block's vmax (the largest |x| bit pattern of its 16 elements) at
    /// `vmax[block]` and returns the largest: two 8-lane integer maxima and a halving fold
    /// per block.
    @inline(always)
    static func blockMaxima(_ x: UnsafePointer<UInt32>, groups: Int, into vmax: UnsafeMutablePointer<UInt32>) -> UInt32 {
        // Signed lanes: the masked patterns are below 2^31, and signed maxima are `vpmaxsd`.
        let mask = SIMD8<Int32>(repeating: 0x7fff_ffff)
        var running = SIMD8<Int32>(repeating: 0)
        for block in 0..<groups {
            let p = UnsafeRawPointer(x + block &* blockSize)
            let low = p.loadUnaligned(as: SIMD8<Int32>.self) & mask
            let high = p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self) & mask
            let both = low.replacing(with: high, where: high .> low)
            running = running.replacing(with: both, where: both .> running)
            vmax[block] = UInt32(bitPattern: Float32Bits.maximum(both))
        }
        return UInt32(bitPattern: Float32Bits.maximum(running))
    }

    /// The per-matrix numbers every block scale uses: t the tensor scale (1 without one),
    /// `inverse` = fl32(1 / t) (torchao), `blockMultiplier` = fl32(ges · fl32(1/6)) (TE).
    struct BlockConstants {
        let t: Float
        let inverse: Float
        let blockMultiplier: Float
    }

    /// One row: reads each block's vmax from `scales`, writes its E4M3 code there and its 16
    /// element codes to `codes`; returns how many elements were clamped. `transformerEngine`
    /// (= ``isTransformerEngine``) and `careful` are literals at each call site.
    @inline(always)
    func quantizeRow(_ x: UnsafePointer<UInt32>, groups: Int, scales: UnsafeMutablePointer<UInt32>, codes: UnsafeMutablePointer<UInt8>,
                     _ constants: BlockConstants, transformerEngine: Bool, careful: Bool) -> Int {
        var clamped = SIMD8<Int32>(repeating: 0)
        var block = 0
        while block < groups {
            let lanes = Swift.min(8, groups &- block)
            var vmax = SIMD8<UInt32>(repeating: 0)
            if lanes == 8 {
                vmax = UnsafeRawPointer(scales + block).loadUnaligned(as: SIMD8<UInt32>.self)
            } else {
                for lane in 0..<lanes { vmax[lane] = scales[block &+ lane] }
            }
            let (scale, multiplier) = blockScales(vmax: unsafeBitCast(vmax, to: SIMD8<Float>.self), constants,
                                                   transformerEngine: transformerEngine, careful: careful)
            if lanes == 8 {
                UnsafeMutableRawPointer(scales + block).storeBytes(of: scale, as: SIMD8<UInt32>.self)
            } else {
                for lane in 0..<lanes { scales[block &+ lane] = scale[lane] }
            }
            for lane in 0..<lanes {
                let start = (block &+ lane) &* Self.blockSize
                quantizeBlock(x + start, multiplier: multiplier[lane], into: codes + start, clamped: &clamped,
                              transformerEngine: transformerEngine, careful: careful)
            }
            block &+= lanes
        }
        let four = clamped.lowHalf &+ clamped.highHalf
        return -Int(four[0] &+ four[1] &+ four[2] &+ four[3])
    }

    /// Eight blocks' E4M3 scale codes and element multipliers from their vmax, each lane the
    /// scalar steps of ``NVFP4Kernel`` (IEEE operations give the same bits in a SIMD lane):
    ///
    /// - TE: s = e4m3(min(vmax · blockMultiplier, 448)) (the reference's min with FLT_MAX
    ///   first changes nothing then: an overflow to ∞ still clamps to 448), multiplier =
    ///   min(fl32(1 / fl32(s · t)), FLT_MAX) (a zero or underflowing s · t gives FLT_MAX).
    /// - torchao: s = e4m3(clamp(fl32(fl32(vmax / 6) / t), 2^-6, 448)) (no division by t
    ///   without a tensor scale), multiplier = fl32(inverse / s); when `careful`, a NaN before
    ///   the clamp (vmax 0 and t 0) gives scale code 0 and a NaN multiplier, so every y of
    ///   the block is NaN and its codes +0.
    ///
    /// The clamps compare before replacing, so they are minps/maxps on the non-NaN lanes.
    @inline(always)
    func blockScales(vmax: SIMD8<Float>, _ constants: BlockConstants, transformerEngine: Bool, careful: Bool) -> (SIMD8<UInt32>, SIMD8<Float>) {
        let largest = SIMD8<Float>(repeating: .greatestFiniteMagnitude)
        let ceiling = SIMD8<Float>(repeating: Self.fourFortyEight)
        let zero = SIMD8<Float>(repeating: 0)
        var raw: SIMD8<Float>
        var isEmpty = SIMDMask<SIMD8<Int32>>(repeating: false)
        if transformerEngine {
            raw = vmax * SIMD8<Float>(repeating: constants.blockMultiplier)
        } else {
            raw = vmax / SIMD8<Float>(repeating: Self.six)
            if hasTensorScale { raw = raw / SIMD8<Float>(repeating: constants.t) }
            if careful {
                isEmpty = raw .!= raw
                raw = raw.replacing(with: zero, where: isEmpty)
            }
            let floor = SIMD8<Float>(repeating: Self.smallestNormalE4M3)
            raw = raw.replacing(with: floor, where: raw .< floor)
        }
        raw = raw.replacing(with: ceiling, where: raw .> ceiling)
        var (scale, decoded) = scaleRounding.codesAndValues(magnitude: raw)
        var multiplier: SIMD8<Float>
        if transformerEngine {
            multiplier = SIMD8<Float>(repeating: 1) / (decoded * SIMD8<Float>(repeating: constants.t))
            multiplier = multiplier.replacing(with: largest, where: multiplier .> largest)
        } else {
            multiplier = SIMD8<Float>(repeating: constants.inverse) / decoded
        }
        if careful {
            scale = scale.replacing(with: SIMD8<Int32>(repeating: 0), where: isEmpty)
            multiplier = multiplier.replacing(with: SIMD8<Float>(repeating: .nan), where: isEmpty)
        }
        return (unsafeBitCast(scale, to: SIMD8<UInt32>.self), multiplier)
    }

    /// One block's 16 E2M1 codes; adds −1 per clamped element to `clamped`'s lanes.
    @inline(always)
    func quantizeBlock(_ x: UnsafePointer<UInt32>, multiplier: Float, into output: UnsafeMutablePointer<UInt8>,
                       clamped: inout SIMD8<Int32>, transformerEngine: Bool, careful: Bool) {
        let factor = SIMD8<Float>(repeating: multiplier)
        let six = SIMD8<Float>(repeating: Self.six)
        let zero = SIMD8<Float>(repeating: 0)
        @inline(always) func codes(_ v: SIMD8<Float>) -> SIMD8<Int32> {
            let y = v * factor
            let bits = unsafeBitCast(y, to: SIMD8<UInt32>.self)
            var a = unsafeBitCast(bits & 0x7fff_ffff, to: SIMD8<Float>.self)
            let over = a .> six
            clamped &+= unsafeBitCast(over, to: SIMD8<Int32>.self)
            a = a.replacing(with: six, where: over)
            if careful {
                let isNaN = y .!= y
                let code = elementRounding.codes(magnitude: a.replacing(with: zero, where: isNaN), sign: bits & 0x8000_0000)
                return code.replacing(with: SIMD8<Int32>(repeating: 0), where: isNaN)
            }
            let code = elementRounding.codes(magnitude: a, sign: bits & 0x8000_0000)
            // TE's exact −0 gives +0 (+0's code is 0 already). A float comparison with a
            // splat: `bits .== 0x8000_0000` against a scalar compiled to a lane-by-lane loop.
            return transformerEngine ? code.replacing(with: SIMD8<Int32>(repeating: 0), where: y .== zero) : code
        }
        let p = UnsafeRawPointer(x)
        let low = codes(p.loadUnaligned(as: SIMD8<Float>.self))
        let high = codes(p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self))
        UnsafeMutableRawPointer(output).storeBytes(of: LaneNarrowing.lowBytes(low, high), as: SIMD16<UInt8>.self)
    }

    /// x̂ = fl32(e2m1 value · fl32(s · t)) per element (s alone without a tensor scale).
    func dequantize(_ buffers: Float32DequantizeBuffers, rows: Int, columns: Int, tensorScale: UInt32?, threads: Int) {
        let groupsPerRow = columns / Self.blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        ParallelSplit.run(slices: slices.count) { worker in
            let codes = buffers.elements.assumingMemoryBound(to: UInt8.self)
            for row in slices[worker] {
                for block in 0..<groupsPerRow {
                    let start = row * columns + block * Self.blockSize
                    let s = decodedScales[Int(buffers.scales[row * groupsPerRow + block])]
                    let decode = tensorScale.map { s * Float(bitPattern: $0) } ?? s
                    for index in start..<(start + Self.blockSize) {
                        buffers.output[index] = (decodedElements[Int(codes[index])] * decode).bitPattern
                    }
                }
            }
        }
    }
}
