import FastKernels

/// 16 float32 lanes. On the x86-64 baseline (SSE2) LLVM keeps one in four xmm registers and
/// lowers each lane-wise operation to four packed instructions; `SIMD16` rather than `SIMD4`
/// gives four independent dependency chains per reduction and a whole 16-byte store of int8.
typealias Float32x16 = SIMD16<Float>
typealias Int32x16 = SIMD16<Int32>
typealias UInt32x16 = SIMD16<UInt32>
typealias Float32x16Mask = SIMDMask<Int32x16>

/// Branch-free float32 building blocks shared by the fast kernels, each exact (see
/// ``Float32QuantizeKernel`` for why hardware float32 gives the engine's bits).
///
/// The kernels are written with explicit `SIMD16` values rather than scalar loops left to the
/// auto-vectorizer: comparisons become `cmpltps` masks, `replacing(with:where:)` a `maxps`,
/// `minps` or a mask blend, and nothing can fall back to branches (LLVM turns chains of scalar
/// `? 1 : 0` into jump trees, and it does not vectorize float max reductions without fast-math).
enum Float32Bits {
    static let lanes = 16

    /// 1.5 × 2^23: adding it to |v| ≤ 2^22 lands in [2^23, 2^24), where float32's spacing is
    /// exactly 1, so the correctly rounded sum is v rounded to an integer, ties to even (the
    /// magic is even, so the sum's last bit is the integer's parity). Subtracting the magic's
    /// bit pattern from the sum's gives that integer, because inside one binade bit patterns
    /// count in ulps.
    ///
    ///     roundedInteger(2.5)    // 2    (12582914.5 is a tie → 12582914, even)
    ///     roundedInteger(-3.5)   // -4
    static let roundingMagic: Float = 12_582_912
    static let roundingMagicBits = Int32(bitPattern: roundingMagic.bitPattern)

    /// round-half-even(v) + offset as an integer, for |v| ≤ 2^22 (callers clamp first).
    @inline(__always)
    static func roundedInteger(_ v: Float, plus offset: Int32 = 0) -> Int32 {
        Int32(bitPattern: (v + roundingMagic).bitPattern) &+ (offset &- roundingMagicBits)
    }

    /// The same on 16 lanes (`addps`, `paddd`).
    @inline(__always)
    static func roundedIntegers(_ v: Float32x16, plus offset: Int32) -> Int32x16 {
        bits(v + Float32x16(repeating: roundingMagic)) &+ Int32x16(repeating: offset &- roundingMagicBits)
    }

    // MARK: Lanes

    @inline(__always)
    static func load(_ p: UnsafePointer<UInt32>) -> Float32x16 {
        UnsafeRawPointer(p).loadUnaligned(as: Float32x16.self)
    }

    /// The first `count` (< 16) elements, the other lanes set to `padding`.
    @inline(__always)
    static func loadPartial(_ p: UnsafePointer<UInt32>, count: Int, padding: UInt32) -> Float32x16 {
        var lanes = UInt32x16(repeating: padding)
        for lane in 0..<count { lanes[lane] = p[lane] }
        return unsafeBitCast(lanes, to: Float32x16.self)
    }

    @inline(__always)
    static func bits(_ v: Float32x16) -> Int32x16 { unsafeBitCast(v, to: Int32x16.self) }

    @inline(__always)
    static func float(_ v: Int32x16) -> Float32x16 { unsafeBitCast(v, to: Float32x16.self) }

    /// −1 in the lanes where `mask` is true, 0 elsewhere (a mask's own representation).
    @inline(__always)
    static func minusOnes(_ mask: Float32x16Mask) -> Int32x16 { unsafeBitCast(mask, to: Int32x16.self) }

