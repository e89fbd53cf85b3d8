import FastKernels
import SoftFloat

/// FP8 E4M3 with one scale per 1 × 128 block (`--granularity block:1x128`, conventions
/// `deepseek` and `deepgemm`, float32 or UE8M0 scales) in hardware float32, giving
/// ``FP8BlockKernel``'s bits step for step:
///
/// - amax = max|x| of the block (an integer max of the magnitudes' bit patterns, which order
///   like non-negative floats; a pattern ≥ 0x7f800000 is a NaN or ±∞ and an error, as on the
///   soft path); deepgemm raises it to fl32(1e-4).
/// - s = fl32(amax / 448) (`divss`); UE8M0: ``BlockScaleFormat/ceilToUE8M0(_:)`` on its bits,
///   stored as the exponent byte. deepseek's s = 0 (an all-zero block, or amax < 448 · 2^-150)
///   gives zero codes and x̂ = 0.
/// - y = fl32(x / s) (deepseek, `divps`) or fl32(x · fl32(1 / s)) (deepgemm, `mulps`): one
///   correctly rounded operation each, as the engine does.
/// - The saturating E4M3 cast of y: |y| clamped to 448, then ``Float32MXElementRounding``
///   (nearest-even, subnormals included, sign put back), as ``Float32MXKernel`` does; an
///   element saturates when |y| reaches the engine's overflow threshold (464). |y| never
///   overflows float32 (|x| ≤ amax and s ≥ amax/448 up to a rounding, or s subnormal with
///   |x/s| below 2 · 448).
/// - x̂ = fl32(e4m3 value · s), s as float32 (2^(byte − 127) for UE8M0, byte 1…254: normal).
///
///     // deepseek, block [1, -2, 3.5]: s = 2^-7; codes 0x38, 0xc0, 0x5e… as FP8BlockKernel
///
/// Only 1 × 128 blocks: they are contiguous, 16 vectors of 8 lanes; 128 × 128 keeps the
/// soft-float path. A row's last block may be shorter (partial, as the soft path defines).
struct Float32FP8BlockKernel: Sendable {
    let isDeepSeek: Bool
    let isUE8M0: Bool
    let rounding: Float32MXElementRounding
    /// The smallest |y| (float32 bits) whose saturating conversion to E4M3 overflows.
    let overflowThreshold: UInt32
    /// The 256 E4M3 codes decoded to float32, for x̂.
    let decoded: [Float]

    static let blockSize = 128
    static let largest: Float = 448

    init(convention: QuantizationConvention, scaleFormat: BlockScaleFormat) {
        let e4m3 = FloatFormat.float8_e4m3fn
        isDeepSeek = convention == .deepseek
        isUE8M0 = scaleFormat == .ue8m0
        // E4M3 has −0, 8 bits and a range inside float32's: covered.
        rounding = Float32MXElementRounding(format: e4m3)!
        overflowThreshold = Float32Narrowing.overflowThreshold(to: e4m3, options: RoundingOptions(overflow: .saturate))
        decoded = (0...e4m3.codeMask).map { Float(bitPattern: UInt32(e4m3.convert($0, to: .float32).bits)) }
    }

    /// The float32 scale of a stored scale code.
    @inline(__always)
    func scaleValue(_ stored: UInt32) -> Float {
        Float(bitPattern: isUE8M0 ? stored << 23 : stored)
    }

