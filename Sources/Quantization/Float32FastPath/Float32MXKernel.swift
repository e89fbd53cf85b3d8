import FastKernels
import SoftFloat

/// OCP MX v1.0 float elements (MXFP8 E4M3/E5M2, MXFP6, MXFP4) in hardware float32, giving
/// ``MXKernel``'s bits:
///
/// - Block of 32 (the last of a row may be shorter): amax = max|x| (integer reduction; a NaN
///   or ±∞ shows as bits ≥ 0x7f800000 and makes the scale NaN, code 0xff, elements 0,
///   x̂ NaN); e = max(floor(log2 amax) − emax, −127), −127 for an all-zero block, or the
///   configured ``MXScaleRounding`` on amax's bits; scale code e + 127.
/// - Element: y = x · 2^−e. 2^−e is a normal float32 (−e ≤ 127, and −e ≥ −126: floor gives
///   e ≤ 127 − emax, ceil and even one more, emax ≥ 2 for these element types; rceil's
///   descale is at most FLT_MAX / 6 < 2^126, so e ≤ 126) and the product is exact unless it falls below 2^−126 — and
///   every such |y| is below half the element type's smallest subnormal (2^−17 for E5M2, larger
///   for the others), so it rounds to ±0 either way, sign kept. So y is the engine's exact
///   x · 2^−e as far as the element rounding can tell.
/// - Saturation: |y| is clamped to the element's largest finite value M before rounding.
///   Values in (M, overflow threshold) round to M anyway and values beyond saturate to M, so
///   clamping first and then rounding |y| (``Float32MXElementRounding``) and putting the sign
///   back is the saturating conversion (−0 included). Saturated elements are counted as
///   |y| ≥ the smallest float32 magnitude the engine flags as overflowing.
/// - x̂ = element · 2^e: the element decoded to float32 (exact) times 2^e (a float32, at worst
///   the subnormal 2^−127), one correctly rounded product — the engine's single rounding.
///
/// Why it is fast: a full block is exactly two 16-lane vectors, so its code is straight-line.
/// A first pass over a chunk of up to 128 blocks finds the scales (8 loads, an integer max
/// tree, a dozen scalar instructions for the exponent), so that the second pass's blocks do
/// not wait on that latency chain and overlap freely; per register the second pass does
/// `mulps`, two `andps`, a compare for the saturation count, `minps`, the rounding (`andps`,
/// `maxps`, `mulps`, `addps`, four integer ops, the sign's shift and `por`), and two 16-byte
/// stores per block. The chunk is still in L1 for the second pass. Full blocks are loaded as
/// four SIMD8 vectors and their codes narrowed by ``LaneNarrowing`` (the SIMD16 halves and the
/// generic byte truncation had stayed out-of-line calls, spilling the loop's registers), and
/// the helpers are `@inline(always)`.
struct Float32MXKernel: Sendable {
    let element: MXElement
    let format: FloatFormat
    let rounding: Float32MXElementRounding
    let largestFinite: Float
    /// The smallest |y| (float32 bits) whose saturating conversion overflows.
    let overflowThreshold: UInt32
    /// The element codes decoded to float32, for x̂.
    let decoded: [Float]
    let nan: UInt32
    let emax: Int32
    let scaleRounding: MXScaleRounding
    /// `even`: half a unit in amax's m-th mantissa bit, 2^(22 − m), as float32 bits.
    let evenHalf: UInt32
    /// `rceil`: fl32(1 / largest finite element).
    let reciprocal: Float

    static let blockSize = 32

    /// nil for MXINT8 (integer elements keep the soft-float path).
    init?(element: MXElement, scaleRounding: MXScaleRounding = .floor) {
        guard let format = element.format, let rounding = Float32MXElementRounding(format: format),
              element.emax >= 1 else { return nil }
        self.element = element
        self.scaleRounding = scaleRounding
        evenHalf = UInt32(1) << UInt32(22 - format.mantissaBits)
        self.format = format
        self.rounding = rounding
        emax = Int32(element.emax)
        largestFinite = Float(bitPattern: UInt32(format.convert(format.maxFiniteBits, to: .float32).bits))
        overflowThreshold = Float32Narrowing.overflowThreshold(to: format, options: RoundingOptions(overflow: .saturate))
        decoded = (0...format.codeMask).map { Float(bitPattern: UInt32(format.convert($0, to: .float32).bits)) }
        nan = UInt32(FloatFormat.float32.nanBits!)
        reciprocal = 1 / largestFinite
    }

