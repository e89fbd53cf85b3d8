/// Scalar add, subtract, multiply, divide, square root and fused multiply-add for layouts known
/// at compile time (``ScalarLayout``: float16, float32, bfloat16, float8_e5m2, float8_e4m3fn),
/// nearest-even with the default options only: the same results and flags as the engine
/// (``FloatFormat/add(_:_:options:random:)`` and its siblings, whose general code stays the one
/// definition), in the manner of Berkeley SoftFloat's `f16_add`/`f32_add`.
///
/// Each operation is generic over its layout and specialised per layout, so every width, mask
/// and bound is a literal in the generated code. Operands are classified with one range test
/// each (normal or not); normal operands take the inline path, anything else (zero, subnormal,
/// infinity, NaN) one out-of-line function per operation and layout that handles the special
/// values in a few instructions and normalises subnormals into the same core. Every result
/// goes through ``roundPack(_:sign:exponent:significand:)``.
///
/// `ScalarFastPathTests` compares every operation with the engine's on all special codes
/// against samples and on 2^20 random pairs per layout, bits and flags; the MPFR and
/// exhaustive tests check the public operations, which now run this code.
enum ScalarFastPath {
    /// Rounds `(−1)^sign × significand × 2^(exponent + 1 − bias − 62)` to nearest-even, where
    /// the significand's leading bit is bit 62 and bit 0 may hold a jammed sticky bit (bits
    /// below it were nonzero). `sign` is the code's sign bit in place; `exponent` is the result's
    /// biased exponent minus one, so that adding the rounded significand (implicit bit
    /// included) to `exponent << mantissaBits` gives the code, and a carry out of the mantissa
    /// bumps the exponent by itself.
    ///
    ///     // float16, 1 + 2^-11 (a tie, even kept part): significand 2^62 + 2^51 = 0x4008_0000_0000_0000,
    ///     // exponent 14 → 0x3c00, inexact
    ///
    /// Results in the normal range below the top binade are packed inline. Beyond the top
    /// binade (an overflow whatever the rounding) the result is ±∞, or the NaN of an `fn`
    /// layout, at the cost of one comparison off the common path (float8_e4m3fn, largest value
    /// 448, overflows in most products of N(0,1)·100 operands); the top binade and subnormal
    /// results take ``roundPackEdge(_:sign:exponent:significand:)``.
    @inline(always)
    static func roundPack<L: ScalarLayout>(_: L.Type, sign: UInt64, exponent: Int, significand: UInt64) -> Rounded {
        if _fastPath(UInt(bitPattern: exponent) < UInt(L.maxFiniteBiasedExponent &- 1)) {
            let shift = UInt64(62 &- L.mantissaBits)
            let half: UInt64 = 1 &<< (shift &- 1)
            // Nearest-even in one addition: half − 1 plus the kept part's last bit carries
            // into the kept part exactly when the discarded bits are above half, or half with
            // an odd kept part.
            let kept = (significand &+ (half &- 1) &+ ((significand &>> shift) & 1)) &>> shift
            return Rounded(bits: sign | ((UInt64(truncatingIfNeeded: exponent) &<< UInt64(L.mantissaBits)) &+ kept),
                           flags: significand & ((1 &<< shift) &- 1) != 0 ? .inexact : [])
        }
        if exponent >= L.maxFiniteBiasedExponent { return overflow(L.self, sign: sign) }
        return roundPackEdge(L.self, sign: sign, exponent: exponent, significand: significand)
    }

    /// An overflow's result: ±∞, or the NaN of an `fn` layout, with `overflow` and `inexact`.
    @inline(always)
    static func overflow<L: ScalarLayout>(_: L.Type, sign: UInt64) -> Rounded {
        Rounded(bits: sign | (L.hasInfinity ? L.infinityBits : L.magnitudeMask), flags: [.overflow, .inexact])
    }

    /// ``roundPack(_:sign:exponent:significand:)`` for results in the top binade (exponent
    /// `maxFiniteBiasedExponent − 1`; rounding may carry beyond the largest finite code:
    /// overflow, ±∞ or the NaN of an `fn` layout, with `overflow` and `inexact`) or below the
    /// normal range (subnormal or zero; `underflow` when tiny and inexact, as the engine and
    /// SoftFloat's 8086 specialisation detect it). Each is rounded in one step with the inline
    /// path's one addition: a result below the normal range is rounded at bit
    /// `62 − m − exponent` of the significand as it stands (no shift with a jammed sticky bit
    /// first), and the kept part is the subnormal's code (a carry into bit m gives 2^emin).
    ///
    ///     // float8_e4m3fn, 1.5 × 2^-9 (a tie between its subnormals 2^-9 = 0x01 and 2^-8 = 0x02):
    ///     // significand 0x6000_0000_0000_0000, exponent −3: rounded at bit 62: kept 1 + a half
    ///     // → 2 (even) → 0x02, underflow|inexact
    ///     // float8_e4m3fn, 472 (above 464, half-way from 448 = 0x7e to 480): significand
    ///     // 0x7600_0000_0000_0000, exponent 14: kept 15, 14 << 3 + 15 = 0x7f > 0x7e → 0x7f, overflow|inexact
    ///
    /// Tininess is decided at full precision: the value is tiny unless its exponent becomes
    /// non-negative with the carry that rounding to m + 1 bits would give (exponent −1 and a
    /// significand within half an ulp of 2^63). Below half the smallest subnormal (rounding
    /// position beyond bit 63) the result is ±0, underflow and inexact.
    @inline(never)
    static func roundPackEdge<L: ScalarLayout>(_: L.Type, sign: UInt64, exponent: Int, significand: UInt64) -> Rounded {
        let shift = UInt64(62 &- L.mantissaBits)
        if exponent >= 0 {
            let kept = (significand &+ ((1 &<< (shift &- 1)) &- 1) &+ ((significand &>> shift) & 1)) &>> shift
            let magnitude = (UInt64(truncatingIfNeeded: exponent) &<< UInt64(L.mantissaBits)) &+ kept
            if magnitude > L.maxFiniteBits { return overflow(L.self, sign: sign) }
            return Rounded(bits: sign | magnitude, flags: significand & ((1 &<< shift) &- 1) != 0 ? .inexact : [])
        }
        let position = shift &- UInt64(truncatingIfNeeded: exponent)
        if position > 63 { return Rounded(bits: sign, flags: [.underflow, .inexact]) }
        let discarded = ~(UInt64.max &<< position)  // the bits below the kept part; half − 1 is discarded >> 1
        let kept = (significand &+ (discarded &>> 1) &+ ((significand &>> position) & 1)) &>> position
        let carryAtFullPrecision = Int(truncatingIfNeeded: (significand &+ (1 &<< (shift &- 1))) &>> 63)
        let tiny = exponent &+ carryAtFullPrecision < 0
        let flags: FloatFlags = significand & discarded == 0 ? [] : tiny ? [.underflow, .inexact] : .inexact
        return Rounded(bits: sign | kept, flags: flags)
    }

