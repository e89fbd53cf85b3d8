/// The fast path of ``FloatFormat/shortestDecimal(_:)`` for the three formats the hardware
/// has (float64, float32, float16), and for the other IEEE-style formats of at most 24
/// significand bits in 2^-40 … 2^84 (``smallFormatString(_:in:)``: the engine's search in
/// 128-bit integers); everything else, and zeros and specials, take the engine's search
/// (`FloatFormat.searchedShortestDecimal`).
///
/// The engine searches digit lengths with exact big-integer rounding, about 40 µs per float64
/// value; Swift's own `description` finds the same shortest, closest digits in well under a
/// microsecond. Only the layout differs (Swift's `Float` switches to exponent notation at
/// 2^24), so the digits are laid out again with the engine's rule (``DecimalLayout``):
/// positional for 1e-4 ≤ |x| < 1e16, always with a fraction digit, scientific otherwise.
/// float32 skips the `String` and the re-layout: ``Float32ShortestDecimal`` writes the same
/// digits straight into bytes (checked against `Float.description` on all 2^32 patterns).
///
///     ShortestDecimal.string(0x501502f9, in: .float32)   // "10000000000.0" (Swift: "1e+10")
///     ShortestDecimal.string(0x3555, in: .float16)       // "0.3333"
///
/// One exception: Swift prints integers exactly when they are small (below 2^53 for `Double`,
/// 2^24 for `Float`, and every `Float16` integer). There the ulp is at most 1 for `Double`
/// and `Float`, so the exact digits are the shortest; but `Float16(4112)` prints `4112.0`
/// where the engine prints `4110.0` (as numpy does), so float16 integers take the engine's own
/// search, with exact integer rounding instead of big numbers.
///
/// Tests compare it with the engine on every float16 code and on samples of the others.
package enum ShortestDecimal {
    /// The shortest decimal for `bits`, or nil when `format` is not a hardware layout or the
    /// code is zero, infinite or NaN (the engine answers those at once).
    static func string(_ bits: UInt64, in format: FloatFormat) -> String? {
        guard format.nonFinite == .ieee, format.isSigned, format.hasZero else { return nil }
        let description: String
        switch (format.exponentBits, format.mantissaBits, format.bias) {
        case (11, 52, 1023):
            let value = Double(bitPattern: bits)
            guard value.isFinite, value != 0 else { return nil }
            description = value.description
        case (8, 23, 127):
            let magnitude = bits & 0x7fff_ffff
            guard magnitude != 0, magnitude < 0x7f80_0000 else { return nil }
            // Written into a stack buffer; a text of up to 15 bytes becomes a small (inline)
            // String without a heap allocation. (String(unsafeUninitializedCapacity: 19) would
            // allocate: its capacity is above the small-string limit.)
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                let length = Float32ShortestDecimal.write(UInt32(truncatingIfNeeded: bits), to: buffer.baseAddress!)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<length]), as: UTF8.self)
            }
        case (5, 10, 15):
            #if arch(x86_64) || arch(arm64) || arch(i386) || arch(arm)
            let value = Float16(bitPattern: UInt16(truncatingIfNeeded: bits))
            guard value.isFinite, value != 0 else { return nil }
            if value == value.rounded(.towardZero) {  // every float16 integer is below 2^16
                return shortestInteger(UInt64(Float(value).magnitude), negative: value < 0, code: bits, in: format)
            }
            description = value.description
            #else
            return nil
            #endif
        default:
            return smallFormatString(bits, in: format)
        }
        return relayout(description)
    }

    /// The engine's search (`FloatFormat.searchedShortestDecimal`: digit lengths in turn, the
    /// truncated digits and their successor rounded back nearest-even; of two that fit, the
    /// nearer, the even one on a tie) in 128-bit integers instead of big numbers, for the other
    /// IEEE-style formats (tf32, bfloat16, float8_e5m2, eXmY) when the significand has at most
    /// 24 bits and the value lies in 2^-40 … 2^84 (its exact digits fit in 128 bits); nil
    /// otherwise (the engine answers). tf32 went from about 25 µs a code to well under one.
    ///
    ///     ShortestDecimal.smallFormatString(0x1f555, in: .tf32)   // "0.3333" (exact 0.333251953125)
    static func smallFormatString(_ bits: UInt64, in format: FloatFormat) -> String? {
        guard format.mantissaBits <= 23,
              case .finite(let negative, let significand, let exponent) = format.decode(bits),
              significand < 1 << 24, (-40...60).contains(exponent) else { return nil }
        let target = bits & format.magnitudeMask
        // The exact value as digits × 10^exactExponent (it fits: 2^24 × 5^40 < 2^118).
        guard let (exact, exactExponent) = FloatFormat.exactDigits(significand: significand, exponent: exponent) else {
            return nil
        }
        let exactDigits = Array(String(exact).utf8)
        /// Whether digits × 10^decimalExponent rounds (nearest-even) to `target`; nil when the
        /// quotient would be too short to round exactly.
        func roundsBack(_ digits: UInt128, exponent decimalExponent: Int) -> Bool? {
            if decimalExponent >= 0 {
                var value = digits
                for _ in 0..<decimalExponent {
                    let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                    if overflow { return nil }
                    value = product
                }
                return RoundingCore.roundPack(negative: false, exponent: 0, significand: value, sticky: false,
                                              format: format, options: .standard).bits == target
            }
            // digits / 10^k = (digits · 2^s / 5^k) · 2^(−k−s); the remainder is the sticky bit.
            var divisor: UInt128 = 1
            for _ in 0..<(-decimalExponent) { divisor *= 5 }
            let shift = digits.leadingZeroBitCount - 1
            let (quotient, remainder) = (digits << shift).quotientAndRemainder(dividingBy: divisor)
            guard UInt128.bitWidth - quotient.leadingZeroBitCount >= format.mantissaBits + 4 else { return nil }
            return RoundingCore.roundPack(negative: false, exponent: decimalExponent - shift, significand: quotient,
                                          sticky: remainder != 0, format: format, options: .standard).bits == target
        }
        var chosenDigits = exactDigits
        var chosenExponent = exactExponent
        for length in 1..<max(exactDigits.count, 1) {
            let dropped = exactDigits.count - length
            var lower: UInt128 = 0
            for digit in exactDigits[..<length] { lower = lower * 10 + UInt128(digit - UInt8(ascii: "0")) }
            let upper = lower + 1
            guard let lowerFits = roundsBack(lower, exponent: exactExponent + dropped),
                  let upperFits = roundsBack(upper, exponent: exactExponent + dropped) else { return nil }
            guard lowerFits || upperFits else { continue }
            let chosen: UInt128
            if lowerFits && upperFits {
                let rest = Array(exactDigits[length...])
                let half = [UInt8(ascii: "5")] + [UInt8](repeating: UInt8(ascii: "0"), count: rest.count - 1)
                if rest == half {
                    chosen = lower % 2 == 0 ? lower : upper
                } else {
                    chosen = rest.lexicographicallyPrecedes(half) ? lower : upper
                }
            } else {
                chosen = lowerFits ? lower : upper
            }
            var trimmed = chosen
            chosenExponent = exactExponent + dropped
            while trimmed > 9, trimmed % 10 == 0 {
                trimmed /= 10
                chosenExponent += 1
            }
            chosenDigits = Array(String(trimmed).utf8)
            break
        }
        return (negative ? "-" : "") + FloatFormat.formatDecimal(digits: String(decoding: chosenDigits, as: UTF8.self),
                                                                 exponent: chosenExponent)
    }

    /// The engine's search (shortest digits that round back; of two, the nearer, the lower on a
    /// tie) for an integer value, which is exact in 64 bits.
    static func shortestInteger(_ magnitude: UInt64, negative: Bool, code: UInt64, in format: FloatFormat) -> String {
        let target = code & format.magnitudeMask
        let exact = Array(String(magnitude).utf8)
        func roundsBack(_ digits: [UInt8], exponent: Int) -> Bool {
            var value: UInt128 = 0
            for digit in digits { value = value * 10 + UInt128(digit - UInt8(ascii: "0")) }
            for _ in 0..<exponent { value *= 10 }
            return RoundingCore.roundPack(negative: false, exponent: 0, significand: value, sticky: false,
                                          format: format, options: .standard).bits == target
        }
        var chosen = exact
        var exponent = 0
        for length in 1..<exact.count {
            let dropped = exact.count - length
            let lower = Array(exact[..<length])
            var upper = lower
            var index = upper.count - 1
            while index >= 0, upper[index] == UInt8(ascii: "9") {
                upper[index] = UInt8(ascii: "0")
                index -= 1
            }
            if index >= 0 { upper[index] += 1 } else { upper.insert(UInt8(ascii: "1"), at: 0) }
            let lowerFits = roundsBack(lower, exponent: dropped)
            let upperFits = roundsBack(upper, exponent: dropped)
            guard lowerFits || upperFits else { continue }
            if lowerFits && upperFits {
                let rest = Array(exact[length...])
                let half = [UInt8(ascii: "5")] + [UInt8](repeating: UInt8(ascii: "0"), count: rest.count - 1)
                chosen = rest.lexicographicallyPrecedes(half) || rest == half ? lower : upper
            } else {
                chosen = lowerFits ? lower : upper
            }
            exponent = dropped
            break
        }
        while chosen.count > 1, chosen.last == UInt8(ascii: "0") {
            chosen.removeLast()
            exponent += 1
        }
        return (negative ? "-" : "") + layout(digits: chosen, exponent: exponent)
    }

    /// Swift's own shortest digits of a float32 (`Float.description`) in the engine's layout,
    /// zeros and specials as the engine prints them: the printer ``Float32ShortestDecimal``
    /// replaced, kept as its oracle (`verify --shortest-float32`, `ShortestDecimalTests`).
    ///
    ///     ShortestDecimal.systemFloat32String(0x501502f9)   // "10000000000.0" (Swift: "1e+10")
    package static func systemFloat32String(_ bits: UInt32) -> String {
        let value = Float(bitPattern: bits)
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        return relayout(value.description) ?? "unreadable \(value.description)"
    }

    /// Re-lays out a Swift float description (`-1.5e+10`, `0.0001`, `16777216.0`). Positional
    /// descriptions, and scientific ones with an exponent below −4 or from 16 up, already
    /// have the engine's layout and are returned as they are.
    static func relayout(_ description: String) -> String? {
        var scanned = description  // a scan of the contiguous bytes: String.UTF8View.firstIndex is slow
        guard scanned.withUTF8({ $0.contains(UInt8(ascii: "e")) }) else { return description }
        let utf8 = description.utf8
        guard let marker = utf8.firstIndex(of: UInt8(ascii: "e")) else { return description }
        if let exponent = Int(Substring(description[description.index(after: marker)...])), exponent < -4 || exponent >= 16 {
            return description
        }
        var bytes = Array(description.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var exponent = 0
        if let marker = bytes.firstIndex(of: UInt8(ascii: "e")) {
            guard let parsed = Int(String(decoding: bytes[(marker + 1)...], as: UTF8.self)) else { return nil }
            exponent = parsed
            bytes = bytes[..<marker]
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                seenPoint = true
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                digits.append(byte)
                if seenPoint { fractionDigits += 1 }
            }
        }
        exponent -= fractionDigits
        while digits.count > 1, digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        while digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard !digits.isEmpty, digits != [UInt8(ascii: "0")] else { return nil }
        return (negative ? "-" : "") + layout(digits: digits, exponent: exponent)
    }

    /// `digits × 10^exponent` in the engine's layout (``DecimalLayout``).
    static func layout(digits: [UInt8], exponent: Int) -> String {
        DecimalLayout.string(negative: false, digits: digits, exponent: exponent)
    }
}