    /// Lanes `0..<count` true.
    @inline(__always)
    static func firstLanes(_ count: Int) -> Float32x16Mask {
        Int32x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15) .< Int32x16(repeating: Int32(truncatingIfNeeded: count))
    }

    /// Stores the low bits of each lane. Bytes go through ``LaneNarrowing`` (inlined; the
    /// generic truncation can stay an out-of-line call that spills the loop's registers).
    @inline(__always)
    static func store<Q: FixedWidthInteger & SIMDScalar>(_ q: Int32x16, to p: UnsafeMutablePointer<Q>) {
        if Q.bitWidth == 8 {
            UnsafeMutableRawPointer(p).storeBytes(of: LaneNarrowing.lowBytes(q.lowHalf, q.highHalf), as: SIMD16<UInt8>.self)
        } else {
            UnsafeMutableRawPointer(p).storeBytes(of: SIMD16<Q>(truncatingIfNeeded: q), as: SIMD16<Q>.self)
        }
    }

    @inline(__always)
    static func storePartial<Q: FixedWidthInteger & SIMDScalar>(_ q: Int32x16, to p: UnsafeMutablePointer<Q>, count: Int) {
        for lane in 0..<count { p[lane] = Q(truncatingIfNeeded: q[lane]) }
    }

    /// The largest lane.
    @inline(__always)
    static func maximum(_ v: Int32x16) -> Int32 {
        let eight = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.highHalf .> eight.lowHalf)
        return Swift.max(Swift.max(four[0], four[1]), Swift.max(four[2], four[3]))
    }

    /// The largest lane of eight (a halving fold: the generic `SIMD.max()` is an out-of-line
    /// call on every block, with its spills, where this is one vector maximum and three scalar
    /// ones). The fold stops at four lanes: a SIMD2 `replacing(with:where:)` compiled to a
    /// compare, a sign extension, a mask move and branches.
    @inline(__always)
    static func maximum(_ v: SIMD8<UInt32>) -> UInt32 {
        let four = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        return Swift.max(Swift.max(four[0], four[1]), Swift.max(four[2], four[3]))
    }

    /// The largest of eight signed lanes (the kernels' masked magnitude patterns, below 2^31,
    /// where a signed maximum is one instruction), folded as the unsigned one.
    @inline(__always)
    static func maximum(_ v: SIMD8<Int32>) -> Int32 {
        let four = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        return Swift.max(Swift.max(four[0], four[1]), Swift.max(four[2], four[3]))
    }

    /// The smallest lane.
    @inline(__always)
    static func minimum(_ v: Int32x16) -> Int32 {
        let eight = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .< v.lowHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.highHalf .< eight.lowHalf)
        return Swift.min(Swift.min(four[0], four[1]), Swift.min(four[2], four[3]))
    }

    /// True when some lane is nonzero (an or-fold; `!=` on SIMD values compares lane by lane
    /// through memory).
    @inline(__always)
    static func anyLane(_ v: Int32x16) -> Bool {
        let eight = v.lowHalf | v.highHalf
        let four = eight.lowHalf | eight.highHalf
        return (four[0] | four[1] | four[2] | four[3]) != 0
    }

    /// The sum of the lanes.
    @inline(__always)
    static func sum(_ v: Int32x16) -> Int {
        let eight = v.lowHalf &+ v.highHalf
        let four = eight.lowHalf &+ eight.highHalf
        return Int(four[0]) + Int(four[1]) + Int(four[2]) + Int(four[3])
    }

    // MARK: Reductions

    /// A run's extremes (``Float32ExtremesAccumulator``): the largest magnitude when
    /// `symmetric`, else the smallest and largest value; NaN and ±∞ are noticed either way.
    @inline(__always)
    static func extremes(_ x: UnsafePointer<UInt32>, count: Int, symmetric: Bool) -> Extremes {
        guard count > 0 else { return .empty }
        var accumulator = Float32ExtremesAccumulator()
        var index = 0
        while index &+ lanes <= count {
            accumulator.add(load(x + index), symmetric: symmetric)
            index &+= lanes
        }
        if index < count {
            // Padding with the run's first element leaves every extreme unchanged.
            accumulator.add(loadPartial(x + index, count: count &- index, padding: x[0]), symmetric: symmetric)
        }
        return accumulator.extremes(symmetric: symmetric)
    }

    /// The smallest lane (NaN lanes lose).
    @inline(__always)
    static func minimum(_ v: Float32x16) -> Float {
        let eight = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .< v.lowHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.highHalf .< eight.lowHalf)
        let two = four.lowHalf.replacing(with: four.highHalf, where: four.highHalf .< four.lowHalf)
        return two[1] < two[0] ? two[1] : two[0]
    }

    /// The largest lane (NaN lanes lose).
    @inline(__always)
    static func maximum(_ v: Float32x16) -> Float {
        let eight = v.lowHalf.replacing(with: v.highHalf, where: v.highHalf .> v.lowHalf)
        let four = eight.lowHalf.replacing(with: eight.highHalf, where: eight.highHalf .> eight.lowHalf)
        let two = four.lowHalf.replacing(with: four.highHalf, where: four.highHalf .> four.lowHalf)
        return two[1] > two[0] ? two[1] : two[0]
    }

    // MARK: Scalars

    /// 2^k as a float32 (k from −149 to 127: every such power is representable, the lowest
    /// ones as subnormals).
    static func powerOfTwo(_ k: Int) -> Float {
        precondition((-149...127).contains(k), "2^\(k) is not a float32")
        return k >= -126 ? Float(bitPattern: UInt32(k + 127) << 23) : Float(bitPattern: UInt32(1) << UInt32(k + 149))
    }

    /// floor(log2 |x|) of a finite nonzero float32 pattern (−149 for the smallest subnormal).
    @inline(__always)
    static func binaryExponent(_ bits: UInt32) -> Int32 {
        let field = Int32(bitPattern: (bits >> 23) & 0xff)
        if field != 0 { return field &- 127 }
        return -149 &+ 31 &- Int32(truncatingIfNeeded: (bits & 0x7f_ffff).leadingZeroBitCount)
    }
}