    /// Quantizes every row; returns the saturated count.
    func run(_ buffers: Float32KernelBuffers, rows: Int, columns: Int, threads: Int) throws(QuantizationError) -> Int {
        let groupsPerRow = (columns + Self.blockSize - 1) / Self.blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        let firstNonFinite = LockedValue([Int](repeating: Int.max, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            let codes = buffers.elements.assumingMemoryBound(to: UInt8.self)
            var total = 0
            for row in slices[worker] {
                for block in 0..<groupsPerRow {
                    let start = row &* columns &+ block &* Self.blockSize
                    let count = Swift.min(Self.blockSize, columns &- block &* Self.blockSize)
                    var amax = Self.largestMagnitudeBits(buffers.input + start, count: count)
                    if amax >= 0x7f80_0000 {
                        var index = start
                        while buffers.input[index] & 0x7fff_ffff < 0x7f80_0000 { index &+= 1 }
                        firstNonFinite.update { $0[worker] = Swift.min($0[worker], index) }
                        return
                    }
                    if !isDeepSeek { amax = Swift.max(amax, UInt32(FP8BlockKernel.amaxFloor)) }
                    var scale = (Float(bitPattern: amax) / Self.largest).bitPattern
                    if isUE8M0 { scale = BlockScaleFormat.ceilToUE8M0(scale) }
                    buffers.scales[row &* groupsPerRow &+ block] = isUE8M0 ? scale >> 23 : scale
                    total &+= quantizeBlock(buffers.input + start, count: count, scale: Float(bitPattern: scale), into: codes + start)
                }
            }
            clamped.update { $0[worker] = total }
        }
        if let index = firstNonFinite.value.min(), index != Int.max {
            throw Float32IntegerKernel.nonFiniteError(buffers.input, start: index, count: 1, columns: columns)
        }
        buffers.zeroPoints.update(repeating: 0, count: rows * groupsPerRow)
        return clamped.value.reduce(0, +)
    }

    /// max over the block of (bits & 0x7fffffff): |x|'s largest pattern, ≥ 0x7f800000 for NaN or ±∞.
    @inline(__always)
    static func largestMagnitudeBits(_ x: UnsafePointer<UInt32>, count: Int) -> UInt32 {
        var lanes = SIMD8<UInt32>(repeating: 0)
        var offset = 0
        while offset &+ 8 <= count {
            let v = UnsafeRawPointer(x + offset).loadUnaligned(as: SIMD8<UInt32>.self) & 0x7fff_ffff
            lanes = lanes.replacing(with: v, where: v .> lanes)
            offset &+= 8
        }
        var amax = Float32Bits.maximum(lanes)
        while offset < count {
            amax = Swift.max(amax, x[offset] & 0x7fff_ffff)
            offset &+= 1
        }
        return amax
    }

    /// One block's codes; returns how many saturated.
    @inline(__always)
    func quantizeBlock(_ x: UnsafePointer<UInt32>, count: Int, scale: Float, into output: UnsafeMutablePointer<UInt8>) -> Int {
        if scale == 0 {
            output.update(repeating: 0, count: count)
            return 0
        }
        let divisor = SIMD8<Float>(repeating: scale)
        let factor = SIMD8<Float>(repeating: 1 / scale)
        let largest = SIMD8<Float>(repeating: Self.largest)
        let threshold = SIMD8<Float>(repeating: Float(bitPattern: overflowThreshold))
        var saturated = SIMD8<Int32>(repeating: 0)
        @inline(__always) func codes(_ v: SIMD8<Float>) -> SIMD8<Int32> {
            let y = unsafeBitCast(isDeepSeek ? v / divisor : v * factor, to: SIMD8<UInt32>.self)
            var a = unsafeBitCast(y & 0x7fff_ffff, to: SIMD8<Float>.self)
            saturated &+= unsafeBitCast(a .>= threshold, to: SIMD8<Int32>.self)
            a = a.replacing(with: largest, where: a .> largest)
            return rounding.codes(magnitude: a, sign: y & 0x8000_0000)
        }
        var offset = 0
        while offset &+ 8 <= count {
            let v = UnsafeRawPointer(x + offset).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(output + offset).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: codes(v)), as: SIMD8<UInt8>.self)
            offset &+= 8
        }
        if offset < count {
            // Zero padding: codes 0, never saturated.
            var v = SIMD8<Float>(repeating: 0)
            for lane in 0..<(count &- offset) { v[lane] = Float(bitPattern: x[offset &+ lane]) }
            let c = codes(v)
            for lane in 0..<(count &- offset) { output[offset &+ lane] = UInt8(truncatingIfNeeded: c[lane]) }
        }
        let four = saturated.lowHalf &+ saturated.highHalf
        return -Int(four[0] &+ four[1] &+ four[2] &+ four[3])
    }

    /// x̂ = fl32(element · s); 0 where s = 0.
    func dequantize(_ buffers: Float32DequantizeBuffers, rows: Int, columns: Int, threads: Int) {
        buffers.dequantizeBlocks(rows: rows, columns: columns, blockSize: Self.blockSize, threads: threads, decoded: decoded) {
            scaleValue($0)
        }
    }
}