    /// Quantizes every row; returns the clamped count.
    func run(_ buffers: Float32KernelBuffers, rows: Int, columns: Int, threads: Int) -> Int {
        let groupsPerRow = (columns + Self.blockSize - 1) / Self.blockSize
        let fullBlocks = columns / Self.blockSize
        let slices = ParallelSplit.slices(count: rows, threads: threads, granule: 1)
        let clamped = LockedValue([Int](repeating: 0, count: slices.count))
        ParallelSplit.run(slices: slices.count) { worker in
            let codes = buffers.elements.assumingMemoryBound(to: UInt8.self)
            var total = 0
            for row in slices[worker] {
                var counted: Int32 = 0
                let rowStart = row &* columns
                let scales = buffers.scales + (row &* groupsPerRow)
                // Two passes per chunk of up to 128 blocks (16 KiB, still in L1 for the second):
                // all the scales first, so that no block's element work waits on its own
                // reduction → exponent → factor chain, and independent blocks overlap.
                var first = 0
                while first < fullBlocks {
                    let end = Swift.min(fullBlocks, first &+ 128)
                    for block in first..<end {
                        scales[block] = scaleCode(buffers.input + (rowStart &+ block &* Self.blockSize), count: Self.blockSize, full: true)
                    }
                    for block in first..<end {
                        let start = rowStart &+ block &* Self.blockSize
                        counted &+= quantizeElements(buffers.input + start, count: Self.blockSize, scale: scales[block], into: codes + start, full: true)
                    }
                    first = end
                }
                if fullBlocks < groupsPerRow {
                    let start = rowStart &+ fullBlocks &* Self.blockSize
                    let count = columns &- fullBlocks &* Self.blockSize
                    scales[fullBlocks] = scaleCode(buffers.input + start, count: count, full: false)
                    counted &+= quantizeElements(buffers.input + start, count: count, scale: scales[fullBlocks], into: codes + start, full: false)
                }
                total += Int(counted)
            }
            clamped.update { $0[worker] = total }
        }
        // MX has no zero points; the buffer is zeroed for a uniform output.
        buffers.zeroPoints.update(repeating: 0, count: rows * groupsPerRow)
        return clamped.value.reduce(0, +)
    }

    /// Loads a block as two 16-lane vectors, zero-padded when it is short. `full` is a
    /// literal at every call site (32 elements: two whole vectors).
    @inline(always)
    func load(_ x: UnsafePointer<UInt32>, count: Int, full: Bool) -> (Float32x16, Float32x16) {
        let lanes = Float32Bits.lanes
        if full { return (Float32Bits.load(x), Float32Bits.load(x + lanes)) }
        return (Float32Bits.loadPartial(x, count: Swift.min(count, lanes), padding: 0),
                count > lanes ? Float32Bits.loadPartial(x + lanes, count: count &- lanes, padding: 0) : Float32x16(repeating: 0))
    }

