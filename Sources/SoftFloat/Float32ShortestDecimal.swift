/// The shortest decimal that reads back as the same float32, written straight into a byte
/// buffer: the digits Swift's `Float.description` finds (shortest; of two shortest, the nearer
/// to the stored value; the even one on a tie) in the lab's layout (``DecimalLayout``), without
/// a `String`. This is ``FloatFormat/shortestDecimal(_:)``'s float32 path and what
/// `quantize --json` writes float32 values with (4 M per 1024 × 4096 matrix), in place
/// (``write(_:to:)``).
///
///     var bytes: [UInt8] = []
///     Float32ShortestDecimal.append(0x3dcc_cccd, to: &bytes)   // "0.1"
///     Float32ShortestDecimal.append(0x501502f9, to: &bytes)    // "10000000000.0" (Swift: "1e+10")
///     Float32ShortestDecimal.append(0x0000_0001, to: &bytes)   // "1e-45"
///
/// The method is Giulietti's Schubfach ("The Schubfach way to render doubles", 2020), written
/// here for binary32 from the paper. A finite v = c · 2^q rounds back from every decimal in its
/// rounding interval: [v − 2^(q−1), v + 2^(q−1)] (only 2^(q−2) below when c is a power of two
/// above the smallest normal), closed when c is even (ties go to the even code), open when it
/// is odd. With k = ⌊log10(2^q)⌋ (⌊log10(¾ · 2^q)⌋ for the narrow interval) the interval is
/// shorter than 10^(k+1) and at least 10^k wide, so:
///
/// - at most one multiple of 10^(k+1) lies in it; if one does, it is the shortest decimal;
/// - otherwise s · 10^k and (s + 1) · 10^k, s = ⌊v · 10^−k⌋, are the two nearest candidates,
///   at least one of them inside; of two inside, the nearer to v (the even s on a tie).
///
/// The comparisons need v, and the interval's ends, times 10^−k: 4x · 2^(q-2) · 10^−k for
/// x = c and the two ends, computed as x · g ≫ shift with g a 64-bit value just above
/// 10^−k's leading bits, rounded to odd (the integer part, with its last bit set when the
/// fraction is not zero), which compares with the even integers 4s, 4(s + 1) and 4s + 2 as the
/// exact product would. The shift is 60 … 63, so x is first moved up by 96 − shift (33 … 36
/// bits; 4c + 2 < 2^26 stays below 2^62) and the high half of one 64 × 64-bit product holds
/// the integer above its 32 low bits, the fraction (no 128-bit shift). The digits are then
/// written in place (``DecimalLayout/write(negative:digits:count:exponent:to:)``). `verify --shortest-float32` checks every one of the 2^32 bit patterns
/// against Swift's `Float.description` laid out by ``ShortestDecimal``.
package enum Float32ShortestDecimal {
    /// Per binary exponent q (−149 … 104) and interval kind (`2(q + 149) + narrow`): g, the 64
    /// leading bits of 10^−k rounded up (⌊10^−k · 2^shift−q⌋ + 1), k and the shift that takes
    /// x · g back to x · 2^q · 10^−k. Made once, exactly, with ``Natural``.
    ///
    ///     scales[2 * (0 + 149)]   // q = 0: k = 0, g = 2^63 + 1, shift = 63
    static let scales: [(g: UInt64, k: Int, shift: Int)] = {
        var table: [(g: UInt64, k: Int, shift: Int)] = []
        table.reserveCapacity(2 * 254)
        for q in -149...104 {
            for narrow in [false, true] {
                let k = largestPowerOfTen(atMost: q, narrow: narrow)
                // 10^−k = G · 2^β with G in [2^63, 2^64); g = ⌊G⌋ + 1.
                let g: UInt64
                let beta: Int
                if k <= 0 {
                    let power = Natural.powerOfTen(-k)
                    beta = power.bitWidth - 64
                    g = UInt64(truncatingIfNeeded: (beta >= 0 ? power >> beta : power << -beta).low128) + 1
                } else {
                    let power = Natural.powerOfTen(k)
                    beta = -(63 + power.bitWidth)
                    g = UInt64(truncatingIfNeeded: (Natural.one << -beta).divided(by: power, quotientBits: 64).quotient) + 1
                }
                precondition((60...63).contains(-(q + beta)), "scaled(_:_:) moves x up by 96 − shift ≤ 36 bits")
                table.append((g, k, -(q + beta)))
            }
        }
        return table
    }()

    /// The largest k with 10^k ≤ 2^q (≤ ¾ · 2^q when `narrow`), compared exactly.
    static func largestPowerOfTen(atMost q: Int, narrow: Bool) -> Int {
        func fits(_ k: Int) -> Bool {  // 10^k · b ≤ 2^q · a with a / b = 1 or 3 / 4
            var left = Natural(narrow ? 4 : 1)
            var right = Natural(narrow ? 3 : 1)
            if k >= 0 { left = left * Natural.powerOfTen(k) } else { right = right * Natural.powerOfTen(-k) }
            if q >= 0 { right = right << q } else { left = left << -q }
            return !(right < left)
        }
        var k = (q * 1233) >> 12  // about q · log10(2), then corrected exactly
        while !fits(k) { k -= 1 }
        while fits(k + 1) { k += 1 }
        return k
    }

    /// The longest text ``write(_:to:)`` writes: "-1234567800000000.0" (19 bytes; positional
    /// below 1e16, 9 digits at most).
    package static let maxLength = 19

    /// Writes the shortest decimal of the float32 `bits` at `out` and returns its length (at
    /// most ``maxLength``): "nan", "inf", "-inf", "0.0" and "-0.0" for the specials, as
    /// ``FloatFormat/shortestDecimal(_:)`` prints them.
    package static func write(_ bits: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let negative = bits >> 31 != 0
        let magnitude = bits & 0x7fff_ffff
        guard magnitude != 0, magnitude < 0x7f80_0000 else {
            let text: StaticString = magnitude == 0 ? (negative ? "-0.0" : "0.0")
                : magnitude == 0x7f80_0000 ? (negative ? "-inf" : "inf") : "nan"
            out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            return text.utf8CodeUnitCount
        }
        let (digits, exponent) = decimal(magnitude)
        return DecimalLayout.write(negative: negative, significand: UInt32(truncatingIfNeeded: digits),
                                   exponent: exponent, to: out)
    }

    /// Appends ``write(_:to:)``'s text to `bytes`.
    static func append(_ bits: UInt32, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            let length = write(bits, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<length]))
        }
    }

    /// The shortest digits d (no trailing zeros) and exponent e with d · 10^e reading back as
    /// the finite, nonzero, positive float32 `magnitude`.
    ///
    ///     Float32ShortestDecimal.decimal(0x3dcc_cccd)   // (1, -1): 0.1
    ///     Float32ShortestDecimal.decimal(0x4b80_0001)   // (16777218, 0)
    static func decimal(_ magnitude: UInt32) -> (digits: UInt64, exponent: Int) {
        let biased = Int(magnitude >> 23)
        let fraction = UInt64(magnitude & 0x7f_ffff)
        let c = biased == 0 ? fraction : fraction | 1 << 23
        let q = biased == 0 ? -149 : biased - 150
        let narrow = fraction == 0 && biased > 1
        let scale = scales.withUnsafeBufferPointer { $0[2 &* (q &+ 149) &+ (narrow ? 1 : 0)] }
        let odd = c & 1  // an odd c has an open interval
        let up = 96 &- scale.shift
        let middle = scaled(c << (2 &+ up), scale.g)
        let lower = scaled(((c << 2) &- (narrow ? 1 : 2)) << up, scale.g)
        let upper = scaled(((c << 2) &+ 2) << up, scale.g)
        var digits: UInt64
        var exponent = scale.k
        // Every value here is below 2^32: wrapping arithmetic, no overflow checks.
        let s = middle >> 2
        let shorter = s / 10 &* 10
        let lowerInside = lower &+ odd <= shorter << 2
        let upperInside = (shorter &+ 10) << 2 &+ odd <= upper
        if lowerInside != upperInside {
            digits = lowerInside ? shorter : shorter &+ 10
        } else {
            let sInside = lower &+ odd <= s << 2
            let tInside = (s &+ 1) << 2 &+ odd <= upper
            if sInside != tInside {
                digits = sInside ? s : s &+ 1
            } else {
                let midpoint = (s << 2) &+ 2  // 4 · (s + ½): compare v with the candidates' middle
                digits = middle < midpoint || (middle == midpoint && s & 1 == 0) ? s : s &+ 1
            }
        }
        while digits % 10 == 0 {
            digits /= 10
            exponent &+= 1
        }
        return (digits, exponent)
    }

    /// x · 2^q · 10^−k rounded to odd, for x already moved up by 96 − shift: ⌊x · g / 2^96⌋
    /// (the high half's top 32 bits) with the last bit set when the 32 fraction bits below it
    /// (the high half's low 32) are not all zero (g exceeds 10^−k's bits by less than one unit,
    /// which stays below those 32 bits for x < 2^26).
    ///
    ///     scaled(4 << 33, 1 << 63 | 1)   // 4: v = 1 (q = 0, shift 63): 4 · 2^33 · (2^63 + 1) / 2^96
    ///                                    // = 4 + 2^-61, whose fraction is below the 32 bits
    ///     scaled(5 << 33, 1 << 63 | 1)   // 5: 5 + 5 · 2^-63, the same
    @inline(__always)
    static func scaled(_ x: UInt64, _ g: UInt64) -> UInt64 {
        let high = g.multipliedFullWidth(by: x).high
        return high >> 32 | ((high & 0xffff_ffff) &+ 0xffff_ffff) >> 32
    }
}