    /// The biased exponent and significand (implicit bit included, leading bit at
    /// `mantissaBits`) of a nonzero finite magnitude; a subnormal's is normalised, with a
    /// biased exponent of 0 or below.
    @inline(always)
    static func unpack<L: ScalarLayout>(_: L.Type, _ magnitude: UInt64) -> (exponent: Int, significand: UInt64) {
        if magnitude >= L.implicitBit {
            return (Int(truncatingIfNeeded: magnitude &>> UInt64(L.mantissaBits)), (magnitude & L.mantissaMask) | L.implicitBit)
        }
        let shift = magnitude.leadingZeroBitCount &- (63 &- L.mantissaBits)
        return (1 &- shift, magnitude &<< UInt64(truncatingIfNeeded: shift))
    }

    /// ``unpack(_:_:)`` without normalising a subnormal: its biased exponent is taken as 1 and
    /// its significand is the fraction as it stands (leading bit below `mantissaBits`), the
    /// same value. For operations that normalise their exact result anyway (the product's
    /// leading-zero count in ``multiplyFinite(_:sign:exponentA:significandA:exponentB:significandB:)``),
    /// this saves the operand's own leading-zero count and shift.
    ///
    ///     unpackUnnormalised(Float8E4M3FNLayout.self, 0x03)   // (1, 0b011): 3 × 2^-9
    ///     unpack(Float8E4M3FNLayout.self, 0x03)               // (0, 0b1100): the same value
    @inline(always)
    static func unpackUnnormalised<L: ScalarLayout>(_: L.Type, _ magnitude: UInt64) -> (exponent: Int, significand: UInt64) {
        if magnitude >= L.implicitBit {
            return (Int(truncatingIfNeeded: magnitude &>> UInt64(L.mantissaBits)), (magnitude & L.mantissaMask) | L.implicitBit)
        }
        return (1, magnitude)
    }

    /// `value >> distance` with the discarded bits jammed into bit 0 (any distance ≥ 0).
    @inline(always)
    static func shiftRightJam(_ value: UInt64, _ distance: Int) -> UInt64 {
        let capped = UInt64(truncatingIfNeeded: Swift.min(distance, 63))
        return value &>> capped | (value & ((1 &<< capped) &- 1) != 0 ? 1 : 0)
    }

    // NaN rules of ``NaNPropagation``, for a static layout.

    @inline(always)
    static func isSignaling<L: ScalarLayout>(_: L.Type, _ bits: UInt64) -> Bool {
        L.hasInfinity && L.isNaN(bits & L.magnitudeMask) && bits & L.quietBit == 0
    }

    @inline(always)
    static func quieted<L: ScalarLayout>(_: L.Type, _ bits: UInt64) -> UInt64 {
        L.hasInfinity ? (bits & L.codeMask) | L.quietBit : bits & L.codeMask
    }

    /// The first NaN of a, b, quieted; `invalid` when either is signaling.
    @inline(always)
    static func propagate<L: ScalarLayout>(_: L.Type, _ a: UInt64, _ b: UInt64) -> Rounded {
        let flags: FloatFlags = isSignaling(L.self, a) || isSignaling(L.self, b) ? .invalid : []
        return Rounded(bits: quieted(L.self, L.isNaN(a & L.magnitudeMask) ? a : b), flags: flags)
    }

    /// The default NaN with `invalid`.
    @inline(always)
    static func invalid<L: ScalarLayout>(_: L.Type) -> Rounded {
        Rounded(bits: L.defaultNaN, flags: .invalid)
    }

    /// ±∞ as ``FloatFormat/packInfinity(negative:options:)`` gives it: in an `fn` layout the
    /// NaN with that sign, with `invalid`.
    @inline(always)
    static func infinity<L: ScalarLayout>(_: L.Type, sign: UInt64) -> Rounded {
        L.hasInfinity ? Rounded(bits: sign | L.infinityBits) : Rounded(bits: sign | L.magnitudeMask, flags: .invalid)
    }
}
