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

    /// Where the decimal point goes for `count` digits × 10^`exponent`: the one rule both
    /// writers below follow.
    ///
    ///     DecimalLayout.shape(count: 1, exponent: 16)    // .scientific(16): 1e+16
    ///     DecimalLayout.shape(count: 3, exponent: 1)     // .integer: 1230.0
    ///     DecimalLayout.shape(count: 4, exponent: -3)    // .split(1): 1.234
    ///     DecimalLayout.shape(count: 2, exponent: -5)    // .fraction(3): 0.00012
    enum Shape: Equatable {
        /// d.ddd e±XX, with this exponent (below −4 or at least 16).
        case scientific(Int)
        /// The digits, `exponent` zeros, ".0".
        case integer
        /// The first `n` digits, ".", the rest.
        case split(Int)
        /// "0.", `n` zeros, the digits.
        case fraction(Int)
    }

    @inline(__always)
    static func shape(count: Int, exponent: Int) -> Shape {
        let scientificExponent = exponent &+ count &- 1
        if scientificExponent < -4 || scientificExponent >= 16 { return .scientific(scientificExponent) }
        if exponent >= 0 { return .integer }
        if count > -exponent { return .split(count &+ exponent) }
        return .fraction(-exponent &- count)
    }

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
        switch shape(count: count, exponent: exponent) {
        case .scientific(let scientificExponent):
            put(digits[0])
            if count > 1 {
                put(UInt8(ascii: "."))
                copy(1..<count)
            }
            cursor += writeExponent(scientificExponent, to: cursor)
        case .integer:
            copy(0..<count)
            for _ in 0..<exponent { put(zero) }
            put(UInt8(ascii: "."))
            put(zero)
        case .split(let point):
            copy(0..<point)
            put(UInt8(ascii: "."))
            copy(point..<count)
        case .fraction(let zeros):
            put(zero)
            put(UInt8(ascii: "."))
            for _ in 0..<zeros { put(zero) }
            copy(0..<count)
        }
        return cursor - out
    }

    /// ``write(negative:digits:exponent:to:)`` for a significand of at most 9 digits held as
    /// an integer (`significand` × 10^`exponent`, 1 … 999,999,999): its digits are made in a
    /// register (``DecimalDigits/ascii(_:)``) and the point put between them there, so the
    /// text is written with a few word stores and no loop. `out` must have room for 19 bytes
    /// (``Float32ShortestDecimal/maxLength``), all of which it may write.
    /// ``Float32ShortestDecimal``'s layout.
    ///
    ///     DecimalLayout.write(negative: true, significand: 25, exponent: -6, to: out)     // 8: "-2.5e-05"
    ///     DecimalLayout.write(negative: false, significand: 1234, exponent: -3, to: out)  // 5: "1.234"
    ///     DecimalLayout.write(negative: false, significand: 12, exponent: -4, to: out)    // 6: "0.0012"
    ///     DecimalLayout.write(negative: false, significand: 5, exponent: 3, to: out)      // 6: "5000.0"
    @inline(__always)
    static func write(negative: Bool, significand: UInt32, exponent: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let zeros: UInt64 = 0x3030_3030_3030_3030  // "00000000"
        let (first, ninth, count) = DecimalDigits.ascii(significand)
        out.pointee = UInt8(ascii: "-")
        var cursor = out + (negative ? 1 : 0)
        let raw = UnsafeMutableRawPointer(cursor)
        /// The digits with a point after the first `point` (1 … 8): 10 bytes at `raw`.
        func storeSplit(_ point: Int) {
            let front = UInt64.max &>> (64 &- 8 &* point)  // the first `point` bytes
            var low = first, high = UInt16(ninth) << 8 | UInt16(UInt8(ascii: "."))
            if point < 8 {
                low = first & front | UInt64(UInt8(ascii: ".")) &<< (8 &* point) | (first & ~front) &<< 8
                high = UInt16(truncatingIfNeeded: first >> 56) | UInt16(ninth) << 8
            }
            raw.storeBytes(of: low.littleEndian, as: UInt64.self)
            raw.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt16.self)
        }
        switch shape(count: count, exponent: exponent) {
        case .scientific(let scientificExponent):
            if count > 1 {
                storeSplit(1)
                cursor += count &+ 1
            } else {
                cursor.pointee = UInt8(truncatingIfNeeded: first)
                cursor += 1
            }
            cursor += writeExponent(scientificExponent, to: cursor)
        case .integer:
            // 16 zeros (count + exponent ≤ 16 here), the digits over the first of them (and
            // zeros after them).
            raw.storeBytes(of: zeros, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: first.littleEndian, as: UInt64.self)
            cursor[8] = ninth
            cursor += count &+ exponent
            cursor[0] = UInt8(ascii: ".")
            cursor[1] = UInt8(ascii: "0")
            cursor += 2
        case .split(let point):
            storeSplit(point)
            cursor += count &+ 1
        case .fraction(let zeroCount):
            // "0." and 4 zeros (at most 3 are needed here), then the digits after the zeros.
            raw.storeBytes(of: (UInt64(truncatingIfNeeded: zeros) << 16 | 0x2e30).littleEndian, as: UInt64.self)
            cursor += 2 &+ zeroCount
            UnsafeMutableRawPointer(cursor).storeBytes(of: first.littleEndian, as: UInt64.self)
            cursor[8] = ninth
            cursor += count
        }
        return cursor - out
    }

    /// Writes "e", the sign and at least two digits of `exponent` at `out`; returns the length.
    ///
    ///     DecimalLayout.writeExponent(-5, to: out)    // 4: "e-05"
    ///     DecimalLayout.writeExponent(308, to: out)   // 5: "e+308"
    @inline(__always)
    static func writeExponent(_ exponent: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "e")
        out[1] = exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
        let magnitude = UInt64(exponent.magnitude)
        let count = max(2, DecimalDigits.count(magnitude))
        if magnitude < 10 {
            out[2] = UInt8(ascii: "0")
            out[3] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude)
        } else {
            DecimalDigits.write(magnitude, count: count, to: out + 2)
        }
        return 2 &+ count
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
