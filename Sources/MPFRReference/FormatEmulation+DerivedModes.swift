import CMPFR
import SoftFloat

/// Round-to-odd and round-to-nearest-ties-away, the two deterministic modes MPFR lacks, built
/// from MPFR's own directions so that they share no code with the engine's rounding:
///
/// - `odd`: the toward-zero result with the last bit of its code set when it is inexact,
///   which is what round-to-odd is (the truncation, made odd if anything was cut off).
///   Exceptions follow from the definition: a result flushed to zero, or in a format without
///   zero, stays, and so does a nonzero result with a one-bit significand; an overflow is toward zero's (±max), and so is
///   a result whose odd code would pass the largest finite value (float8_e4m3fn: 448 is
///   0x7e, 0x7f is NaN). Zero made odd is the smallest subnormal with the value's sign.
/// - `nearestAway`: the nearest-even result, except on an exact tie, where it is the
///   away-from-zero result. The tie is found exactly: the value computed toward zero at
///   p + 2 bits must be exact (a midpoint of the p-bit grid has at most p + 1 significant
///   bits) and equal to the toward-zero result plus half its ulp.
///
///     // float16, 1 + 2^-11 (a tie):   nearestAway → 0x3c01, odd → 0x3c01
///     // float16, 1 + 3·2^-11 (a tie): nearestAway → 0x3c02, odd → 0x3c01
///     // float8_e4m3fn, 464 (tie between 448 and 480): nearestAway → 0x7f (NaN, overflow), odd → 0x7e
///
/// Both agree with rounding twice — once to odd at more than p + 1 bits, then to p bits —
/// which the tests check on their own.
extension FormatEmulation {
    /// An emulation for any deterministic ``RoundingMode``; nil for `stochastic`.
    init?(format: FloatFormat, rounding: RoundingMode, overflow: OverflowPolicy, subnormals: SubnormalPolicy) {
        switch rounding {
        case .nearestAway:
            self.init(format: format, direction: .nearestEven, overflow: overflow, subnormals: subnormals, derived: .nearestAway)
        case .odd:
            self.init(format: format, direction: .towardZero, overflow: overflow, subnormals: subnormals, derived: .odd)
        case .stochastic:
            return nil
        default:
            guard let direction = MPFRRounding(rounding) else { return nil }
            self.init(format: format, direction: direction, overflow: overflow, subnormals: subnormals)
        }
    }

    func roundDerived(_ mode: RoundingMode, _ compute: (mpfr_ptr, mpfr_rnd_t) -> Int32) -> Rounded {
        let towardZero = FormatEmulation(format: format, direction: .towardZero, overflow: overflow, subnormals: subnormals)
        let truncated = towardZero.round(compute)
        guard truncated.flags.contains(.inexact), !truncated.flags.contains(.overflow) else {
            return mode == .odd ? truncated : with(.nearestEven).round(compute)
        }
        let flushed = truncated.flags.contains(.underflow) && (subnormals == .flush || !format.hasZero)
        // The value at p + 2 bits toward zero, and whether that is exact.
        let (probe, probeIsExact) = MPFRThreadState.isolated {
            let value = MPFRValue(precision: format.precision + 2)
            let ternary = compute(value.pointer, MPFR_RNDZ)
            return (value, ternary == 0)
        }
        switch mode {
        case .odd:
            let magnitude = truncated.bits & format.magnitudeMask
            // With a one-bit significand every nonzero value is already odd; zero is not, and
            // becomes the smallest positive code (e7m0fn: 0x01). In float8_e8m0fnu, which has
            // no zero, code 0x00 is 2^-127, odd too.
            let isZero = format.hasZero && magnitude == 0
            if flushed || (format.mantissaBits == 0 && !isZero) { return truncated }
            let signBit: UInt64 = probe.isNegative ? format.signMask : 0
            if magnitude | 1 > format.maxFiniteBits { return towardZero.overflowResult(negative: probe.isNegative) }
            return Rounded(bits: signBit | magnitude | 1, flags: truncated.flags)
        default:
            let isTie = !flushed && probeIsExact && isMidpointAbove(truncated.bits, probe)
            return with(isTie ? .awayFromZero : .nearestEven).round(compute)
        }
    }

    /// This emulation in an MPFR direction.
    private func with(_ direction: MPFRRounding) -> FormatEmulation {
        FormatEmulation(format: format, direction: direction, overflow: overflow, subnormals: subnormals)
    }

    /// True when |value| is the code's magnitude plus half its ulp: the ulp is 2^(e − m) for a
    /// code in binade e, and the subnormal spacing 2^(minNormalExponent − m) below the normal
    /// range (zero included).
    private func isMidpointAbove(_ bits: UInt64, _ value: MPFRValue) -> Bool {
        MPFRThreadState.isolated {
            let lower = MPFRValue(bits: bits & format.magnitudeMask, format: format)
            var binade = format.minNormalExponent
            if let exponent = lower.exponent, !lower.isZero { binade = max(exponent, binade) }
            let midpoint = MPFRValue(precision: format.precision + 2)
            let half = MPFRValue(significand: 1, exponent: binade - format.mantissaBits - 1)
            return withExtendedLifetime((lower, half)) {
                mpfr_add(midpoint.pointer, lower.pointer, half.pointer, MPFR_RNDN) == 0
                    && mpfr_cmpabs(value.pointer, midpoint.pointer) == 0
            }
        }
    }
}