/// A compile-time switch for a kernel loop: each loop takes its options as type parameters
/// (`Multiplies: Float32LoopOption`), so every combination is specialized into its own
/// straight-line copy with the option folded away — a `Bool` argument would stay a test and
/// branch inside the loop when the optimizer declines to inline.
protocol Float32LoopOption {
    static var isOn: Bool { get }
}

enum Float32On: Float32LoopOption {
    static var isOn: Bool { true }
}

enum Float32Off: Float32LoopOption {
    static var isOn: Bool { false }
}

/// Folds 16 elements at a time into a run's extremes. Symmetric schemes need the largest
/// magnitude: |x| clears the sign bit, then `maxps` (non-negative floats, so an exact
/// selection). Zero-point schemes need the smallest and largest value: `minps`, `maxps`.
/// Both watch for NaN with an unordered compare (`cmpneqps`), which `maxps` would skip; ±∞
/// show as infinite extremes.
struct Float32ExtremesAccumulator {
    var magnitude = Float32x16(repeating: 0)
    var minimum = Float32x16(repeating: .infinity)
    var maximum = Float32x16(repeating: -.infinity)
    var nan = Int32x16(repeating: 0)

    @inline(__always)
    mutating func add(_ v: Float32x16, symmetric: Bool) {
        if symmetric {
            let a = Float32Bits.float(Float32Bits.bits(v) & 0x7fff_ffff)
            magnitude = magnitude.replacing(with: a, where: a .> magnitude)
            nan |= Float32Bits.minusOnes(a .!= a)
        } else {
            minimum = minimum.replacing(with: v, where: v .< minimum)
            maximum = maximum.replacing(with: v, where: v .> maximum)
            nan |= Float32Bits.minusOnes(v .!= v)
        }
    }

    @inline(__always)
    func extremes(symmetric: Bool) -> Extremes {
        let hasNaN = Float32Bits.anyLane(nan)
        if symmetric {
            return Extremes(minimum: 0, maximum: 0, magnitude: Float32Bits.maximum(magnitude).bitPattern, hasNaN: hasNaN)
        }
        return Extremes(minimum: Float32Bits.minimum(minimum), maximum: Float32Bits.maximum(maximum), magnitude: 0, hasNaN: hasNaN)
    }
}

/// A run's extremes: its smallest and largest value (zero-point schemes), its largest
/// magnitude as float32 bits (symmetric schemes, codebooks), and whether it holds a NaN.
/// Combining two runs' extremes gives the extremes of their union.
struct Extremes: Sendable, Hashable {
    var minimum: Float
    var maximum: Float
    var magnitude: UInt32
    var hasNaN: Bool

    static let empty = Extremes(minimum: .infinity, maximum: -.infinity, magnitude: 0, hasNaN: false)

    func combined(with other: Extremes) -> Extremes {
        Extremes(
            minimum: other.minimum < minimum ? other.minimum : minimum,
            maximum: other.maximum > maximum ? other.maximum : maximum,
            magnitude: Swift.max(magnitude, other.magnitude), hasNaN: hasNaN || other.hasNaN)
    }

    var maximumMagnitude: Float { Float(bitPattern: magnitude) }
    /// True when the run holds a NaN or ±∞.
    var isNonFinite: Bool { hasNaN || magnitude >= 0x7f80_0000 || minimum.isInfinite || maximum.isInfinite }
}
