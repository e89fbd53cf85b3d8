import SoftFloat

/// A fast path for the common `convert` input: a plain decimal with at most 19 significant
/// digits and a small exponent (`0.1`, `-1.5e3`, `65504`).
///
/// It computes, without allocating, exactly the significand, exponent and sticky bit that
/// SoftFloat's `ExactNumber(parsing:)` followed by `rounded(to:)` would pass to
/// ``RoundingCore/roundPack(negative:exponent:significand:sticky:format:options:random:)``,
/// so results are identical in every rounding mode, stochastic included (a test compares
/// the two on many inputs). Anything else returns nil and takes the general path.
enum DecimalFastPath {
    /// 5^0 … 5^26, the powers whose bit width leaves room for a 66-bit quotient in 128 bits.
    static let powersOfFive: [UInt64] = (0...26).map { count in (0..<count).reduce(UInt64(1)) { value, _ in value * 5 } }

    /// Rounds the decimal in `line` (already stripped of surrounding blanks), or returns nil.
    @inline(__always)
    static func round(
        _ line: UnsafeBufferPointer<UInt8>, to format: FloatFormat, options: RoundingOptions, random: UInt64
    ) -> Rounded? {
        var index = 0
        let count = line.count
        var negative = false
        if index < count, line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "+") {
            negative = line[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits: UInt64 = 0
        var digitCount = 0
        var significantDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < count {
            let byte = line[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
                if significantDigits > 0 || digit != 0 {
                    significantDigits += 1
                    if significantDigits > 19 { return nil }
                    digits = digits &* 10 &+ UInt64(digit)
                }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            index += 1
        }
        guard digitCount > 0 else { return nil }
        var exponent = 0
        if index < count {
            guard line[index] == UInt8(ascii: "e") || line[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            var exponentNegative = false
            if index < count, line[index] == UInt8(ascii: "-") || line[index] == UInt8(ascii: "+") {
                exponentNegative = line[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count else { return nil }
            while index < count {
                let digit = line[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                exponent = exponent * 10 + Int(digit)
                if exponent > 10_000 { return nil }
                index += 1
            }
            if exponentNegative { exponent = -exponent }
        }
        if digits == 0 { return RoundingCore.packZero(negative: negative, format: format) }
        let decimalExponent = exponent - fractionDigits
        if decimalExponent >= 0 {
            // ExactNumber: numerator digits × 5^e, binary exponent e; exact below 2^120.
            var significand = UInt128(digits)
            for _ in 0..<decimalExponent {
                let (product, overflow) = significand.multipliedReportingOverflow(by: 5)
                if overflow || product >> 120 != 0 { return nil }
                significand = product
            }
            return RoundingCore.roundPack(
                negative: negative, exponent: decimalExponent, significand: significand, sticky: false,
                format: format, options: options, random: random)
        }
        let fiveCount = -decimalExponent
        guard fiveCount < powersOfFive.count else { return nil }
        // ExactNumber: digits / 5^k × 2^-k, scaled so the quotient has 66–68 bits.
        let denominator = powersOfFive[fiveCount]
        let scale = (64 - digits.leadingZeroBitCount) - (64 - denominator.leadingZeroBitCount) - 66
        let dividend = UInt128(digits) << UInt128(-scale)
        let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: UInt128(denominator))
        return RoundingCore.roundPack(
            negative: negative, exponent: decimalExponent + scale, significand: quotient, sticky: remainder != 0,
            format: format, options: options, random: random)
    }

    /// Parses `[0x|0X]` and 1–16 hex digits into a code that fits `format`, or returns nil.
    @inline(__always)
    static func bitPattern(_ line: UnsafeBufferPointer<UInt8>, of format: FloatFormat) -> UInt64? {
        var index = 0
        if line.count >= 2, line[0] == UInt8(ascii: "0"), line[1] | 0x20 == UInt8(ascii: "x") { index = 2 }
        let digitCount = line.count - index
        guard digitCount > 0, digitCount <= 16 else { return nil }
        var value: UInt64 = 0
        while index < line.count {
            let byte = line[index]
            let nibble: UInt8
            if byte &- UInt8(ascii: "0") < 10 {
                nibble = byte &- UInt8(ascii: "0")
            } else if (byte | 0x20) &- UInt8(ascii: "a") < 6 {
                nibble = (byte | 0x20) &- UInt8(ascii: "a") &+ 10
            } else {
                return nil
            }
            value = value << 4 | UInt64(nibble)
            index += 1
        }
        return value & ~format.codeMask == 0 ? value : nil
    }
}