    /// A block's E8M0 scale code: e + 127, or 0xff (NaN) when it holds a NaN or ±∞.
    @inline(always)
    func scaleCode(_ x: UnsafePointer<UInt32>, count: Int, full: Bool) -> UInt32 {
        let amax: UInt32
        if full {
            // Four 8-lane loads and a signed halving fold (the masked patterns are below
            // 2^31; signed maxima are single instructions), no SIMD16 halves.
            let p = UnsafeRawPointer(x)
            let mask = SIMD8<Int32>(repeating: 0x7fff_ffff)
            let a = p.loadUnaligned(as: SIMD8<Int32>.self) & mask
            let b = p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Int32>.self) & mask
            let c = p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Int32>.self) & mask
            let d = p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Int32>.self) & mask
            let ab = a.replacing(with: b, where: b .> a)
            let cd = c.replacing(with: d, where: d .> c)
            amax = UInt32(bitPattern: Float32Bits.maximum(ab.replacing(with: cd, where: cd .> ab)))
        } else {
            let (low, high) = load(x, count: count, full: false)
            let mask = Int32x16(repeating: 0x7fff_ffff)
            let magnitudeLow = Float32Bits.bits(low) & mask
            let magnitudeHigh = Float32Bits.bits(high) & mask
            amax = UInt32(bitPattern: Float32Bits.maximum(magnitudeLow.replacing(with: magnitudeHigh, where: magnitudeHigh .> magnitudeLow)))
        }
        if amax >= 0x7f80_0000 { return 0xff }
        return scaleCode(amax: amax)
    }

    /// ``MXScaleRounding/scaleCode(amax:in:element:)`` for a finite float32 amax. A subnormal
    /// amax (< 2^−126) gives code 0 under floor, ceil and even: even rounded up to 2^−126 it
    /// is 2^(−126 − emax) ≤ 2^−127 with emax ≥ 1.
    @inline(always)
    func scaleCode(amax: UInt32) -> UInt32 {
        let exponent: Int32
        switch scaleRounding {
        case .floor:
            exponent = amax == 0 ? -127 : Swift.max(Float32Bits.binaryExponent(amax) &- emax, -127)
        case .ceil:
            guard amax >= 0x0080_0000 else { return 0 }
            exponent = Swift.max(Int32(bitPattern: amax >> 23) &- 127 &+ (amax & 0x7f_ffff != 0 ? 1 : 0) &- emax, -127)
        case .even:
            guard amax >= 0x0080_0000 else { return 0 }
            // Adding half of the m-th mantissa bit carries into the exponent field exactly
            // when amax rounds (halves up) to the next power of two.
            exponent = Swift.max(Int32(bitPattern: (amax &+ evenHalf) >> 23) &- 127 &- emax, -127)
        case .rceil:
            let descale = (Float(bitPattern: amax) * reciprocal).bitPattern
            let biased = (descale >> 23) &+ (descale & 0x7f_ffff != 0 ? 1 : 0)
            return Swift.min(biased, 254)
        }
        return UInt32(bitPattern: exponent &+ 127)
    }

    /// A block's element codes into `output` given its scale code; returns how many saturated.
    /// A NaN-scaled block's elements are stored as 0, as the soft-float kernel does.
    @inline(always)
    func quantizeElements(_ x: UnsafePointer<UInt32>, count: Int, scale code: UInt32, into output: UnsafeMutablePointer<UInt8>, full: Bool) -> Int32 {
        if code == 0xff {
            output.update(repeating: 0, count: count)
            return 0
        }
        // 2^−e: biased exponent 127 − e = 254 − code (≥ 1, so normal).
        // The element work runs on 8 lanes at a time: with 16, its ~10 live values and 8
        // constants would not fit SSE2's 16 registers.
        let factor = SIMD8<Float>(repeating: Float(bitPattern: (254 &- code) << 23))
        let largest = SIMD8<Float>(repeating: largestFinite)
        let threshold = SIMD8<Float>(repeating: Float(bitPattern: overflowThreshold))
        var saturated = SIMD8<Int32>(repeating: 0)
        @inline(always) func codes(_ x: SIMD8<Float>) -> SIMD8<Int32> {
            let y = unsafeBitCast(x * factor, to: SIMD8<UInt32>.self)
            var a = unsafeBitCast(y & 0x7fff_ffff, to: SIMD8<Float>.self)
            saturated &+= unsafeBitCast(a .>= threshold, to: SIMD8<Int32>.self)
            a = a.replacing(with: largest, where: a .> largest)
            return rounding.codes(magnitude: a, sign: y & 0x8000_0000)
        }
        @inline(always) func codes(_ x: Float32x16) -> Int32x16 {
            Int32x16(lowHalf: codes(x.lowHalf), highHalf: codes(x.highHalf))
        }
        let lanes = Float32Bits.lanes
        if full {
            // Four 8-lane loads rather than halves of the 16-lane vectors: the SIMD16<Float>
            // lowHalf/highHalf getters stayed out-of-line calls here.
            let p = UnsafeRawPointer(x)
            let c0 = codes(p.loadUnaligned(as: SIMD8<Float>.self))
            let c1 = codes(p.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self))
            let c2 = codes(p.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self))
            let c3 = codes(p.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self))
            UnsafeMutableRawPointer(output).storeBytes(of: LaneNarrowing.lowBytes(c0, c1), as: SIMD16<UInt8>.self)
            UnsafeMutableRawPointer(output + lanes).storeBytes(of: LaneNarrowing.lowBytes(c2, c3), as: SIMD16<UInt8>.self)
        } else {
            let (low, high) = load(x, count: count, full: false)
            let first = codes(low)
            let second = codes(high)
            // Zero padding never saturates, so the count needs no mask.
            Float32Bits.storePartial(first, to: output, count: Swift.min(count, lanes))
            if count > lanes { Float32Bits.storePartial(second, to: output + lanes, count: count &- lanes) }
        }
        let four = saturated.lowHalf &+ saturated.highHalf
        return -(four[0] &+ four[1] &+ four[2] &+ four[3])
    }

    /// x̂ = element · 2^e per block; NaN for a NaN-scaled block.
    func dequantize(_ buffers: Float32DequantizeBuffers, rows: Int, columns: Int, threads: Int) {
        buffers.dequantizeBlocks(rows: rows, columns: columns, blockSize: Self.blockSize, threads: threads, decoded: decoded, nanBits: nan) {
            $0 == 0xff ? nil : Float32Bits.powerOfTwo(Int($0) - 127)
        }
    }
}
