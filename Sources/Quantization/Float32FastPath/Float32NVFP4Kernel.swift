import FastKernels
import SoftFloat

/// NVFP4 with 1 × 16 blocks (`--granularity group:16`, the default), torchao and Transformer
/// Engine conventions, tensor scale on or off, in hardware float32: ``NVFP4Kernel``'s steps
/// one for one, each a single correctly rounded float32 operation (see there for the
/// formulas), so the bits are the soft-float kernel's:
///
/// - amax of the whole matrix (first pass), vmax per block: integer maxima of magnitude bit
///   patterns (a NaN or ±∞ is the soft path's error).
/// - The E4M3 block scale: the clamped float32 value (torchao [2^-6, 448], TE [−448, 448]) cast
///   by ``Float32MXElementRounding`` (nearest-even, subnormal scales included, as TE allows),
///   decoded through a 256-entry table.
/// - Elements: y = fl32(x · multiplier); |y| > 6 is counted and clamped to 6; then the E2M1
///   rounding with the sign put back. A NaN y (torchao's 0 · ∞ when the tensor scale is tiny)
///   gives code +0, uncounted; TE's exact −0 gives +0. torchao's NaN block scale (an all-zero
///   matrix with the tensor scale on) gives scale 0 and zero codes.
/// - x̂ = fl32(e2m1 value · decode), decode = fl32(s · t) (s alone without a tensor scale).
///
///     // the worked block of NVFP4Kernel: vmax 0.03 beside a block holding 2688 (t = 1):
///     // torchao s = 2^-6 (0x08), q = 2; TE s = 0.005859375 (0x03), q = 6 — here as there
///
/// 16 × 16 tiles keep the soft-float path.
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
        let count = rows * columns
        let amax = Float32FP8BlockKernel.largestMagnitudeBits(buffers.input, count: count)
        if amax >= 0x7f80_0000 {
            var index = 0
            while buffers.input[index] & 0x7fff_ffff < 0x7f80_0000 { index += 1 }
            throw Float32IntegerKernel.nonFiniteError(buffers.input, start: index, count: 1, columns: columns)
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
            t = hasTensorScale ? Float(bitPattern: amax) / Self.twentySixEightyEight : 1
            inverse = hasTensorScale ? 1 / t : 1
            blockMultiplier = 0
        }
        tensorScale = hasTensorScale ? t.bitPattern : nil
        let constants = BlockConstants(t: t, inverse: inverse, blockMultiplier: blockMultiplier)
        let groupsPerRow = columns / Self.blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            let codes = buffers.elements.assumingMemoryBound(to: UInt8.self)
            var total = 0
            for row in slices[worker] {
                // Eight blocks at a time: their scale computations (two or three divisions
                // each) run side by side in SIMD lanes instead of one dependent chain per block.
                var block = 0
                while block < groupsPerRow {
                    let lanes = Swift.min(8, groupsPerRow &- block)
                    let first = row &* columns &+ block &* Self.blockSize
                    var vmax = SIMD8<Float>(repeating: 0)
                    for lane in 0..<lanes {
                        vmax[lane] = Float(bitPattern: Float32FP8BlockKernel.largestMagnitudeBits(
                            buffers.input + (first &+ lane &* Self.blockSize), count: Self.blockSize))
                    }
                    let (scale, multiplier, isEmpty) = blockScales(vmax: vmax, constants)
                    for lane in 0..<lanes {
                        let start = first &+ lane &* Self.blockSize
                        let group = row &* groupsPerRow &+ block &+ lane
                        if isEmpty[lane] {
                            buffers.scales[group] = 0
                            (codes + start).update(repeating: 0, count: Self.blockSize)
                            continue
                        }
                        buffers.scales[group] = UInt32(bitPattern: scale[lane])
                        total &+= quantizeBlock(buffers.input + start, multiplier: multiplier[lane], into: codes + start)
                    }
                    block &+= lanes
                }
            }
            clamped.update { $0[worker] = total }
        }
        buffers.zeroPoints.update(repeating: 0, count: rows * groupsPerRow)
        return clamped.value.reduce(0, +)
    }

    /// The per-matrix numbers every block scale uses: t the tensor scale (1 without one),
    /// `inverse` = fl32(1 / t) (torchao), `blockMultiplier` = fl32(ges · fl32(1/6)) (TE).
    struct BlockConstants {
        let t: Float
        let inverse: Float
        let blockMultiplier: Float
    }

    /// Eight blocks' E4M3 scale codes and element multipliers from their vmax, each lane the
    /// scalar steps of ``NVFP4Kernel`` (IEEE operations give the same bits in a SIMD lane):
    ///
    /// - TE: s = e4m3(min(min(vmax · blockMultiplier, FLT_MAX), 448)), multiplier =
    ///   min(fl32(1 / fl32(s · t)), FLT_MAX) (a zero or underflowing s · t gives FLT_MAX).
    /// - torchao: s = e4m3(clamp(fl32(fl32(vmax / 6) / t), 2^-6, 448)) (no division by t
    ///   without a tensor scale), multiplier = fl32(inverse / s); a NaN before the clamp
    ///   (vmax 0 and t 0: an all-zero matrix with the tensor scale on) marks the block empty.
    ///
    /// The clamps compare before replacing, so they are Swift.min/max on the non-NaN lanes.
    @inline(__always)
    func blockScales(vmax: SIMD8<Float>, _ constants: BlockConstants) -> (SIMD8<Int32>, SIMD8<Float>, SIMDMask<SIMD8<Int32>>) {
        let largest = SIMD8<Float>(repeating: .greatestFiniteMagnitude)
        let ceiling = SIMD8<Float>(repeating: Self.fourFortyEight)
        var raw: SIMD8<Float>
        var isEmpty = SIMDMask<SIMD8<Int32>>(repeating: false)
        if isTransformerEngine {
            raw = vmax * constants.blockMultiplier
            raw = raw.replacing(with: largest, where: raw .> largest)
        } else {
            raw = vmax / Self.six
            if hasTensorScale { raw = raw / constants.t }
            isEmpty = raw .!= raw
            raw = raw.replacing(with: 0, where: isEmpty)
            let floor = SIMD8<Float>(repeating: Self.smallestNormalE4M3)
            raw = raw.replacing(with: floor, where: raw .< floor)
        }
        raw = raw.replacing(with: ceiling, where: raw .> ceiling)
        let scale = scaleRounding.codes(magnitude: raw, sign: .zero)
        var decoded = SIMD8<Float>()
        for lane in 0..<8 { decoded[lane] = decodedScales[Int(scale[lane] & 0xff)] }
        var multiplier: SIMD8<Float>
        if isTransformerEngine {
            multiplier = 1 / (decoded * constants.t)
            multiplier = multiplier.replacing(with: largest, where: multiplier .> largest)
        } else {
            multiplier = constants.inverse / decoded
        }
        return (scale, multiplier, isEmpty)
    }

    /// One block's 16 E2M1 codes; returns how many were clamped to ±6.
    @inline(__always)
    func quantizeBlock(_ x: UnsafePointer<UInt32>, multiplier: Float, into output: UnsafeMutablePointer<UInt8>) -> Int {
        let factor = SIMD8<Float>(repeating: multiplier)
        let six = SIMD8<Float>(repeating: Self.six)
        var clamped = SIMD8<Int32>(repeating: 0)
        for half in 0..<2 {
            let v = UnsafeRawPointer(x + 8 &* half).loadUnaligned(as: SIMD8<Float>.self)
            let y = v * factor
            let bits = unsafeBitCast(y, to: SIMD8<UInt32>.self)
            var a = unsafeBitCast(bits & 0x7fff_ffff, to: SIMD8<Float>.self)
            let over = a .> six
            clamped &+= unsafeBitCast(over, to: SIMD8<Int32>.self)
            a = a.replacing(with: six, where: over)
            var code = elementRounding.codes(magnitude: a.replacing(with: 0, where: y .!= y), sign: bits & 0x8000_0000)
            code = code.replacing(with: 0, where: y .!= y)
            // TE's exact −0 gives +0 (+0's code is 0 already). A float comparison with a
            // splat: `bits .== 0x8000_0000` against a scalar compiled to a lane-by-lane loop
            // that made this convention 3× slower than torchao's.
            if isTransformerEngine { code = code.replacing(with: 0, where: y .== SIMD8<Float>(repeating: 0)) }
            UnsafeMutableRawPointer(output + 8 &* half).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: code), as: SIMD8<UInt8>.self)
        }
        let four = clamped.lowHalf &+ clamped.highHalf
        return -Int(four[0] &+ four[1] &+ four[2] &+ four[3])
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
