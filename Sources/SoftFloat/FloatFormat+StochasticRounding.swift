extension FloatFormat {
    /// Converts `bits` (a code of this format, precision ≤ 53 bits: float32, float16, bfloat16,
    /// FP8 …, or float64) to `target` by stochastic rounding under `rule` with the random
    /// integer `random` (only its low ``StochasticRule/randomBits`` bits are read; callers
    /// draw them from ``SplitMix64``). Bit-exact given the bits: a test can fix them.
    ///
    /// The exact |x| lies between T (the toward-zero result) and T + ulp; the rule decides from
    /// δ = (|x| − T)/ulp, computed exactly in float64 (Sterbenz: |x| − T is exact, ulp is a power
    /// of two). Zero, NaN, ±∞ and exact values convert as by nearest-even. Rounding away past the
    /// largest finite value (always, from more than an ulp above it) overflows under
    /// `options.overflow` (saturate: the largest finite).
    ///
    ///     // float32 1.3125 → float4_e2m1fn, cvt.rs with 8 random bits:
    ///     FloatFormat.float32.convertStochastically(0x3fa8_0000, to: .float4_e2m1fn, rule: .nvidiaRS(bits: 8), random: 95).bits  // 0x2 (1.0)
    ///     FloatFormat.float32.convertStochastically(0x3fa8_0000, to: .float4_e2m1fn, rule: .nvidiaRS(bits: 8), random: 96).bits  // 0x3 (1.5)
    ///
    /// - Precondition: this format's precision is at most 53 bits and its range within
    ///   float64's; `target` has a zero.
    public func convertStochastically(_ bits: UInt64, to target: FloatFormat, rule: StochasticRule, random: UInt64,
                                      options: RoundingOptions = .standard) -> Rounded {
        precondition(precision <= 53, "stochastic rules need an exact float64 image of the source")
        if case .engine = rule {
            var engineOptions = options
            engineOptions.rounding = .stochastic
            return convert(bits, to: target, options: engineOptions, random: random)
        }
        let nearest = convert(bits, to: target, options: RoundingOptions(rounding: .nearestEven, overflow: options.overflow, subnormals: options.subnormals))
        let x = doubleValue(bits)
        guard x.isFinite, x != 0 else { return nearest }
        let f64 = FloatFormat.float64
        var truncating = options
        truncating.rounding = .towardZero
        let toward = convert(bits, to: target, options: truncating)
        let magnitude = abs(x)
        let t = abs(target.doubleValue(toward.bits))
        guard t < magnitude else { return nearest }   // exact, or beyond the largest finite value
        // ulp of the target at T: its binade's quantum, or the subnormal quantum below 2^emin.
        let lowest = target.minNormalExponent - target.mantissaBits
        let exponent = t == 0 ? lowest : max(Int(t.exponent) - target.mantissaBits, lowest)
        let ulp = Double(sign: .plus, exponent: exponent, significand: 1)
        let delta = (magnitude - t) / ulp
        if delta >= 1 {
            // Beyond the largest finite value by more than an ulp: every rule rounds past it.
            return RoundingCore.packOverflow(negative: x < 0, format: target, options: options)
        }
        let n = rule.randomBits
        let r = n >= 64 ? random : random & ((1 << UInt64(n)) - 1)
        let away: Bool
        switch rule {
        case .engine:
            away = false  // handled above
        case .gfloat(let n):
            away = Self.roundedInteger(delta * Double(sign: .plus, exponent: n, significand: 1), tiesToOdd: false) + r >= 1 << UInt64(n)
        case .gfloatOdd(let n):
            away = Self.roundedInteger(delta * Double(sign: .plus, exponent: n, significand: 1), tiesToOdd: true) + r >= 1 << UInt64(n)
        case .gfloatFast(let n):
            away = UInt64(delta * Double(sign: .plus, exponent: n + 1, significand: 1)) + 2 * r + 1 >= 1 << UInt64(n + 1)
        case .gfloatFastest(let n):
            away = UInt64(delta * Double(sign: .plus, exponent: n, significand: 1)) + r >= 1 << UInt64(n)
        case .nvidiaRS(let n):
            away = Self.carriesOut(discardedFraction: magnitude - t, lowestSourceBit: sourceQuantum(of: magnitude), ulp: ulp, random: r, randomBits: n)
        }
        guard away else { return Rounded(bits: toward.bits, flags: [.inexact]) }
        let negative = x < 0
        let next = (t + ulp) * (negative ? -1 : 1)
        let nextCode = f64.convert(next.bitPattern, to: target, options: RoundingOptions(rounding: .towardZero, overflow: options.overflow, subnormals: options.subnormals))
        if abs(target.doubleValue(nextCode.bits)) != t + ulp {
            // T + ulp is past the largest finite value: overflow under the caller's policy.
            return RoundingCore.packOverflow(negative: negative, format: target, options: options)
        }
        return Rounded(bits: nextCode.bits, flags: [.inexact])
    }

    /// The quantum of this format at |x| (float64 value): its last significand bit's weight.
    func sourceQuantum(of magnitude: Double) -> Double {
        let lowest = minNormalExponent - mantissaBits
        return Double(sign: .plus, exponent: max(Int(magnitude.exponent) - mantissaBits, lowest), significand: 1)
    }

    /// `cvt.rs`'s carry: the D discarded bits d (|x| − T in units of the source's last bit,
    /// D = log2(ulp / that bit)) plus the R random bits placed at the top of the discarded
    /// field; true when the sum reaches 2^D.
    static func carriesOut(discardedFraction: Double, lowestSourceBit: Double, ulp: Double, random: UInt64, randomBits: Int) -> Bool {
        let d = UInt64(discardedFraction / lowestSourceBit)          // exact: a multiple of the source's last bit
        let width = Int((ulp / lowestSourceBit).exponent)             // D
        if width >= randomBits {
            return d + (random << UInt64(width - randomBits)) >= 1 << UInt64(width)
        }
        return (d << UInt64(randomBits - width)) + random >= 1 << UInt64(randomBits)
    }

    /// v ≥ 0 rounded to an integer, ties to even (or to odd), exactly.
    static func roundedInteger(_ v: Double, tiesToOdd: Bool) -> UInt64 {
        let floor = v.rounded(.down)
        let fraction = v - floor
        let base = UInt64(floor)
        if fraction > 0.5 { return base + 1 }
        if fraction < 0.5 { return base }
        let odd = base & 1 == 1
        return (odd != tiesToOdd) ? base + 1 : base
    }
}
