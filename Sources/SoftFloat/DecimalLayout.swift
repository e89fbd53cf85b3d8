/// The lab's one layout of `digits × 10^exponent` (Python's `repr` and Swift's
/// `Double.description` style): positional for 1e-4 ≤ |x| < 1e16, always with a fraction
/// digit, scientific otherwise with a signed exponent of at least two digits. Every printer
/// (``FloatFormat/shortestDecimal(_:)``, ``FloatFormat/printedDecimal(_:)``,
/// ``Float32ShortestDecimal``) lays its digits out here.
///
///     DecimalLayout.string(negative: false, digits: Array("1".utf8), exponent: 10)   // "10000000000.0"
///     DecimalLayout.string(negative: true, digits: Array("25".utf8), exponent: -6)   // "-2.5e-05"
///     DecimalLayout.string(negative: false, digits: Array("3333".utf8), exponent: -4) // "0.3333"
///     DecimalLayout.string(negative: false, digits: Array("339".utf8), exponent: 36)  // "3.39e+38"
enum DecimalLayout {
    /// The most bytes ``write(negative:digits:exponent:to:)`` writes for `digitCount` digits:
    /// a sign, at most 15 zeros and ".0" (positional), or a point, "e±" and up to 19 exponent
    /// digits (scientific).
    static func maxLength(digitCount: Int) -> Int { digitCount + 24 }

    /// Writes the layout of ±`digits` × 10^`exponent` at `out` and returns its length (at most
    /// ``maxLength(digitCount:)``); `digits` are ASCII digits without leading zeros (trailing
    /// zeros are printed as given).
    static func write(negative: Bool, digits: UnsafeBufferPointer<UInt8>, exponent: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let zero = UInt8(ascii: "0")
        let count = digits.count
        var cursor = out
        func copy(_ part: Range<Int>) {
            for index in part {
                cursor.pointee = digits[index]
                cursor += 1
            }
        }
        func put(_ byte: UInt8) {
            cursor.pointee = byte
            cursor += 1
        }
        if negative { put(UInt8(ascii: "-")) }
        let scientificExponent = exponent + count - 1
        if scientificExponent < -4 || scientificExponent >= 16 {
            put(digits[0])
            if count > 1 {
                put(UInt8(ascii: "."))
                copy(1..<count)
            }
            put(UInt8(ascii: "e"))
            put(scientificExponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = scientificExponent.magnitude
            var divisor: UInt = 10  // the power of ten of the leading exponent digit (two at least)
            while magnitude / divisor >= 10 { divisor *= 10 }
            repeat {
                put(zero &+ UInt8(truncatingIfNeeded: magnitude / divisor % 10))
                divisor /= 10
            } while divisor > 0
        } else if exponent >= 0 {
            copy(0..<count)
            for _ in 0..<exponent { put(zero) }
            put(UInt8(ascii: "."))
            put(zero)
        } else if count > -exponent {
            copy(0..<(count + exponent))
            put(UInt8(ascii: "."))
            copy((count + exponent)..<count)
        } else {
            put(zero)
            put(UInt8(ascii: "."))
            for _ in 0..<(-exponent - count) { put(zero) }
            copy(0..<count)
        }
        return cursor - out
    }

    /// Appends ``write(negative:digits:exponent:to:)``'s bytes to `bytes`.
    static func append<Digits: Collection<UInt8>>(negative: Bool, digits: Digits, exponent: Int, to bytes: inout [UInt8]) {
        let contiguous = Array(digits)
        contiguous.withUnsafeBufferPointer { digits in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength(digitCount: digits.count)) { buffer in
                let length = write(negative: negative, digits: digits, exponent: exponent, to: buffer.baseAddress!)
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<length]))
            }
        }
    }

    /// ``write(negative:digits:exponent:to:)``'s text as a `String`.
    static func string<Digits: Collection<UInt8>>(negative: Bool, digits: Digits, exponent: Int) -> String {
        var bytes: [UInt8] = []
        append(negative: negative, digits: digits, exponent: exponent, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
