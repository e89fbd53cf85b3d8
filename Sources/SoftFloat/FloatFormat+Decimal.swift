extension FloatFormat {
    /// The exact decimal expansion of a code, in positional notation.
    ///
    /// Every binary float has a finite one, because 2^-k = 5^k / 10^k:
    ///
    ///     FloatFormat.float16.exactDecimal(0x3555)    // "0.333251953125"
    ///     FloatFormat.float32.exactDecimal(0x3eaaaaab) // "0.3333333432674407958984375"
    ///     FloatFormat.float16.exactDecimal(0x7bff)    // "65504"
    ///
    /// Special values print as `inf`, `-inf`, `nan`; zeros as `0` and `-0`.
    public func exactDecimal(_ bits: UInt64) -> String {
        switch decode(bits) {
        case .nan: return "nan"
        case .infinity(let negative): return negative ? "-inf" : "inf"
        case .zero(let negative): return negative ? "-0" : "0"
        case .finite(let negative, let significand, let exponent):
            return Self.exactDecimal(negative: negative, significand: Natural(significand), exponent: exponent)
        }
    }

    /// The exact decimal expansion of ±significand × 2^exponent, for any exponent (beyond
    /// every format's range too); the printer behind ``exactDecimal(_:)``:
    ///
    ///     FloatFormat.exactDecimal(negative: false, significand: Natural(31), exponent: -2)  // "7.75"
    ///     FloatFormat.exactDecimal(negative: false, significand: Natural(3), exponent: 126)
    ///         // "255211775190703847597530955573826158592"
    public static func exactDecimal(negative: Bool, significand: Natural, exponent: Int) -> String {
        let (digits, decimalExponent) = decimalDigits(significand: significand, exponent: exponent)
        var text: String
        if decimalExponent >= 0 {
            text = digits + String(repeating: "0", count: decimalExponent)
        } else {
            let fractionLength = -decimalExponent
            if digits.count > fractionLength {
                let split = digits.index(digits.endIndex, offsetBy: -fractionLength)
                text = digits[..<split] + "." + digits[split...]
            } else {
                text = "0." + String(repeating: "0", count: fractionLength - digits.count) + digits
            }
        }
        return negative ? "-" + text : text
    }

    /// Significant decimal digits (no leading or trailing zeros) and the power of ten of the
    /// last digit: `sig × 2^exp = digits × 10^decimalExponent`.
    static func decimalDigits(significand: Natural, exponent: Int) -> (String, Int) {
        var scaled: Natural
        var decimalExponent: Int
        if exponent >= 0 {
            scaled = significand << exponent
            decimalExponent = 0
        } else {
            scaled = significand
            scaled.multiply(byPowerOfFive: -exponent)
            decimalExponent = exponent
        }
        var digits = scaled.decimalString
        while digits.count > 1, digits.last == "0" {
            digits.removeLast()
            decimalExponent += 1
        }
        return (digits, decimalExponent)
    }

    /// The decimal the lab prints for a stored value (`convert --output value`, `quantize` and
    /// `matmul` text and JSON). Formats of fewer than 32 bits (float16, bfloat16, tf32, FP8,
    /// FP6, FP4, E8M0, eXmY) print the **exact** value when it has at most 17 significant
    /// digits, laid out as ``shortestDecimal(_:)`` lays out its digits; otherwise the shortest
    /// decimal that reads back as the same float64 (every code of such a format in float64's
    /// range is a float64: a float64 reader gets the stored value). float32, float64 and wider
    /// formats print their own shortest round-trip decimal, their convention.
    ///
    ///     FloatFormat.float8_e4m3fn.printedDecimal(0x7e)   // "448.0"   (shortest: "450.0")
    ///     FloatFormat.float8_e4m3fn.printedDecimal(0x79)   // "288.0"   (shortest: "300.0")
    ///     FloatFormat.bfloat16.printedDecimal(0x4641)      // "12352.0" (shortest: "12350.0")
    ///     FloatFormat.float16.printedDecimal(0x2e66)       // "0.0999755859375" (shortest: "0.1")
    ///     FloatFormat.tf32.printedDecimal(0x1f555)         // "0.333251953125" (1365 × 2^-12; shortest: "0.3333")
    ///     FloatFormat.bfloat16.printedDecimal(0x0001)      // "9.183549615799121e-41" (2^-133: 94 exact digits)
    ///     FloatFormat.float32.printedDecimal(0x3dcccccd)   // "0.1"
    public func printedDecimal(_ bits: UInt64) -> String {
        guard bitWidth < 32, case .finite(let negative, let significand, let exponent) = decode(bits) else {
            return shortestDecimal(bits)
        }
        if let (digits, decimalExponent) = Self.exactDigits(significand: significand, exponent: exponent) {
            if digits < 100_000_000_000_000_000 {  // at most 17 digits
                return (negative ? "-" : "") + Self.formatDecimal(digits: String(digits), exponent: decimalExponent)
            }
        } else {
            let (digits, decimalExponent) = Self.decimalDigits(significand: Natural(significand), exponent: exponent)
            if digits.count <= 17 {
                return (negative ? "-" : "") + Self.formatDecimal(digits: digits, exponent: decimalExponent)
            }
        }
        let binaryExponent = exponent + (64 - significand.leadingZeroBitCount) - 1
        guard exponent >= -1074, binaryExponent <= 1023 else { return shortestDecimal(bits) }
        return FloatFormat.float64.shortestDecimal(doubleValue(bits).bitPattern)
    }

    /// The exact value significand × 2^exponent as digits × 10^decimalExponent, the digits
    /// without trailing zeros, when they fit in 128 bits (nil otherwise; the big-integer
    /// ``decimalDigits(significand:exponent:)`` answers every value). 2^-k = 5^k × 10^-k, so
    /// an odd significand times 5^k has no trailing zero:
    ///
    ///     FloatFormat.exactDigits(significand: 1365, exponent: -12)  // (333251953125, -12)
    ///     FloatFormat.exactDigits(significand: 1792, exponent: 0)    // (1792, 0)
    ///     FloatFormat.exactDigits(significand: 5, exponent: 1)       // (1, 1): 10
    static func exactDigits(significand: UInt64, exponent: Int) -> (digits: UInt128, exponent: Int)? {
        guard significand != 0 else { return (0, 0) }
        let zeros = significand.trailingZeroBitCount
        let odd = UInt128(significand >> zeros)
        let binaryExponent = exponent + zeros
        if binaryExponent >= 0 {
            guard binaryExponent < odd.leadingZeroBitCount else { return nil }
            var digits = odd << binaryExponent
            var decimalExponent = 0
            while digits % 10 == 0 {
                digits /= 10
                decimalExponent += 1
            }
            return (digits, decimalExponent)
        }
        guard binaryExponent >= -55 else { return nil }  // 5^55 < 2^128 < 5^56
        var digits = odd
        for _ in 0..<(-binaryExponent) {
            let (product, overflow) = digits.multipliedReportingOverflow(by: 5)
            if overflow { return nil }
            digits = product
        }
        return (digits, binaryExponent)
    }

    /// Appends ``printedDecimal(_:)``'s UTF-8 bytes to `bytes`: the entry point of writers that
    /// gather a document as bytes (`quantize --json`). float32 digits are written straight into
    /// the bytes (``Float32ShortestDecimal``, about 40 ns a value); other formats go through
    /// ``printedDecimal(_:)``'s `String` (texts of up to 15 bytes live inside the `String` value
    /// itself, without a heap allocation).
    ///
    ///     var bytes: [UInt8] = []
    ///     FloatFormat.float32.appendPrintedDecimal(0x3dcccccd, to: &bytes)   // bytes: "0.1"
    ///     FloatFormat.float8_e4m3fn.appendPrintedDecimal(0x7e, to: &bytes)   // bytes: "0.1448.0"
    public func appendPrintedDecimal(_ bits: UInt64, to bytes: inout [UInt8]) {
        if self == .float32 {
            return Float32ShortestDecimal.append(UInt32(truncatingIfNeeded: bits), to: &bytes)
        }
        var text = printedDecimal(bits)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The shortest decimal that rounds back (nearest-even) to the same code, formatted as
    /// Python's `repr` and Swift's `Double.description` do: positional for 1e-4 ≤ |x| < 1e16
    /// (always with a fraction digit), scientific otherwise.
    ///
    ///     FloatFormat.float16.shortestDecimal(0x3555)   // "0.3333"
    ///     FloatFormat.bfloat16.shortestDecimal(0x7f7f)  // "3.39e+38"
    ///     FloatFormat.float64.shortestDecimal(0x3fb999999999999a) // "0.1"
    public func shortestDecimal(_ bits: UInt64) -> String {
        ShortestDecimal.string(bits, in: self) ?? searchedShortestDecimal(bits)
    }

    /// ``shortestDecimal(_:)`` by the engine's own search: digit lengths tried in turn, each
    /// candidate rounded back exactly with big integers (about 40 µs for a float64 value). The
    /// hardware formats take ``ShortestDecimal`` first, which tests compare with this.
    func searchedShortestDecimal(_ bits: UInt64) -> String {
        switch decode(bits) {
        case .nan: return "nan"
        case .infinity(let negative): return negative ? "-inf" : "inf"
        case .zero(let negative): return negative ? "-0.0" : "0.0"
        case .finite(let negative, let significand, let exponent):
            let magnitude = bits & magnitudeMask
            let (digits, decimalExponent) = Self.shortestDigits(
                significand: significand, exponent: exponent, matching: magnitude, in: self)
            return (negative ? "-" : "") + Self.formatDecimal(digits: digits, exponent: decimalExponent)
        }
    }

    private static func shortestDigits(significand: UInt64, exponent: Int, matching magnitude: UInt64, in format: FloatFormat) -> (String, Int) {
        let (exactDigits, exactExponent) = decimalDigits(significand: Natural(significand), exponent: exponent)
        let digitBytes = Array(exactDigits.utf8)
        for length in 1..<digitBytes.count {
            let droppedCount = digitBytes.count - length
            let candidateExponent = exactExponent + droppedCount
            let lower = Array(digitBytes[..<length])
            let upper = incrementDecimal(lower)
            let lowerFits = roundsTo(magnitude, digits: lower, exponent: candidateExponent, in: format)
            let upperFits = roundsTo(magnitude, digits: upper, exponent: candidateExponent, in: format)
            if !lowerFits && !upperFits { continue }
            let chosen: [UInt8]
            if lowerFits && upperFits {
                // Both neighbors round back: take the nearer one, the even one on a tie
                // (as Swift's and Python's shortest printing do: 1068634.75 → "1068634.8").
                let rest = Array(digitBytes[length...])
                let half = [UInt8(ascii: "5")] + [UInt8](repeating: UInt8(ascii: "0"), count: rest.count - 1)
                if rest == half {
                    chosen = lower.last! & 1 == 0 ? lower : upper
                } else {
                    chosen = rest.lexicographicallyPrecedes(half) ? lower : upper
                }
            } else {
                chosen = lowerFits ? lower : upper
            }
            return trimmed(chosen, exponent: candidateExponent)
        }
        return (exactDigits, exactExponent)
    }

    private static func trimmed(_ digits: [UInt8], exponent: Int) -> (String, Int) {
        var digits = digits
        var exponent = exponent
        while digits.count > 1, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        return (String(decoding: digits, as: UTF8.self), exponent)
    }

    private static func incrementDecimal(_ digits: [UInt8]) -> [UInt8] {
        var result = digits
        var index = result.count - 1
        while index >= 0 {
            if result[index] == UInt8(ascii: "9") {
                result[index] = UInt8(ascii: "0")
                index -= 1
            } else {
                result[index] += 1
                return result
            }
        }
        return [UInt8(ascii: "1")] + result
    }

    private static func roundsTo(_ magnitude: UInt64, digits: [UInt8], exponent: Int, in format: FloatFormat) -> Bool {
        var value = Natural()
        for digit in digits { value.multiply(by: 10, adding: UInt64(digit - UInt8(ascii: "0"))) }
        let number: ExactNumber
        if exponent >= 0 {
            value.multiply(byPowerOfFive: exponent)
            number = ExactNumber(kind: .finite, negative: false, numerator: value, binaryExponent: exponent)
        } else {
            var denominator = Natural.one
            denominator.multiply(byPowerOfFive: -exponent)
            number = ExactNumber(kind: .finite, negative: false, numerator: value, denominator: denominator, binaryExponent: exponent)
        }
        return number.rounded(to: format).bits == magnitude
    }

    /// Formats `digits × 10^exponent` in the Python-repr style (``DecimalLayout``).
    static func formatDecimal(digits: String, exponent: Int) -> String {
        DecimalLayout.string(negative: false, digits: digits.utf8, exponent: exponent)
    }
}
